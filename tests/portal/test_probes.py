"""The portal's probes: alive on its own, ready when the API is."""

from collections.abc import AsyncIterator

import pytest
from httpx import ASGITransport, AsyncClient

from frontend.health import probes
from tests.conftest import _free_port
from tests.core.test_server import server  # noqa: F401  (the real API, uvicorn in a subprocess)


@pytest.fixture
async def portal() -> AsyncIterator[AsyncClient]:
    async with AsyncClient(transport=ASGITransport(app=probes()), base_url="http://portal.test") as client:
        yield client


async def test_ready_when_the_api_is(portal: AsyncClient, server: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("API_URL", server)
    response = await portal.get("/readyz")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "api": "ok"})


async def test_alive_but_not_ready_without_the_api(portal: AsyncClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("API_URL", f"http://127.0.0.1:{_free_port()}")
    assert (await portal.get("/healthz")).json() == {"status": "ok"}
    response = await portal.get("/readyz")
    assert (response.status_code, response.json()) == (503, {"status": "unavailable", "api": "unavailable"})
