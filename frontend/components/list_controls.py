"""Sorting and paging for the portal's lists: one sort control and one pager, the same on
every page, so each list sorts by its columns and shows a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import reflex as rx

PAGE_SIZE = 25
T = TypeVar("T")


def page_of(rows: list[T], page: int, size: int = PAGE_SIZE) -> list[T]:
    """Rows of page `page` (0-based), clamped to the last page."""
    last = max(0, (len(rows) - 1) // size)
    start = min(max(page, 0), last) * size
    return rows[start:start + size]


def sorted_by(rows: list[T], key: str, keys: dict[str, Callable[[T], Any]]) -> list[T]:
    """Rows sorted by the column named `key`; a leading "-" sorts descending."""
    name = key.lstrip("-")
    return sorted(rows, key=keys.get(name, keys[next(iter(keys))]), reverse=key.startswith("-"))


def summary(total: int, page: int, size: int = PAGE_SIZE) -> str:
    """"1–25 of 40" (empty when everything fits on one page)."""
    if total <= size:
        return ""
    last = max(0, (total - 1) // size)
    page = min(max(page, 0), last)
    return f"{page * size + 1}–{min(total, (page + 1) * size)} of {total}"


def sort_select(options: list[tuple[str, str]], value: rx.Var, on_change: Any, select_id: str) -> rx.Component:
    """"Sort by" with one choice per column (value, label)."""
    return rx.select.root(
        rx.select.trigger(placeholder="Sort by", id=select_id, aria_label="Sort by"),
        rx.select.content(*[rx.select.item(label, value=v) for v, label in options]),
        value=value, on_change=on_change, size="2",
    )


def pager(text: rx.Var, on_prev: Any, on_next: Any, can_prev: rx.Var, can_next: rx.Var, pager_id: str) -> rx.Component:
    return rx.cond(
        text != "",
        rx.hstack(
            rx.text(text, size="2", color_scheme="gray"),
            rx.icon_button(rx.icon("chevron-left", size=16), variant="soft", color_scheme="gray", size="1", on_click=on_prev,
                           disabled=~can_prev, aria_label="Previous page"),
            rx.icon_button(rx.icon("chevron-right", size=16), variant="soft", color_scheme="gray", size="1", on_click=on_next,
                           disabled=~can_next, aria_label="Next page"),
            spacing="2", align="center", justify="end", width="100%", id=pager_id,
        ),
    )
