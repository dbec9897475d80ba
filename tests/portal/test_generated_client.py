"""The portal's typed client (frontend/api/generated): the build gate, the allow-list it
feeds, and the behaviour every call keeps (address, headers, error mapping, plain dicts)."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontend.api import ApiError, PayloadError
from frontend.api import auth as auth_api
from frontend.api import families as families_api
from frontend.api import members as members_api
from frontend.api.client import forward_browser
from frontend.api.codegen import PACKAGE, CodegenError, generate, package_files
from frontend.api.generated import Client
from frontend.api.operations import portal_operations

USER = {"id": "7", "email": "ana@example.com", "firstName": "Ana", "lastName": "Active", "fullName": "Ana Active"}


def test_the_committed_client_is_what_codegen_writes(tmp_path: Path) -> None:
    """Fails when an operation no longer matches schema.graphql (ariadne-codegen refuses it)
    or when frontend/api/generated is stale: run ./scripts/codegen.sh."""
    try:
        fresh = generate(tmp_path)
    except CodegenError as exc:
        pytest.fail(f"ariadne-codegen refused the portal's operations:\n{exc}")
    committed, generated = package_files(PACKAGE), package_files(fresh)
    assert sorted(committed) == sorted(generated), "frontend/api/generated is stale: run ./scripts/codegen.sh"
    stale = [name for name in committed if committed[name] != generated[name]]
    assert stale == [], "frontend/api/generated is stale: run ./scripts/codegen.sh"


def test_an_operation_that_does_not_match_the_schema_fails_generation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "broken.graphql").write_text("query Broken { me { user { shoeSize } } }\n")
    out = tmp_path / "out"
    out.mkdir()
    from frontend.api import codegen

    settings = codegen.settings()
    monkeypatch.setattr(codegen, "settings", lambda: {**settings, "queries_path": str(queries)})
    with pytest.raises(CodegenError, match="shoeSize"):
        generate(out)


def _dummy(parameter: inspect.Parameter) -> Any:
    return [] if "list" in str(parameter.annotation) else "x"


async def test_the_allow_list_holds_exactly_what_the_client_sends(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[str] = []

    async def capture(self: Client, query: str, operation_name: str | None = None, variables: Any = None, **kw: Any) -> Any:
        sent.append(query)
        raise ApiError("CAPTURED", "")

    monkeypatch.setattr(Client, "execute", capture)
    client = Client()
    for name, method in inspect.getmembers(Client, inspect.iscoroutinefunction):
        if name.startswith("_") or name in ("execute", "execute_ws"):
            continue
        params = inspect.signature(method).parameters.values()
        args = {p.name: _dummy(p) for p in params if p.name not in ("self", "kwargs") and p.default is inspect.Parameter.empty}
        with pytest.raises(ApiError):
            await getattr(client, name)(**args)
    assert len(sent) == len(set(sent))
    assert set(sent) == set(portal_operations().values())


Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def api_answers(monkeypatch: pytest.MonkeyPatch) -> Callable[[Handler], list[httpx.Request]]:
    """Route the portal's HTTP calls to `handler`; returns the requests it saw."""

    def install(handler: Handler) -> list[httpx.Request]:
        seen: list[httpx.Request] = []

        def record(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return handler(request)

        monkeypatch.setattr(httpx, "AsyncClient", functools.partial(httpx.AsyncClient, transport=httpx.MockTransport(record)))
        return seen

    return install


def _data(payload: dict[str, Any]) -> Handler:
    return lambda request: httpx.Response(200, json={"data": payload})


async def test_a_call_reads_api_url_then_sends_the_token_and_the_browser(api_answers: Any,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    viewer = {"user": USER, "isEnterpriseUser": False, "actAsAccountId": None, "memberships": [
        {"id": "3", "role": "ADMIN", "status": "ACTIVE", "modules": ["CUSTOMERS"], "subAccountIds": [],
         "permissions": ["USERS_MANAGE"],
         "account": {"id": "1", "name": "Gym", "parentId": None}}]}
    seen = api_answers(_data({"me": viewer}))
    monkeypatch.setenv("API_URL", "http://api.example:9000/")

    async def as_browser() -> Any:
        forward_browser("203.0.113.9")
        return await auth_api.me(token="tok-1")

    # Each portal event runs in its own context, as Reflex's handlers do.
    me = await asyncio.create_task(as_browser(), context=contextvars.copy_context())
    assert me == viewer and type(me["memberships"][0]["role"]) is str  # plain JSON, as the pages had it
    request = seen[0]
    assert str(request.url) == "http://api.example:9000/graphql"
    assert request.headers["authorization"] == "Bearer tok-1" and request.headers["x-forwarded-for"] == "203.0.113.9"
    assert json.loads(request.content)["query"] in portal_operations().values()

    await auth_api.me(token="")
    assert "authorization" not in seen[1].headers and "x-forwarded-for" not in seen[1].headers


async def test_inputs_go_out_by_their_schema_names(api_answers: Any) -> None:
    secondary = {"id": "9", "role": "SECONDARY", "status": "INVITED", "email": "bo@example.com", "firstName": "Bo",
                 "lastName": "",
                 "viewFullLedger": False, "canMakePayments": False, "canEditContact": True, "invitationExpiresAt": None,
                 "invitationsSent": 0}
    seen = api_answers(_data({"addSecondary": {"secondary": secondary, "errors": []}}))
    result = await families_api.add_secondary(token="t", family_id="4", email=" bo@example.com ", first_name="Bo", last_name="")
    assert result == secondary
    assert json.loads(seen[0].content)["variables"] == {
        "family": "4", "input": {"email": "bo@example.com", "firstName": "Bo", "lastName": ""}}


async def test_payload_errors_raise_payload_error(api_answers: Any) -> None:
    api_answers(_data({"login": {"tokens": None, "errors": [{"code": "INVALID_CREDENTIALS", "message": "No.", "field": None}]}}))
    with pytest.raises(PayloadError) as refused:
        await auth_api.login(email="ana@example.com", password="wrong")
    assert refused.value.code == "INVALID_CREDENTIALS"
    assert refused.value.message.startswith("That email and password don't match")


async def test_top_level_errors_raise_api_error_with_their_code(api_answers: Any) -> None:
    api_answers(lambda request: httpx.Response(200, json={"data": None, "errors": [
        {"message": "Not allowed", "extensions": {"code": "FORBIDDEN"}}]}))
    with pytest.raises(ApiError) as refused:
        await members_api.account_members(token="t", account_id="1")
    assert refused.value.code == "FORBIDDEN"
    with pytest.raises(ApiError) as family:
        await families_api.transactions(token="t", family_id="2")
    assert (family.value.code, family.value.message) == ("FORBIDDEN", families_api.message_for("FAMILY_FORBIDDEN"))


@pytest.mark.parametrize("handler", [
    lambda request: httpx.Response(502, text="<html>bad gateway</html>"),
    lambda request: (_ for _ in ()).throw(httpx.ConnectError("refused")),
])
async def test_no_answer_is_unreachable(api_answers: Any, handler: Handler) -> None:
    api_answers(handler)
    with pytest.raises(ApiError) as away:
        await auth_api.login(email="ana@example.com", password="x")
    assert away.value.code == "UNREACHABLE"
