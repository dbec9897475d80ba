"""The seat admin's view of a subscription: people by status, with their teams, and pending invitations.

A page of the list costs the same statements however many people it holds: one COUNT and one
SELECT … ORDER BY … LIMIT/OFFSET over a UNION ALL of seat holders and pending invitations (raw
SQL shared by SQLite and PostgreSQL), then the page's invitations, teams and sign-ins.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from backend.auth.service import last_sign_ins
from backend.core.pagination import Page, PageRequest
from backend.core.security import utcnow
from backend.core.sql import for_dialect, utc
from backend.invitations.models import Invitation
from backend.seats import invites
from backend.seats.models import SeatHolder, SeatStatus, Subscription, TeamMember
from backend.seats.service import within_dates


class UserFilter(str, Enum):
    ACTIVE = "active"
    INVITED = "invited"
    DEACTIVATED = "deactivated"
    ADMINS = "admins"


@dataclass(frozen=True, slots=True)
class Person:
    """The user columns a row shows (what `UserType` needs)."""

    id: int
    email: str
    first_name: str
    last_name: str
    created_at: datetime


@dataclass
class DirectoryRow:
    """A person on the subscription, or a pending invitation (then `user` is None)."""

    email: str
    first_name: str
    last_name: str
    status: str  # active, deactivated, invited, none
    is_admin: bool
    has_content_access: bool
    user: Person | None = None
    invitation: Invitation | None = None
    team_names: list[str] = field(default_factory=list)
    last_sign_in_at: datetime | None = None


# The list is a UNION ALL of the subscription's seat holders (with their user's columns) and its
# pending, unexpired seat invitations, ordered in SQL by (lowered first name, lowered last name,
# email, people before invitations, user or invitation id): a unique order, so pages never overlap.
# `lower(x COLLATE "C")` on PostgreSQL folds ASCII letters only and compares code points, exactly as
# SQLite's lower() and BINARY collation do, so both databases give the same order.
_PEOPLE = """
SELECT 0 AS kind, u.id AS ref_id, u.email AS email, u.first_name AS first_name, u.last_name AS last_name,
       h.seat_status AS seat_status, h.is_admin AS is_admin, u.created_at AS created_at
FROM seat_holders h JOIN users u ON u.id = h.user_id
WHERE h.subscription_id = {subscription}"""
_INVITED = """
SELECT 1 AS kind, i.id AS ref_id, i.email AS email, i.first_name AS first_name, i.last_name AS last_name,
       'invited' AS seat_status, FALSE AS is_admin, NULL AS created_at
FROM invitations i
WHERE i.target = {target} AND i.kind = 'seat' AND i.status = 'pending' AND i.expires_at > {now}"""


def _lower(column: str, dialect: str) -> str:
    return f'lower({column} COLLATE "C")' if dialect == "postgres" else f"lower({column})"


def _list_sql(
    subscription_id: int, status: UserFilter | None, terms: list[str], user_id: int | None
) -> tuple[str, list[Any]]:
    """The list's UNION ALL (no order) and its parameters (numbered `$n`; only those the SQL uses)."""
    params: list[Any] = []

    def param(value: Any) -> str:
        params.append(value)
        return f"${len(params)}"

    def search(prefix: str) -> str:
        return "".join(
            f" AND (lower({prefix}.email) LIKE {p} ESCAPE '!' OR lower({prefix}.first_name) LIKE {p} ESCAPE '!'"
            f" OR lower({prefix}.last_name) LIKE {p} ESCAPE '!')"
            for p in [param("%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%") for t in terms]
        )

    parts: list[str] = []
    if status != UserFilter.INVITED:
        people = _PEOPLE.format(subscription=param(subscription_id))
        if user_id is not None:
            people += f" AND h.user_id = {param(user_id)}"
        if status == UserFilter.ACTIVE:
            people += f" AND h.seat_status = '{SeatStatus.ACTIVE.value}'"
        elif status == UserFilter.DEACTIVATED:
            people += f" AND h.seat_status = '{SeatStatus.DEACTIVATED.value}'"
        elif status == UserFilter.ADMINS:
            people += " AND h.is_admin"
        parts.append(people + search("u"))
    if status in (None, UserFilter.INVITED) and user_id is None:
        invited = _INVITED.format(target=param(invites.target_of(subscription_id)), now=param(utcnow()))
        parts.append(invited + search("i"))
    if not parts:
        return "", params
    return "\nUNION ALL\n".join(parts), params


