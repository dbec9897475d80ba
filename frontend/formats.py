"""How the portal writes dates, times and names: one place for every page."""

from __future__ import annotations

from datetime import date, datetime


def _parse(iso: str) -> date | datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")) if "T" in iso else date.fromisoformat(iso[:10])


def long_day(iso: str | None) -> str:
    """An ISO date or date-time as "1 Mar 2026" (empty for none, as given when unreadable)."""
    if not iso:
        return ""
    try:
        return _parse(iso).strftime("%-d %b %Y")
    except ValueError:
        return iso


def short_day(iso: str | None) -> str:
    """An ISO date or date-time as "1 Mar"."""
    if not iso:
        return ""
    try:
        return _parse(iso).strftime("%-d %b")
    except ValueError:
        return iso


def moment(iso: str | None) -> str:
    """An ISO date-time as "1 Mar 2026, 14:05", or "Never"."""
    if not iso:
        return "Never"
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).strftime("%-d %b %Y, %H:%M")
    except ValueError:
        return iso


def initials(name: str) -> str:
    """Up to two initials for an avatar ("Maria Garcia" -> "MG")."""
    return "".join(p[0] for p in name.split()[:2]).upper() or "?"
