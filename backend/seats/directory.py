"""The seat admin's view of a subscription: people by status, with their teams, and pending invitations.

Every list here costs a fixed number of SQL statements however many people it holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from tortoise.expressions import Q

from backend.accounts.models import User
from backend.auth.service import last_sign_ins
from backend.invitations.models import Invitation
from backend.seats import invites
from backend.seats.models import SeatHolder, SeatStatus, Subscription, TeamMember
from backend.seats.service import has_content_access


class UserFilter(str, Enum):
    ACTIVE = "active"
    INVITED = "invited"
    DEACTIVATED = "deactivated"
    ADMINS = "admins"


@dataclass
class DirectoryRow:
    """A person on the subscription, or a pending invitation (then `user` is None)."""

    email: str
    first_name: str
    last_name: str
    status: str  # active, deactivated, invited, none
    is_admin: bool
    has_content_access: bool
    user: User | None = None
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
    return q.select_related("user")


async def users(
    *, subscription: Subscription, status: UserFilter | None = None, search: str = "", user_id: int | None = None
) -> list[DirectoryRow]:
    """People (and pending invitations) alphabetically by name; search matches name or email.
    With `user_id`, only that person's row (no invitations)."""
    terms = [t.lower() for t in search.split() if t]
    rows: list[DirectoryRow] = []
    if status != UserFilter.INVITED:
        holders = await _holders_query(subscription.id, status, terms, user_id)
        teams: dict[int, list[str]] = defaultdict(list)
        for tm in await TeamMember.filter(
            team__subscription_id=subscription.id, user_id__in=[h.user_id for h in holders]  # type: ignore[attr-defined]
        ).select_related("team").order_by("team__name"):
            teams[tm.user_id].append(tm.team.name)  # type: ignore[attr-defined]
        signed_in = await last_sign_ins([h.user_id for h in holders])  # type: ignore[attr-defined]
        rows += [
            DirectoryRow(
                email=h.user.email, first_name=h.user.first_name, last_name=h.user.last_name,
                status=h.seat_status.value, is_admin=h.is_admin,
                has_content_access=has_content_access(subscription, h), user=h.user, team_names=teams[h.user.id],
                last_sign_in_at=signed_in.get(h.user.id),
            )
            for h in holders
        ]
    if status in (None, UserFilter.INVITED) and user_id is None:
        rows += [
            DirectoryRow(
                email=i.email, first_name=i.first_name, last_name=i.last_name, status="invited",
                is_admin=False, has_content_access=False, invitation=i,
            )
            for i in await invites.pending(subscription_id=subscription.id)
            if _matches(terms, i.email, i.first_name, i.last_name)
        ]
    return sorted(rows, key=lambda r: (r.first_name.lower(), r.last_name.lower(), r.email))


async def row(*, subscription: Subscription, user_id: int) -> DirectoryRow:
    """One person's row, as in `users`."""
    [found] = await users(subscription=subscription, user_id=user_id)
    return found
