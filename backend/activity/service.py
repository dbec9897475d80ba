"""What people did on a subscription, counted: per person, for a set of people (a team,
everyone), over an optional date range. Recording lives with the content (learning)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from tortoise.functions import Count, Max

from backend.accounts.models import User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.pagination import Page, PageRequest, paginate
from backend.seats import service as seats
from backend.seats.models import SeatHolder


@dataclass(frozen=True)
class Period:
    """Whole UTC days from `since` to `until`, both included; either end may be open."""

    since: date | None = None
    until: date | None = None

    def bounds(self) -> dict[str, datetime]:
        out = {}
        if self.since:
            out["occurred_at__gte"] = datetime.combine(self.since, time.min, tzinfo=timezone.utc)
        if self.until:
            out["occurred_at__lt"] = datetime.combine(self.until + timedelta(days=1), time.min, tzinfo=timezone.utc)
        return out

    def label(self) -> str:
        if not self.since and not self.until:
            return "All time"
        return f"{self.since.isoformat() if self.since else 'the start'} to {self.until.isoformat() if self.until else 'today'}"


@dataclass
class Totals:
    """One person's counts (or a group's, summed)."""

    logins: int = 0
    viewings_started: int = 0
    viewed_completely: int = 0
    labs_started: int = 0
    labs_completed: int = 0
    last_login_at: datetime | None = None
    last_active_at: datetime | None = None

    def add(self, kind: ActivityKind, n: int) -> None:
        name = {
            ActivityKind.LOGIN: "logins", ActivityKind.VIEWING_STARTED: "viewings_started",
            ActivityKind.VIEWED_COMPLETELY: "viewed_completely", ActivityKind.LAB_STARTED: "labs_started",
            ActivityKind.LAB_COMPLETED: "labs_completed",
        }[kind]
        setattr(self, name, getattr(self, name) + n)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return max(x for x in (a, b) if x is not None) if (a or b) else None


async def totals(*, subscription_id: int, user_ids: list[int] | None = None, period: Period = Period()) -> dict[int, Totals]:
    """Counts per person, grouped in SQL (one row per person and kind, whatever the history)."""
    q = ActivityEvent.filter(subscription_id=subscription_id, **period.bounds())
    if user_ids is not None:
        q = q.filter(user_id__in=user_ids)
    out: dict[int, Totals] = {uid: Totals() for uid in user_ids or []}
    rows = await q.annotate(n=Count("id"), last=Max("occurred_at")).group_by("user_id", "kind").values_list("user_id", "kind", "n", "last")
    for uid, kind, n, last in rows:
        t = out.setdefault(uid, Totals())
        t.add(ActivityKind(kind), n)
        last = _aware(last)
        t.last_active_at = _latest(t.last_active_at, last)
        if ActivityKind(kind) == ActivityKind.LOGIN:
            t.last_login_at = last
    return out


def _aware(value: object) -> datetime | None:
    """MAX() over a datetime comes back as text on SQLite."""
    if value is None or isinstance(value, datetime):
        return value.astimezone(timezone.utc) if isinstance(value, datetime) else None
    return datetime.fromisoformat(str(value)).astimezone(timezone.utc)


def summed(parts: list[Totals]) -> Totals:
    t = Totals()
    for p in parts:
        t.logins += p.logins
        t.viewings_started += p.viewings_started
        t.viewed_completely += p.viewed_completely
        t.labs_started += p.labs_started
        t.labs_completed += p.labs_completed
        t.last_login_at = _latest(t.last_login_at, p.last_login_at)
        t.last_active_at = _latest(t.last_active_at, p.last_active_at)
    return t


@dataclass
class ActivitySummary:
    holder: SeatHolder
    totals: Totals


async def events(*, subscription_id: int, user_id: int, request: PageRequest) -> Page[ActivityEvent]:
    """A page of one person's events, newest first (then the highest id), with the content."""
    query = ActivityEvent.filter(subscription_id=subscription_id, user_id=user_id).order_by("-occurred_at", "-id")
    return await paginate(query.select_related("content"), request)


async def summary(*, actor: User, subscription_id: int, user_id: int) -> ActivitySummary:
    """One person's activity screen (the events are paged apart: `events`). Seat admins only."""
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    holder = await seats.get_holder(subscription_id=subscription_id, user_id=user_id)
    counts = await totals(subscription_id=subscription_id, user_ids=[user_id])
    return ActivitySummary(holder=holder, totals=counts[user_id])
