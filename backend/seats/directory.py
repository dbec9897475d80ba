"""The seat admin's view of a subscription: people by status, with their teams, and pending invitations.

Every list here costs a fixed number of SQL statements however many people it holds, and
reads only the columns it shows, as plain rows (no ORM objects: building 1,000 of them was
a third of the list's time).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from tortoise.expressions import Q

from backend.auth.service import last_sign_ins
from backend.core.pagination import Page, PageRequest, paginate_list
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


def _matches(terms: list[str], *values: str) -> bool:
    hay = " ".join(values).lower()
    return all(t in hay for t in terms)


def _holders_query(subscription_id: int, status: UserFilter | None, terms: list[str], user_id: int | None = None):  # type: ignore[no-untyped-def]
    q = SeatHolder.filter(subscription_id=subscription_id)
    if user_id is not None:
        q = q.filter(user_id=user_id)
    if status == UserFilter.ACTIVE:
        q = q.filter(seat_status=SeatStatus.ACTIVE)
    elif status == UserFilter.DEACTIVATED:
        q = q.filter(seat_status=SeatStatus.DEACTIVATED)
    elif status == UserFilter.ADMINS:
        q = q.filter(is_admin=True)
    for t in terms:
        q = q.filter(Q(user__email__icontains=t) | Q(user__first_name__icontains=t) | Q(user__last_name__icontains=t))
    return q.values_list(
        "user_id", "seat_status", "is_admin", "user__email", "user__first_name", "user__last_name", "user__created_at"
    )


async def _rows(subscription: Subscription, status: UserFilter | None, terms: list[str], user_id: int | None = None) -> list[DirectoryRow]:
    """Everyone matching, in list order, without teams and sign-ins (those are read per page)."""
    rows: list[DirectoryRow] = []
    if status != UserFilter.INVITED:
        open_now = within_dates(subscription)
        for uid, seat_status, is_admin, email, first, last, created in await _holders_query(subscription.id, status, terms, user_id):
            seat = SeatStatus(seat_status)
            rows.append(DirectoryRow(
                email=email, first_name=first, last_name=last, status=seat.value, is_admin=is_admin,
                has_content_access=open_now and seat == SeatStatus.ACTIVE,
                user=Person(id=uid, email=email, first_name=first, last_name=last, created_at=created),
            ))
    if status in (None, UserFilter.INVITED) and user_id is None:
        rows += [
            DirectoryRow(
                email=i.email, first_name=i.first_name, last_name=i.last_name, status="invited",
                is_admin=False, has_content_access=False, invitation=i,
            )
            for i in await invites.pending(subscription_id=subscription.id)
            if _matches(terms, i.email, i.first_name, i.last_name)
        ]
    # People before invitations, then the user or invitation id: a unique tie-breaker, so pages never overlap.
    return sorted(rows, key=lambda r: (
        r.first_name.lower(), r.last_name.lower(), r.email, r.user is None, r.user.id if r.user else r.invitation.id,  # type: ignore[union-attr]
    ))


async def _with_teams_and_sign_ins(subscription: Subscription, rows: list[DirectoryRow]) -> list[DirectoryRow]:
    """Fill in the teams and latest sign-in of these rows: two statements, whatever their number."""
    ids = [r.user.id for r in rows if r.user]
    teams: dict[int, list[str]] = defaultdict(list)
    if ids:
        for uid, team_name in await TeamMember.filter(
            team__subscription_id=subscription.id, user_id__in=ids
        ).order_by("team__name").values_list("user_id", "team__name"):
            teams[uid].append(team_name)
    signed_in = await last_sign_ins(ids)
    for r in rows:
        if r.user:
            r.team_names, r.last_sign_in_at = teams[r.user.id], signed_in.get(r.user.id)
    return rows


async def users(
    *, subscription: Subscription, request: PageRequest, status: UserFilter | None = None, search: str = ""
) -> Page[DirectoryRow]:
    """A page of the people (and pending invitations), alphabetically by name; search matches name or email.

    The list's keys are narrow rows read in one statement (people and invitations merge into
    one order); teams and sign-ins are read for the page only."""
    terms = [t.lower() for t in search.split() if t]
    page = paginate_list(await _rows(subscription, status, terms), request)
    await _with_teams_and_sign_ins(subscription, page.rows)
    return page


async def row(*, subscription: Subscription, user_id: int) -> DirectoryRow:
    """One person's row, as in `users`."""
    [found] = await _with_teams_and_sign_ins(subscription, await _rows(subscription, None, [], user_id))
    return found
