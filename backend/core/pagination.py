"""Relay-style cursor pagination shared by list fields: `first` / `after`, opaque cursors."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from backend.core.errors import ApiError

MAX_PAGE = 100


def encode_cursor(kind: str, value: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode()


def decode_cursor(kind: str, cursor: str | None) -> int | None:
    """The position a cursor names; a malformed cursor, or one of another list, is BAD_REQUEST."""
    if not cursor:
        return None
    try:
        found, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if found == kind:
            return int(value)
    except (ValueError, UnicodeDecodeError):
        pass
    raise ApiError("This cursor does not belong to this list.")


@strawberry.type(description="Where a page of a connection sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when more items follow this page (after `endCursor`).")
    has_previous_page: bool = strawberry.field(description="True when items come before this page (before `startCursor`).")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item of the page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last item: pass it as `after` for the next page.")


# ---------------------------------------------------------------------------------------------
# Relay connections for every list that can grow (`first/after`, `last/before`, `totalCount`).
# A list field returns `Connection[ItsType]`; strawberry names it `<ItsType>Connection`.
# Cursors are opaque positions in the list's ordering ("<list>:<offset>", base64); every list
# orders by its sort key and then the primary key, so the order is stable and total.
# Cost: one COUNT and one SELECT … LIMIT/OFFSET per page, however long the list.
# ---------------------------------------------------------------------------------------------

T = TypeVar("T")
R = TypeVar("R")


@strawberry.type(description="One item of a page, with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="This item's position: pass it as `after` (or `before`) to page from here.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(
    description="A page of a list (a Relay connection): the items with their cursors, where the page sits in the "
    "whole list, and how many items the list holds. Page forward with `first`/`after`, backward with `last`/`before`."
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page with their cursors, in list order.")
    nodes: list[T] = strawberry.field(description="The items of this page without cursors (the same as `edges { node }`).")
    page_info: PageInfo = strawberry.field(description="Whether more items come before or after this page, and the cursors to get them.")
    total_count: int = strawberry.field(description="How many items the whole list holds (with the same filters), over all pages.")

    @classmethod
    def of(cls, page: Page[R], convert: Callable[[R], T]) -> Connection[T]:
        """The GraphQL connection for a page of rows, each converted to its GraphQL type."""
        nodes = [convert(row) for row in page.rows]
        edges = [Edge(cursor=encode_cursor(page.kind, page.offset + i), node=node) for i, node in enumerate(nodes)]
        info = PageInfo(
            has_next_page=page.has_next, has_previous_page=page.has_previous,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None,
        )
        return cls(edges=edges, nodes=nodes, page_info=info, total_count=page.total_count)


@dataclass(frozen=True)
class PageRequest:
    """What the client asked for: the four Relay arguments, checked (each list names its own `kind`)."""

    kind: str
    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    def window(self, total: int) -> tuple[int, int]:
        """The [start, end) offsets of the page in a list of `total` items (the Relay algorithm on offsets)."""
        for name, size in (("first", self.first), ("last", self.last)):
            if size is not None and not 0 <= size <= MAX_PAGE:
                raise ApiError(f"`{name}` must be between 0 and {MAX_PAGE}.")
        start, end = 0, total
        if (after := decode_cursor(self.kind, self.after)) is not None:
            start = min(max(after + 1, 0), total)
        if (before := decode_cursor(self.kind, self.before)) is not None:
            end = max(min(before, total), start)
        first = self.first if self.first is not None or self.last is not None else DEFAULT_PAGE
        if first is not None:
            end = min(end, start + first)
        if self.last is not None:
            start = max(start, end - self.last)
        return start, end


DEFAULT_PAGE = 50


@dataclass
class Page(Generic[R]):
    """A page of rows and where it sits in the list."""

    kind: str
    rows: list[R]
    offset: int
    total_count: int

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.rows) < self.total_count


async def paginate(query: Any, request: PageRequest) -> Page[Any]:
    """One page of an ordered Tortoise queryset: a COUNT, then one SELECT with LIMIT/OFFSET.

    The queryset must already be ordered with a unique tie-breaker last (e.g. `.order_by("name", "id")`);
    prefetches on it run once per page, not per row."""
    total = await query.count()
    start, end = request.window(total)
    rows = list(await query.offset(start).limit(end - start)) if end > start else []
    return Page(kind=request.kind, rows=rows, offset=start, total_count=total)


def paginate_list(rows: list[R], request: PageRequest) -> Page[R]:
    """The same page of a list already in memory (for small lists computed in Python)."""
    start, end = request.window(len(rows))
    return Page(kind=request.kind, rows=rows[start:end], offset=start, total_count=len(rows))


# The four Relay arguments, described once: `def field(self, ..., first: First = None, after: After = None,
# last: Last = None, before: Before = None) -> Connection[X]` and `PageRequest("x", first, after, last, before)`.
First = Annotated[int | None, strawberry.argument(description=f"Page size from the start (or from `after`), 0 to {MAX_PAGE}. Default {DEFAULT_PAGE} when neither `first` nor `last` is given.")]
After = Annotated[str | None, strawberry.argument(description="Start after this cursor (an `endCursor` or an edge's `cursor`).")]
Last = Annotated[int | None, strawberry.argument(description=f"Page size from the end (or from `before`), 0 to {MAX_PAGE}: page backward.")]
Before = Annotated[str | None, strawberry.argument(description="End before this cursor (a `startCursor` or an edge's `cursor`).")]
