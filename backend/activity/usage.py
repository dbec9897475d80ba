"""Daily usage of a subscription, for the dashboard's usage graph."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from tortoise import Tortoise
from tortoise.expressions import RawSQL
from tortoise.functions import Count

from backend.activity.models import ActivityEvent, ActivityKind
from backend.seats.service import today


@dataclass(frozen=True)
class UsageDay:
    day: date
    active_users: int
    logins: int
    viewings: int
    viewed_completely: int
    labs: int


def _utc_day_sql() -> str:
    """The UTC calendar day of `occurred_at`, in this database's dialect."""
    dialect = Tortoise.get_connection("default").capabilities.dialect
    if dialect == "sqlite":
        return "date(occurred_at)"  # stored as ISO text with its offset: date() converts to UTC
    return "CAST(occurred_at AT TIME ZONE 'UTC' AS DATE)"


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


async def usage(*, subscription_id: int, days: int = 30, until: date | None = None) -> list[UsageDay]:
    """One point per day (UTC), oldest first, for the dashboard's usage graph."""
    days = max(1, min(days, 366))
    last = until or today()
    first = last - timedelta(days=days - 1)
    since = datetime.combine(first, time.min, tzinfo=timezone.utc)
    upto = datetime.combine(last + timedelta(days=1), time.min, tzinfo=timezone.utc)
    # Grouped in SQL: memory holds one row per day and kind, however many events there are.
    events = ActivityEvent.filter(subscription_id=subscription_id, occurred_at__gte=since, occurred_at__lt=upto)
    day = RawSQL(_utc_day_sql())
    people: dict[date, int] = {
        _as_date(r["day"]): r["n"]
        for r in await events.annotate(day=day).group_by("day").annotate(n=Count("user_id", distinct=True)).values("day", "n")
    }
    counts: dict[tuple[date, ActivityKind], int] = {
        (_as_date(r["day"]), ActivityKind(r["kind"])): r["n"]
        for r in await events.annotate(day=day).group_by("day", "kind").annotate(n=Count("id")).values("day", "kind", "n")
    }
    series = []
    for n in range(days):
        d = first + timedelta(days=n)
        series.append(UsageDay(
            day=d, active_users=people.get(d, 0), logins=counts.get((d, ActivityKind.LOGIN), 0),
            viewings=counts.get((d, ActivityKind.VIEWING_STARTED), 0),
            viewed_completely=counts.get((d, ActivityKind.VIEWED_COMPLETELY), 0),
            labs=counts.get((d, ActivityKind.LAB_STARTED), 0) + counts.get((d, ActivityKind.LAB_COMPLETED), 0),
        ))
    return series


