"""Checks every Relay connection must pass: forward and backward paging cover the list once and
agree, an empty list, a page past the end, the maximum page size, and a SQL statement count per
page that does not grow with the list (`count_queries` from conftest)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from backend.accounts.models import Account
from backend.core.pagination import MAX_PAGE
from tests.conftest import Api
from tests.factories import make_account, make_user, token_for

PAGE_ARGS = "$first: Int, $after: String, $last: Int, $before: String"
PAGE_USE = "first: $first, after: $after, last: $last, before: $before"


async def office(api: Api) -> tuple[Account, Api]:
    """The parent account and its admin's client: the same for every list one test builds."""
    found = getattr(api, "office", None)
    if found is None:
        admin = await make_user()
        found = (await make_account("Parent", admin=admin), api.as_(await token_for(admin)))
        setattr(api, "office", found)
    return found


async def sub_account(api: Api) -> tuple[Account, Api]:
    """A fresh sub-account of the parent: a grant on the parent reaches it, so its lists start empty."""
    parent, call = await office(api)
    return await Account.create(name=f"Branch {uuid.uuid4().hex[:6]}", parent=parent), call


def document(field: str, declared: str, used: str, node: str) -> str:
    """A query for one page of `field`: `declared`/`used` are the list's own arguments."""
    return (
        f"query Page({declared}, {PAGE_ARGS}) {{ {field}({used}, {PAGE_USE}) {{ totalCount "
        f"pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} edges {{ cursor node {{ {node} }} }} "
        f"nodes {{ {node} }} }} }}"
    )


@dataclass
class Listed:
    """A list of a known length to page through: who asks, and the list's own arguments."""

    call: Api
    variables: dict[str, Any]


@dataclass
class Case:
    """One connection field: its document and how to build a list of `n` items for it."""

    field: str
    doc: str
    build: Callable[[Api, int], Awaitable[Listed]]
    smallest: int = 0  # some lists are never empty (a family always has its primary guardian)

    def __str__(self) -> str:
        return self.field


def _key(node: dict[str, Any]) -> str:
    return json.dumps(node, sort_keys=True)


async def page(case: Case, listed: Listed, **window: Any) -> dict[str, Any]:
    data = (await listed.call(case.doc, {**listed.variables, **window}))[case.field]
    assert [e["node"] for e in data["edges"]] == data["nodes"]
    return data


async def walk(case: Case, listed: Listed, size: int, backward: bool = False) -> list[str]:
    """Every item, page by page (`first/after`, or `last/before` from the end), in list order."""
    seen: list[str] = []
    cursor: str | None = None
    while True:
        if backward:
            data = await page(case, listed, last=size, before=cursor)
            seen = [_key(n) for n in data["nodes"]] + seen
            more, cursor = data["pageInfo"]["hasPreviousPage"], data["pageInfo"]["startCursor"]
        else:
            data = await page(case, listed, first=size, after=cursor)
            seen += [_key(n) for n in data["nodes"]]
            more, cursor = data["pageInfo"]["hasNextPage"], data["pageInfo"]["endCursor"]
        if data["edges"]:
            assert data["pageInfo"]["startCursor"] == data["edges"][0]["cursor"]
            assert data["pageInfo"]["endCursor"] == data["edges"][-1]["cursor"]
        assert len(data["nodes"]) <= size
        if not more:
            return seen


async def check_paging(case: Case, api: Api, n: int = 7, size: int = 3) -> None:
    listed = await case.build(api, n)
    forward = await walk(case, listed, size)
    assert len(forward) == len(set(forward)) == n, forward
    assert await walk(case, listed, size, backward=True) == forward
    whole = await page(case, listed, first=n)
    assert [_key(x) for x in whole["nodes"]] == forward and whole["totalCount"] == n
    assert whole["pageInfo"]["hasNextPage"] is False and whole["pageInfo"]["hasPreviousPage"] is False
    middle = await page(case, listed, first=2, after=whole["edges"][1]["cursor"])  # items 3 and 4
    assert [_key(x) for x in middle["nodes"]] == forward[2:4] and middle["pageInfo"]["hasPreviousPage"] is True
    # Past the end: after the last item there is an empty page that still knows the total.
    past = await page(case, listed, first=size, after=whole["edges"][-1]["cursor"])
    assert past["nodes"] == [] and past["totalCount"] == n
    assert past["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True, "startCursor": None, "endCursor": None}
    # Before the first item: nothing.
    before = await page(case, listed, last=size, before=whole["edges"][0]["cursor"])
    assert before["nodes"] == [] and before["pageInfo"]["hasNextPage"] is True


async def check_empty(case: Case, api: Api) -> None:
    listed = await case.build(api, case.smallest)
    data = await page(case, listed, first=5) if case.smallest == 0 else await page(case, listed, first=0)
    assert data["edges"] == [] and data["nodes"] == [] and data["totalCount"] == case.smallest
    assert data["pageInfo"] == {
        "hasNextPage": case.smallest > 0, "hasPreviousPage": False, "startCursor": None, "endCursor": None,
    }
    if case.smallest == 0:
        assert (await page(case, listed, last=5))["nodes"] == []


async def check_max_page(case: Case, api: Api) -> None:
    listed = await case.build(api, 3)
    for window in ({"first": MAX_PAGE + 1}, {"last": MAX_PAGE + 1}, {"first": -1}):
        assert await listed.call.error_code(case.doc, {**listed.variables, **window}) == "BAD_REQUEST", window
    assert len((await page(case, listed, first=MAX_PAGE))["nodes"]) == 3
    other = "b3RoZXJMaXN0OjE="  # base64 "otherList:1": a cursor of another list
    assert await listed.call.error_code(case.doc, {**listed.variables, "after": other}) == "BAD_REQUEST"


async def check_constant_statements(case: Case, api: Api, count_queries: Any) -> None:
    """A page of 5 costs the same SQL statements over 10 items as over 1,000 (first and last pages)."""
    small, large = await case.build(api, 10), await case.build(api, 1000)
    await page(case, small, first=1)  # warm whatever a first request loads once
    counts: dict[str, list[int]] = {}
    for name, listed in (("10", small), ("1000", large)):
        for window in ({"first": 5}, {"last": 5}):
            with count_queries() as q:
                data = await page(case, listed, **window)
            assert len(data["nodes"]) == 5
            counts.setdefault(name, []).append(q.count)
    assert counts["10"] == counts["1000"], counts
    assert min(counts["10"]) >= 2, counts  # the COUNT and the SELECT of the page at least
