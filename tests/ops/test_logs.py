"""One structured line per request; nothing secret in any line."""

import io
import json
import logging

import pytest
from httpx import AsyncClient

from backend.core.config import settings_from_env
from backend.core.observability.logging import formatter, redact_text
from tests.conftest import Api
from tests.factories import PASSWORD, make_account, make_user, token_for

LOGIN = """mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } } }"""
MEMBERS = """query Members($accountId: ID!) { accountMembers(accountId: $accountId) { nodes { user { id } } } }"""


@pytest.fixture
def json_lines():  # type: ignore[no-untyped-def]
    """What a production process would print: the JSON formatter on the root logger."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter(settings_from_env({"PORTICO_ENV": "production", "SECRET_KEY": "x" * 40})))
    logging.getLogger().addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.getLogger().removeHandler(handler)


async def test_one_json_line_per_request_with_who_what_and_how_long(api: Api, json_lines) -> None:  # type: ignore[no-untyped-def]
    admin = await make_user("logged.admin@example.com")
    account = await make_account("Logged Gym", admin=admin)
    await api.as_(await token_for(admin))(MEMBERS, {"accountId": str(account.id)})
    [line] = [r for r in json_lines() if r["event"] == "request"]
    assert line["operation"] == "Members" and line["outcome"] == "ok" and line["status"] == 200
    assert line["user_id"] == admin.id and line["account_id"] == str(account.id)
    assert len(line["request_id"]) == 16 and line["duration_ms"] >= 0
    assert line["level"] == "info" and line["logger"] == "portico.request" and line["timestamp"].endswith("Z")


async def test_a_sign_in_logs_no_password_token_or_address(api: Api, json_lines) -> None:  # type: ignore[no-untyped-def]
    await make_user("private.person@example.com")
    tokens = (await api(LOGIN, {"e": "private.person@example.com", "p": PASSWORD}))["login"]["tokens"]
    # A call site that forgets itself still cannot leak an address or a token (a password
    # is not recognisable in free text: no code logs one, and the suite-wide scan checks that).
    logging.getLogger("portico.test").warning(
        "careless call site: %s signed in, got %s", "private.person@example.com", tokens["accessToken"]
    )
    text = json.dumps(json_lines())
    assert "private.person@example.com" not in text and PASSWORD not in text and tokens["accessToken"] not in text
    assert "p***@example.com" in text


@pytest.mark.parametrize(("raw", "clean"), [
    ("mail to maria.garcia@example.com failed", "mail to m***@example.com failed"),
    ("GET /sso/callback?code=abc123def&state=xyz789", "GET /sso/callback?code=[redacted]&state=[redacted]"),
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop", "Authorization: Bearer [redacted]"),
    ("token G9m2xQ1-bZr8vN4pL7sT0aY6cW3eH5jK9uD2fR8iO1q", "token [redacted]"),
    ("request 5f2a9c1e0b7d4e63 took 12 ms", "request 5f2a9c1e0b7d4e63 took 12 ms"),
    ("test_three_apis_two_workers_behind_nginx_lose_nothing_2", "test_three_apis_two_workers_behind_nginx_lose_nothing_2"),
])
def test_redaction(raw: str, clean: str) -> None:
    assert redact_text(raw) == clean


async def test_probe_requests_stay_out_of_the_info_log(http: AsyncClient, json_lines) -> None:  # type: ignore[no-untyped-def]
    await http.get("/healthz")
    assert [r for r in json_lines() if r["event"] == "request"] == []
