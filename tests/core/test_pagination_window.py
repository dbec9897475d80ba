"""The Relay window on offsets that every connection uses (no database: pure arithmetic)."""

from __future__ import annotations

import pytest

from backend.core.errors import ApiError
from backend.core.pagination import MAX_PAGE, PageRequest, encode_cursor, paginate_list

ROWS = list(range(10))


def page(**kwargs: object) -> tuple[list[int], bool, bool, int]:
    p = paginate_list(ROWS, PageRequest("t", **kwargs))  # type: ignore[arg-type]
    return p.rows, p.has_previous, p.has_next, p.total_count


def cursor(offset: int) -> str:
    return encode_cursor("t", offset)


def test_forward_pages_cover_the_list_once() -> None:
    assert page(first=4) == ([0, 1, 2, 3], False, True, 10)
    assert page(first=4, after=cursor(3)) == ([4, 5, 6, 7], True, True, 10)
    assert page(first=4, after=cursor(7)) == ([8, 9], True, False, 10)


def test_backward_pages_from_the_end_and_from_a_cursor() -> None:
    assert page(last=3) == ([7, 8, 9], True, False, 10)
    assert page(last=3, before=cursor(7)) == ([4, 5, 6], True, True, 10)
    assert page(last=5, before=cursor(2)) == ([0, 1], False, True, 10)


def test_past_the_end_and_empty_lists_give_empty_pages() -> None:
    assert page(first=5, after=cursor(9)) == ([], True, False, 10)
    assert page(first=5, after=cursor(500)) == ([], True, False, 10)
    empty = paginate_list(list[int](), PageRequest("t", first=5))
    assert (empty.rows, empty.has_previous, empty.has_next, empty.total_count) == ([], False, False, 0)


def test_default_and_maximum_page_size() -> None:
    many = list(range(300))
    assert len(paginate_list(many, PageRequest("t")).rows) == 50
    assert len(paginate_list(many, PageRequest("t", first=MAX_PAGE)).rows) == MAX_PAGE
    with pytest.raises(ApiError, match="between 0 and 100"):
        paginate_list(many, PageRequest("t", first=MAX_PAGE + 1))
    with pytest.raises(ApiError):
        paginate_list(many, PageRequest("t", last=-1))


def test_a_cursor_of_another_list_is_refused() -> None:
    with pytest.raises(ApiError, match="does not belong"):
        paginate_list(ROWS, PageRequest("t", after=encode_cursor("other", 2)))
    with pytest.raises(ApiError):
        paginate_list(ROWS, PageRequest("t", after="not-base64!!"))
