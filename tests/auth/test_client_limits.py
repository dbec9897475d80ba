"""Sign-in and reset limits follow the real client: the browser behind the portal (or a
load balancer), never the portal's own address, and never one email for everyone."""

import pytest

from backend.core.clientaddr import client_address
from tests.conftest import Api
from tests.factories import PASSWORD, make_user

LOGIN = "mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } errors { code } } }"
RESET = "mutation R($e: String!) { requestPasswordReset(email: $e) { ok errors { code } } }"
PORTAL = "10.0.0.5"  # the portal's server, a trusted proxy in these tests


@pytest.fixture(autouse=True)
def portal_is_trusted(settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(TRUSTED_PROXIES=f"{PORTAL}/32,127.0.0.1/32")


async def _login(api: Api, email: str, password: str, *, browser: str) -> str | None:
    r = await api.client.post("/graphql", json={"query": LOGIN, "variables": {"e": email, "p": password}},
                              headers={"X-Forwarded-For": browser})
    errors = r.json()["data"]["login"]["errors"]
    return errors[0]["code"] if errors else None


async def test_an_attacker_failing_at_one_person_does_not_lock_that_person_out(api: Api) -> None:
    await make_user("victim@example.com")
    attempts = [await _login(api, "victim@example.com", "wrong-guess-123", browser="203.0.113.9") for _ in range(11)]
    assert attempts[:10] == ["INVALID_CREDENTIALS"] * 10 and attempts[10] == "RATE_LIMITED"
    # The same portal, another browser: the right password works.
    assert await _login(api, "victim@example.com", PASSWORD, browser="198.51.100.7") is None


async def test_ten_failures_from_one_browser_do_not_refuse_another_persons_login(api: Api) -> None:
    await make_user("someone@example.com")
    for i in range(10):
        await _login(api, f"guess{i}@example.com", "wrong-guess-123", browser="203.0.113.9")
    assert await _login(api, "guess10@example.com", "wrong-guess-123", browser="203.0.113.9") == "RATE_LIMITED"
    assert await _login(api, "someone@example.com", PASSWORD, browser="198.51.100.7") is None


async def test_password_resets_are_limited_per_browser_not_for_everyone(api: Api) -> None:
    async def reset(email: str, browser: str) -> list:
        r = await api.client.post("/graphql", json={"query": RESET, "variables": {"e": email}},
                                  headers={"X-Forwarded-For": browser})
        return r.json()["data"]["requestPasswordReset"]["errors"]

    assert [await reset(f"p{i}@example.com", "203.0.113.9") for i in range(5)] == [[]] * 5
    assert await reset("p5@example.com", "203.0.113.9") == [{"code": "RATE_LIMITED"}]
    assert await reset("other@example.com", "198.51.100.7") == []


class _Peer:
    def __init__(self, host: str) -> None:
        self.host = host


class _Request:
    def __init__(self, peer: str, forwarded: str | None = None) -> None:
        self.client = _Peer(peer)
        self.headers = {"x-forwarded-for": forwarded} if forwarded is not None else {}


def test_forwarded_for_counts_only_from_a_trusted_proxy() -> None:
    assert client_address(_Request("203.0.113.9", "1.2.3.4")) == "203.0.113.9"  # a stranger's header is ignored
    assert client_address(_Request(PORTAL, "1.2.3.4")) == "1.2.3.4"
    # Read from the right: the client's own (forged) entries before the proxy's are ignored.
    assert client_address(_Request(PORTAL, "6.6.6.6, 1.2.3.4")) == "1.2.3.4"
    assert client_address(_Request(PORTAL, "1.2.3.4, 127.0.0.1")) == "1.2.3.4"  # skipping trusted hops
    assert client_address(_Request(PORTAL, "not-an-ip")) == PORTAL
    assert client_address(_Request(PORTAL)) == PORTAL


def test_production_trusts_no_proxy_unless_configured(settings_env) -> None:  # type: ignore[no-untyped-def]
    from backend.core.config import settings_from_env

    prod = settings_from_env({"PORTICO_ENV": "production", "SECRET_KEY": "s" * 40})
    assert prod.trusted_proxies == ()
    assert len(settings_from_env({}).trusted_proxies) == 2  # development: loopback (the portal beside it)
