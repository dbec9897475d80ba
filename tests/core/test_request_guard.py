"""The HTTP edge: request bodies that are not GraphQL requests, or too big, are refused
with a code before anything runs; every response carries the security headers."""

from collections.abc import AsyncIterator

import pytest
from httpx import AsyncClient

from backend.accounts.models import Account

ME = '{"query": "{ me { user { email } } }"}'


@pytest.mark.parametrize("body", [b"5", b'"x"', b"null", b"[]", b"{bad json", b'{"query": 5}',
                                  b'{"query": "{ me { user { id } } }", "variables": 5}',
                                  b'{"query": "{ me { user { id } } }", "operationName": 7}', b"\xff\xfe"])
async def test_bodies_that_are_not_a_graphql_request_get_bad_user_input(http: AsyncClient, body: bytes) -> None:
    r = await http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert r.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_body_over_the_limit_is_refused_by_its_length(http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(MAX_REQUEST_BYTES="1000")
    query = '{"query": "mutation { createAccount(name: \\"' + "x" * 2000 + '\\") { errors { code } } }"}'
    r = await http.post("/graphql", content=query, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert await Account.all().count() == 0


async def test_a_streamed_body_is_cut_off_at_the_limit_without_reading_it_whole(http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(MAX_REQUEST_BYTES="4096")
    sent = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"query": "'
        for _ in range(10_000):  # 10 MB if it were read whole
            sent += 1
            yield b"x" * 1000

    r = await http.post("/graphql", content=endless(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert sent < 20  # stopped a few chunks past the limit


async def test_the_default_limit_is_one_mebibyte(http: AsyncClient) -> None:
    from backend.core.config import get_settings

    assert get_settings().max_request_bytes == 1024 * 1024
    r = await http.post("/graphql", content=b" " * (1024 * 1024 + 1) + ME.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 413


async def test_security_headers_on_every_response(http: AsyncClient) -> None:
    for r in (await http.post("/graphql", content=ME, headers={"content-type": "application/json"}),
              await http.get("/healthz"), await http.get("/reports/subscriptions/1/viewings.xlsx"),
              await http.get("/sso/login")):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert "strict-transport-security" not in r.headers  # plain HTTP, no trusted proxy saying otherwise


async def test_hsts_when_a_trusted_proxy_says_the_client_used_tls(http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(TRUSTED_PROXIES="127.0.0.1/32")
    r = await http.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert r.headers["strict-transport-security"].startswith("max-age=")
    settings_env(TRUSTED_PROXIES="10.9.9.9/32")  # the same header from a stranger means nothing
    r = await http.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in r.headers