def _order(dialect: str) -> str:
    return (
        f" ORDER BY {_lower('d.first_name', dialect)}, {_lower('d.last_name', dialect)}, "
        + ('d.email COLLATE "C"' if dialect == "postgres" else "d.email")
        + ", d.kind, d.ref_id"
    )


async def _rows(
    subscription: Subscription, status: UserFilter | None, terms: list[str], *,
    user_id: int | None = None, window: tuple[int, int] | None = None,
) -> list[DirectoryRow]:
    """The matching rows in list order (those in `window` only when given), without teams and sign-ins."""
    conn = SeatHolder._meta.db
    dialect = conn.capabilities.dialect
    union, params = _list_sql(subscription.id, status, terms, user_id)
    if not union or (window and window[1] <= window[0]):
        return []
    sql = f"SELECT d.* FROM ({union}) d" + _order(dialect)
    if window:
        sql += f" LIMIT {window[1] - window[0]:d} OFFSET {window[0]:d}"
    found = await conn.execute_query_dict(for_dialect(sql, dialect), params)
    invited_ids = [r["ref_id"] for r in found if r["kind"] == 1]
    invitations = {i.id: i for i in await Invitation.filter(id__in=invited_ids)} if invited_ids else {}
    open_now = within_dates(subscription)
    rows: list[DirectoryRow] = []
    for r in found:
        email, first, last = r["email"], r["first_name"], r["last_name"]
        if r["kind"] == 1:
            rows.append(DirectoryRow(
                email=email, first_name=first, last_name=last, status="invited", is_admin=False,
                has_content_access=False, invitation=invitations[r["ref_id"]],
            ))
            continue
        seat = SeatStatus(r["seat_status"])
        rows.append(DirectoryRow(
            email=email, first_name=first, last_name=last, status=seat.value, is_admin=bool(r["is_admin"]),
            has_content_access=open_now and seat == SeatStatus.ACTIVE,
            user=Person(id=r["ref_id"], email=email, first_name=first, last_name=last, created_at=utc(r["created_at"])),
        ))
    return rows


async def _count(subscription: Subscription, status: UserFilter | None, terms: list[str]) -> int:
    conn = SeatHolder._meta.db
    dialect = conn.capabilities.dialect
    union, params = _list_sql(subscription.id, status, terms, None)
    if not union:
        return 0
    found = await conn.execute_query_dict(for_dialect(f"SELECT count(*) AS total FROM ({union}) d", dialect), params)
    return int(found[0]["total"])


async def _with_teams_and_sign_ins(subscription: Subscription, rows: list[DirectoryRow]) -> list[DirectoryRow]:
    """Fill in the teams and latest sign-in of these rows: two statements, whatever their number."""
    ids = [int(r.user.id) for r in rows if r.user]
    teams: dict[int, list[str]] = defaultdict(list)
    if ids:
        # Raw SQL with the page's ids inlined (integers): building a 100-term IN through the ORM cost more than the query.
        conn = TeamMember._meta.db
        sql = (
            "SELECT tm.user_id AS user_id, t.name AS name FROM team_members tm JOIN teams t ON t.id = tm.team_id"
            f" WHERE t.subscription_id = $1 AND tm.user_id IN ({', '.join(map(str, ids))}) ORDER BY t.name, t.id"
        )
        for found in await conn.execute_query_dict(for_dialect(sql, conn.capabilities.dialect), [subscription.id]):
            teams[found["user_id"]].append(found["name"])
    signed_in = await last_sign_ins(ids)
    for r in rows:
        if r.user:
            r.team_names, r.last_sign_in_at = teams[r.user.id], signed_in.get(r.user.id)
    return rows


async def users(
    *, subscription: Subscription, request: PageRequest, status: UserFilter | None = None, search: str = ""
) -> Page[DirectoryRow]:
    """A page of the people (and pending invitations), alphabetically by name; search matches name or email.

    Counted, ordered and paged in SQL (people and invitations merge into one order); the rows,
    teams and sign-ins are read for the page only."""
    terms = [t.lower() for t in search.split() if t]
    total = await _count(subscription, status, terms)
    start, end = request.window(total)
    rows = await _rows(subscription, status, terms, window=(start, end))
    await _with_teams_and_sign_ins(subscription, rows)
    return Page(kind=request.kind, rows=rows, offset=start, total_count=total)


async def row(*, subscription: Subscription, user_id: int) -> DirectoryRow:
    """One person's row, as in `users`."""
    [found] = await _with_teams_and_sign_ins(subscription, await _rows(subscription, None, [], user_id=user_id))
    return found
