"""One check for a Relay connection over GraphQL, shared by the lists' tests: walk it
forward and backward in small pages, step past its end, ask for an empty one, and ask for
more than the largest page.

A document names its connection's arguments `$first`, `$after`, `$last` and `$before` and
selects `edges { cursor node { ... } } pageInfo { ... } totalCount`; `PAGE` is that selection
around a node selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from backend.core.pagination import MAX_PAGE
from tests.conftest import Api

ARGS = "first: $first, after: $after, last: $last, before: $before"
VARS = "$first: Int, $after: String, $last: Int, $before: String"


def PAGE(node: str) -> str:  # noqa: N802 - reads like the selection it is
    return f"edges {{ cursor node {{ {node} }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} totalCount"


def _at(data: dict[str, Any], path: Sequence[str]) -> dict[str, Any]:
    for key in path:
        data = data[key]
    return data


async def page(client: Api, document: str, variables: dict[str, Any], path: Sequence[str], **window: Any) -> dict[str, Any]:
    """One page of the connection at `path` (`first=`, `after=`, `last=`, `before=`)."""
    return _at(await client(document, {**variables, **window}), path)


async def check_connection(
    client: Api, document: str, variables: dict[str, Any], path: Sequence[str], expected: list[Any],
    key: Callable[[dict[str, Any]], Any], size: int = 2,
) -> None:
    """The connection holds `expected` (each node's `key`), in order, whichever way it is paged."""
    total = len(expected)
    # Forward: `first`/`after` until hasNextPage is false; each item once, in order.
    seen, after, pages = [], None, 0
    while True:
        p = await page(client, document, variables, path, first=size, after=after)
        assert p["totalCount"] == total and p["pageInfo"]["hasPreviousPage"] == (pages > 0), p
        seen += [key(e["node"]) for e in p["edges"]]
        pages += 1
        if not p["pageInfo"]["hasNextPage"]:
            break
        after = p["pageInfo"]["endCursor"]
        assert after == p["edges"][-1]["cursor"]
    assert seen == expected and pages == max(1, -(-total // size))
    # Backward: `last`/`before` from the end until hasPreviousPage is false.
    seen, before = [], None
    while True:
        p = await page(client, document, variables, path, last=size, before=before)
        assert p["totalCount"] == total and p["pageInfo"]["hasNextPage"] == (before is not None), p
        seen = [key(e["node"]) for e in p["edges"]] + seen
        if not p["pageInfo"]["hasPreviousPage"]:
            break
        before = p["pageInfo"]["startCursor"]
    assert seen == expected
    if total:
        # Past the end: after the last item, an empty page that knows items came before.
        end = (await page(client, document, variables, path, last=1))["pageInfo"]["endCursor"]
        past = await page(client, document, variables, path, first=size, after=end)
        assert past["edges"] == [] and past["totalCount"] == total
        assert past["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True, "startCursor": None, "endCursor": None}
        # Paging back from the end cursor gives the items before it.
        back = await page(client, document, variables, path, last=size, before=end)
        assert [key(e["node"]) for e in back["edges"]] == expected[-size - 1:-1]
    # The largest page is MAX_PAGE; more is refused with a typed error and reads nothing.
    for window in ({"first": MAX_PAGE + 1}, {"last": MAX_PAGE + 1}, {"first": -1}):
        assert await client.error_code(document, {**variables, **window}) == "BAD_REQUEST", window


async def check_empty(client: Api, document: str, variables: dict[str, Any], path: Sequence[str]) -> None:
    """An empty list: no edges, no cursors, nothing before or after."""
    for window in ({}, {"first": 5}, {"last": 5}):
        p = await page(client, document, variables, path, **window)
        assert p["edges"] == [] and p["totalCount"] == 0, p
        assert p["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": False, "startCursor": None, "endCursor": None}
