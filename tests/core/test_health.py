from httpx import AsyncClient


async def test_healthz_checks_the_database(http: AsyncClient) -> None:
    response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
