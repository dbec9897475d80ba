"""Depth, alias and cost limits: one validation rule, typed refusals, nothing executed."""

from __future__ import annotations

from graphql import build_schema, parse, validate
from httpx import AsyncClient

from backend.auth.models import Session
from backend.core import limits
from tests.factories import PASSWORD, make_user

CONNECTIONS = build_schema(
    """
    type Query { users(first: Int, last: Int): UserConnection! me: User }
    type UserConnection { edges: [UserEdge!]! totalCount: Int! }
    type UserEdge { node: User! }
    type User { name: String! teams(first: Int): TeamConnection! }
    type TeamConnection { edges: [TeamEdge!]! }
    type TeamEdge { node: Team! }
    type Team { name: String! }
    """
)


def codes(query: str, **limits_: int) -> list[str]:
    errors = validate(CONNECTIONS, parse(query), [limits.rule(**limits_)])
    return [e.extensions["code"] for e in errors if e.extensions]


def test_cost_multiplies_nested_page_sizes() -> None:
    query = "{ users(first: 100) { edges { node { teams(first: 100) { edges { node { name } } } } } } }"
    found = limits.measure(parse(query).definitions[0].selection_set, {})  # type: ignore[attr-defined]
    # users 1 + edges 100 + node 100 + teams 100 + edges 100*100 + node 10,000 + name 10,000
    assert found.cost == 1 + 100 + 100 + 100 + 10_000 + 10_000 + 10_000
    assert codes(query, max_cost=25_000) == ["QUERY_TOO_COSTLY"]
    assert codes(query.replace("teams(first: 100)", "teams(first: 10)"), max_cost=25_000) == []


def test_a_variable_page_size_counts_as_the_largest_page() -> None:
    query = "query Q($n: Int) { users(first: $n) { edges { node { teams(last: $n) { edges { node { name } } } } } } }"
    assert codes(query, max_cost=25_000) == ["QUERY_TOO_COSTLY"]


def test_fragments_are_measured_where_they_are_spread() -> None:
    query = """
    query { users(first: 50) { edges { node { ...T } } } }
    fragment T on User { teams(first: 50) { edges { node { name } } } a: name b: name }
    """
    assert codes(query, max_cost=4_000, max_aliases=1) == ["QUERY_TOO_MANY_ALIASES", "QUERY_TOO_COSTLY"]


def test_a_fragment_cycle_does_not_hang_the_rule() -> None:
    query = "query { me { ...A } } fragment A on User { teams(first: 1) { edges { node { name } } } ...A }"
    assert limits.measure(parse(query).definitions[0].selection_set, {"A": parse(query).definitions[1]}).depth == 4  # type: ignore[attr-defined, arg-type]


async def test_depth_and_aliases_are_refused_over_http_and_nothing_runs(http: AsyncClient) -> None:
    await make_user("ana@example.com")
    # No type of ours nests 13 levels, so the deep document is invalid otherwise too; the
    # depth refusal is the one with a code, and nothing runs.
    deep = "query Deep { me { " + "user { user { " * 6 + "id" + " } }" * 6 + " } }"
    body = (await http.post("/graphql", json={"query": deep})).json()
    assert "QUERY_TOO_DEEP" in [(e.get("extensions") or {}).get("code") for e in body["errors"]]
    assert body.get("data") is None

    logins = " ".join(
        f'l{i}: login(email: "ana@example.com", password: "{PASSWORD}") {{ errors {{ code }} }}' for i in range(21)
    )
    body = (await http.post("/graphql", json={"query": f"mutation Many {{ {logins} }}"})).json()
    assert [e["extensions"]["code"] for e in body["errors"]] == ["QUERY_TOO_MANY_ALIASES"]
    assert await Session.all().count() == 0
