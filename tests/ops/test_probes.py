"""Liveness, readiness and draining, through the real app."""

from collections.abc import Iterator

import pytest
from httpx import AsyncClient
from tortoise import Tortoise

from backend.core import lifecycle
from backend.ops import health

ME = "query { me { user { email } } }"


@pytest.fixture
def draining() -> Iterator[None]:
    lifecycle.start_draining()
    yield
    lifecycle.reset()


@pytest.fixture(autouse=True)
def fresh_migration_check() -> Iterator[None]:
    health._migrations_current = False
    yield
    health._migrations_current = False


async def test_healthz_answers_without_asking_the_database(http: AsyncClient) -> None:
    response = await http.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_readyz_checks_database_and_migrations(http: AsyncClient) -> None:
    response = await http.get("/readyz")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "database": "ok", "migrations": "ok"})


async def test_readyz_is_unavailable_while_a_migration_is_pending(http: AsyncClient) -> None:
    conn = Tortoise.get_connection("default")
    await conn.execute_query("DELETE FROM tortoise_migrations WHERE name = '0004_enterprise'")  # rolled back after the test
    response = await http.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "migrations": "pending: 0004_enterprise"}


async def test_readyz_names_an_unreachable_redis(http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(REDIS_URL="redis://127.0.0.1:1/0")
    response = await http.get("/readyz")
    assert response.status_code == 503
    assert response.json()["redis"] == "unreachable"


async def test_readyz_checks_a_reachable_redis(http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(REDIS_URL="redis://127.0.0.1:6379/15")
    response = await http.get("/readyz")
    if response.json().get("redis") == "unreachable":
        pytest.skip("no Redis on 127.0.0.1:6379")
    assert (response.status_code, response.json()["redis"]) == (200, "ok")


async def test_draining_refuses_new_requests_with_retry_after_and_stays_alive(http: AsyncClient, draining: None) -> None:
    refused = await http.post("/graphql", json={"query": ME})
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "2"
    assert (await http.get("/readyz")).status_code == 503
    assert (await http.get("/healthz")).status_code == 200


async def test_every_response_names_its_request_id(http: AsyncClient) -> None:
    mine = await http.get("/healthz", headers={"X-Request-ID": "balancer-1234abcd"})
    assert mine.headers["x-request-id"] == "balancer-1234abcd"
    made_up = await http.get("/healthz", headers={"X-Request-ID": "no spaces\\nor newlines"})
    assert made_up.headers["x-request-id"] != "no spaces\\nor newlines"
    assert len(made_up.headers["x-request-id"]) == 16
