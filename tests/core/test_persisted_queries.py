"""Persisted queries: Apollo's APQ protocol (miss, register, hit, hash mismatch) and the
production allow-list (`GRAPHQL_PERSISTED_ONLY=true`) of the portal's own operations."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from graphql import build_schema, parse, validate
from httpx import AsyncClient

from backend.auth.models import Session
from backend.core import persisted
from backend.schema import sdl
from frontend.api.operations import MANIFEST, manifest_text, portal_operations
from tests.factories import PASSWORD, make_user, token_for

ME = "query Me { me { user { email } } }"
LOGIN = """mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { tokens { accessToken } errors { code } } }"""


def digest(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def apq(hash_: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": hash_}}


async def post(http: AsyncClient, body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post("/graphql", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(autouse=True)
def fresh_store() -> Any:
    persisted.store.cache_clear()
    persisted.manifest.cache_clear()
    yield
    persisted.store.cache_clear()
    persisted.manifest.cache_clear()


async def test_unknown_hash_is_not_found_then_registered_then_a_hit(http: AsyncClient) -> None:
    token = await token_for(await make_user("ana@example.com"))
    miss = await post(http, {"extensions": apq(digest(ME))}, token)
    assert miss["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert miss.get("data") is None

    registered = await post(http, {"query": ME, "extensions": apq(digest(ME))}, token)
    assert registered == {"data": {"me": {"user": {"email": "ana@example.com"}}}}

    hit = await post(http, {"extensions": apq(digest(ME))}, token)
    assert hit == {"data": {"me": {"user": {"email": "ana@example.com"}}}}


async def test_a_hash_that_does_not_match_the_query_is_refused_and_not_stored(http: AsyncClient) -> None:
    wrong = digest("query { __typename }")
    body = await post(http, {"query": ME, "extensions": apq(wrong)})
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    again = await post(http, {"extensions": apq(wrong)})
    assert again["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize(
    "extensions, code",
    [
        ({"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}}, "PERSISTED_QUERY_NOT_SUPPORTED"),
        ({"persistedQuery": {"version": 1, "sha256Hash": "short"}}, "BAD_USER_INPUT"),
        ({"persistedQuery": "x"}, "PERSISTED_QUERY_NOT_SUPPORTED"),
    ],
)
async def test_malformed_persisted_query_extensions_get_a_code(http: AsyncClient, extensions: Any, code: str) -> None:
    body = await post(http, {"extensions": extensions})
    assert body["errors"][0]["extensions"]["code"] == code


async def test_allow_list_runs_registered_operations_by_hash_or_text(http: AsyncClient, settings_env: Any, tmp_path: Any) -> None:
    manifest = tmp_path / "persisted-queries.json"
    manifest.write_text(json.dumps({digest(LOGIN): LOGIN}))
    settings_env(GRAPHQL_PERSISTED_ONLY="true", PERSISTED_QUERIES_FILE=str(manifest))
    await make_user("ana@example.com")
    variables = {"email": "ana@example.com", "password": PASSWORD}

    by_text = await post(http, {"query": LOGIN, "variables": variables})
    assert by_text["data"]["login"]["tokens"]["accessToken"]
    by_hash = await post(http, {"variables": variables, "extensions": apq(digest(LOGIN))})
    assert by_hash["data"]["login"]["tokens"]["accessToken"]
    assert await Session.all().count() == 2


async def test_allow_list_refuses_anything_else_and_runs_nothing(http: AsyncClient, settings_env: Any, tmp_path: Any) -> None:
    manifest = tmp_path / "persisted-queries.json"
    manifest.write_text(json.dumps({digest(ME): ME}))
    settings_env(GRAPHQL_PERSISTED_ONLY="true", PERSISTED_QUERIES_FILE=str(manifest))
    await make_user("ana@example.com")
    variables = {"email": "ana@example.com", "password": PASSWORD}

    unregistered = await post(http, {"query": LOGIN, "variables": variables})
    assert unregistered["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"
    # APQ registration is not a way around the list.
    apq_register = await post(http, {"query": LOGIN, "variables": variables, "extensions": apq(digest(LOGIN))})
    assert apq_register["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"
    # A registered hash sent with other text does not run the other text.
    smuggled = await post(http, {"query": LOGIN, "variables": variables, "extensions": apq(digest(ME))})
    assert smuggled["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"
    assert await Session.all().count() == 0


def test_the_committed_manifest_lists_every_portal_operation() -> None:
    assert MANIFEST.read_text() == manifest_text(), "persisted-queries.json is stale: run `python -m frontend.api.operations`"
    assert any(text.lstrip().startswith("mutation Login(") for text in portal_operations().values())


def test_every_portal_operation_validates_against_the_schema() -> None:
    schema = build_schema(sdl())
    invalid = {
        text.split("(")[0].split("{")[0].strip(): [e.message for e in errors]
        for text in portal_operations().values()
        if (errors := validate(schema, parse(text)))
    }
    assert invalid == {}
