"""Production settings: no introspection or "Did you mean" hints for strangers, one log
line per expected refusal, tracebacks only for bugs, servers on 127.0.0.1 by default."""

import logging
from pathlib import Path

import pytest

from tests.conftest import Api

INTROSPECT = "{ __schema { queryType { name } } }"
TYPO = "{ mee { user { email } } }"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production(settings_env) -> None:  # type: ignore[no-untyped-def]
    settings_env(PORTICO_ENV="production", SECRET_KEY="p" * 40)


async def test_introspection_is_off_in_production_unless_asked_for(api: Api, production: None, settings_env) -> None:  # type: ignore[no-untyped-def]
    body = await api.raw(INTROSPECT)
    assert body["data"] is None and "introspection" in body["errors"][0]["message"].lower()
    settings_env(GRAPHQL_INTROSPECTION="true")
    assert (await api(INTROSPECT))["__schema"]["queryType"]["name"] == "Query"


async def test_introspection_stays_on_in_development(api: Api) -> None:
    assert (await api(INTROSPECT))["__schema"]["queryType"]["name"] == "Query"


async def test_no_field_suggestions_in_production(api: Api, production: None) -> None:
    body = await api.raw(TYPO)
    message = body["errors"][0]["message"]
    assert "Cannot query field 'mee'" in message and "Did you mean" not in message


async def test_suggestions_help_in_development(api: Api) -> None:
    assert "Did you mean" in (await api.raw(TYPO))["errors"][0]["message"]


async def test_expected_refusals_are_one_line_and_bugs_keep_their_traceback(api: Api, caplog: pytest.LogCaptureFixture,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.INFO)
    await api.raw("query { account(accountId: \"1\") { name } }")  # not signed in
    await api.raw("query { account(accountId: \"³\") { name } }")  # bad input
    refusals = [r for r in caplog.records if r.name.startswith(("portico", "strawberry"))]
    assert refusals and all(r.exc_info is None and r.levelno == logging.INFO for r in refusals), refusals
    assert all("\n" not in r.getMessage() for r in refusals)

    from backend.auth import schema as auth_schema

    async def boom(**_: object) -> None:
        raise RuntimeError("a real bug")

    monkeypatch.setattr(auth_schema.service, "request_password_reset", boom)
    caplog.clear()
    body = await api.raw('mutation { requestPasswordReset(email: "a@example.com") { ok } }')
    assert body["errors"][0]["message"] == "Unexpected error. It has been logged."
    [bug] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert bug.exc_info is not None and "a real bug" in str(bug.exc_info[1])


def test_servers_listen_on_127_0_0_1_by_default() -> None:
    from backend.cli import build_parser

    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert build_parser().parse_args(["dev-mailbox"]).host == "127.0.0.1"
    run = (ROOT / "scripts" / "run.sh").read_text()
    assert "0.0.0.0" not in run.replace("API_HOST=0.0.0.0 / PORTAL_HOST=0.0.0.0", "")
    assert 'API_HOST="${API_HOST:-127.0.0.1}"' in run and '--backend-host "$PORTAL_HOST"' in run
