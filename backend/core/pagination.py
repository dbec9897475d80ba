"""Relay-style cursor pagination shared by list fields: `first` / `after`, opaque cursors."""

from __future__ import annotations

import base64

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


def page_size(first: int | None, default: int = 50) -> int:
    return max(1, min(first or default, MAX_PAGE))


@strawberry.type(description="Where a page of a connection sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when more items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="True when this page started after a cursor.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item of the page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last item: pass it as `after` for the next page.")
