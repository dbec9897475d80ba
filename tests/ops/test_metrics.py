"""Prometheus metrics, scraped from `/metrics` like Prometheus does (bearer token)."""

import re

from httpx import AsyncClient

from backend.core.observability import metrics
from tests.conftest import Api, Mailbox
from tests.factories import PASSWORD, make_account, make_seat_user, make_subscription, make_user, token_for

TOKEN = "metrics-token-for-the-test-suite-0123"
LOGIN = """mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } } }"""
INVITE = """mutation InviteStaff($a: ID!) { inviteUsers(accountId: $a, input: {emails: ["new.staff@example.com"]}) {
  invitedCount } }"""
ACTIVATE = """mutation ActivateSeat($s: ID!, $u: ID!) { activateSeat(subscriptionId: $s, userId: $u) { errors { code } } }"""


async def scrape(http: AsyncClient) -> str:
    response = await http.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


def value(text: str, name: str, **labels: str) -> float:
    """The sample `name{labels}` in an exposition (0 when absent)."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
        if all(found.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_metrics_are_not_public(http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    assert (await http.get("/metrics")).status_code == 404  # no token configured: no endpoint
    settings_env(METRICS_TOKEN=TOKEN)
    assert (await http.get("/metrics")).status_code == 401
    assert (await http.get("/metrics", headers={"Authorization": "Bearer wrong-token"})).status_code == 401
    assert (await http.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 200


async def test_requests_logins_and_rate_limits_are_counted(api: Api, http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(METRICS_TOKEN=TOKEN, RATE_LIMIT_LOGIN="2/minute")
    await make_user("counted@example.com")
    before = await scrape(http)
    assert (await api(LOGIN, {"e": "counted@example.com", "p": PASSWORD}))["login"]["tokens"]
    await api(LOGIN, {"e": "counted@example.com", "p": "not-the-password-1"})
    await api(LOGIN, {"e": "counted@example.com", "p": PASSWORD})  # the third in a minute: refused
    after = await scrape(http)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("portico_requests_total", operation="Login", outcome="ok") == 1
    assert grew("portico_requests_total", operation="Login", outcome="refused") == 2
    assert grew("portico_logins_total", outcome="ok") == 1
    assert grew("portico_logins_total", outcome="invalid_credentials") == 1
    assert grew("portico_logins_total", outcome="rate_limited") == 1
    assert grew("portico_rate_limit_refusals_total", scope="login-ip") == 1
    assert grew("portico_request_duration_seconds_count", operation="Login") == 3


async def test_outbox_depth_age_and_deliveries(api: Api, http: AsyncClient, mailbox: Mailbox, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(METRICS_TOKEN=TOKEN)
    admin = await make_user("metrics.admin@example.com")
    account = await make_account("Metered Gym", admin=admin)
    before = await scrape(http)
    assert value(before, "portico_outbox_depth", channel="mail") == 0
    assert (await api.as_(await token_for(admin))(INVITE, {"a": str(account.id)}))["inviteUsers"]["invitedCount"] == 1
    queued = await scrape(http)
    assert value(queued, "portico_outbox_depth", channel="mail") == 1
    assert value(queued, "portico_outbox_oldest_age_seconds", channel="mail") >= 0
    assert value(queued, "portico_requests_total", operation="InviteStaff", outcome="ok") == 1
    await mailbox.deliver()
    sent = await scrape(http)
    assert value(sent, "portico_outbox_depth", channel="mail") == 0
    assert value(sent, "portico_deliveries_total", channel="mail", outcome="sent") - value(
        before, "portico_deliveries_total", channel="mail", outcome="sent") == 1


async def test_seat_activations_and_refusals(api: Api, http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(METRICS_TOKEN=TOKEN)
    admin = await make_user("seat.metrics@example.com")
    sub = await make_subscription(await make_account("Seat Metrics", admin=admin), admin, seats=1)
    ann, bob = await make_seat_user(sub, active=False, first="Ann"), await make_seat_user(sub, active=False, first="Bob")
    as_admin = api.as_(await token_for(admin))
    before = await scrape(http)
    assert (await as_admin(ACTIVATE, {"s": str(sub.id), "u": str(ann.id)}))["activateSeat"]["errors"] == []
    assert (await as_admin(ACTIVATE, {"s": str(sub.id), "u": str(bob.id)}))["activateSeat"]["errors"] == [{"code": "NO_FREE_SEAT"}]
    after = await scrape(http)
    for outcome in ("activated", "refused"):
        assert value(after, "portico_seat_activations_total", outcome=outcome) - value(
            before, "portico_seat_activations_total", outcome=outcome) == 1


async def test_an_outbox_table_that_does_not_exist_is_skipped() -> None:
    metrics.register_outbox("fax", "fax_outbox_that_does_not_exist")
    try:
        channels = [channel for channel, _, _ in await metrics.outbox_samples()]
    finally:
        metrics.OUTBOXES[:] = [o for o in metrics.OUTBOXES if o.channel != "fax"]
    assert "mail" in channels and "fax" not in channels


async def test_made_up_paths_share_one_label(http: AsyncClient, settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(METRICS_TOKEN=TOKEN)
    before = await scrape(http)
    for path in ("/wp-admin", "/.env", "/x/1/y"):
        assert (await http.get(path)).status_code == 404
    after = await scrape(http)
    assert value(after, "portico_requests_total", operation="not_found", outcome="http_404") - value(
        before, "portico_requests_total", operation="not_found", outcome="http_404") == 3
    assert "wp-admin" not in after
