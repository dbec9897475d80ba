"""What goes in an Excel report, as rows: the raw events (streamed in chunks) and the
summary of per-person totals. Writing a workbook from them is `xlsx.py`'s job.

A report covers a subscription, optionally narrowed to some people (one person, a team's
members) and to a period of whole UTC days.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from backend.accounts.models import User
from backend.activity import service as activity
from backend.activity.models import ActivityEvent, ActivityKind
from backend.activity.service import Period

CHUNK = 500
Row = list[Any]


class OrgReport(str, Enum):
    VIEWINGS = "viewings"
    LABS = "labs"
    LOGINS = "logins"


KINDS = {
    OrgReport.VIEWINGS: [ActivityKind.VIEWING_STARTED, ActivityKind.VIEWED_COMPLETELY],
    OrgReport.LABS: [ActivityKind.LAB_STARTED, ActivityKind.LAB_COMPLETED],
    OrgReport.LOGINS: [ActivityKind.LOGIN],
}
ALL_BUT_LOGINS: list[ActivityKind] = [k for k in ActivityKind if k != ActivityKind.LOGIN]
LABELS = {
    ActivityKind.LOGIN: "Login",
    ActivityKind.VIEWING_STARTED: "Started",
    ActivityKind.VIEWED_COMPLETELY: "Viewed completely",
    ActivityKind.LAB_STARTED: "Lab started",
    ActivityKind.LAB_COMPLETED: "Lab completed",
}
FIELDS = (
    "id", "occurred_at", "kind", "user__first_name", "user__last_name", "user__email", "content__kind", "content__title",
)
SUMMARY_HEADER = [
    "First name", "Last name", "Email", "Logins", "Viewings started", "Viewed completely", "Labs started",
    "Labs completed", "Last sign-in (UTC)",
]


@dataclass
class Report:
    """One workbook: a title, the period, the summary rows and the raw events."""

    title: str
    filename: str
    subscription_id: int
    period: Period
    kinds: list[ActivityKind]
    people: list[User] | None = None  # None: everyone on the subscription with activity
    one_person: bool = False
    events_sheet: str = "Events"
    summary: list[Row] = field(default_factory=list)

    @property
    def events_header(self) -> list[str]:
        if self.one_person:
            return ["When (UTC)", "Activity", "Content type", "Title"]
        return ["When (UTC)", "First name", "Last name", "Email", "Activity", "Content type", "Title"]


def utc_naive(value: datetime | None) -> datetime | None:
    # Excel has no time zones: write UTC wall-clock time, and say so in the header.
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value else None


async def _chunks(report: Report) -> AsyncIterator[list[tuple]]:
    """Events in id order, CHUNK rows per query (keyset pagination: no OFFSET scans)."""
    after = 0
    while True:
        q = ActivityEvent.filter(subscription_id=report.subscription_id, kind__in=report.kinds, id__gt=after, **report.period.bounds())
        if report.people is not None:
            q = q.filter(user_id__in=[u.id for u in report.people])
        rows = await q.order_by("id").limit(CHUNK).values_list(*FIELDS)
        if not rows:
            return
        yield rows
        after = rows[-1][0]


def _event_row(report: Report, values: tuple) -> Row:
    _, at, kind, first, last, email, ckind, title = values
    tail = [LABELS[ActivityKind(kind)], getattr(ckind, "value", ckind) or "", title or ""]
    return [utc_naive(at), *tail] if report.one_person else [utc_naive(at), first, last, email, *tail]


async def event_row_chunks(report: Report) -> AsyncIterator[list[Row]]:
    """The raw events, oldest first, CHUNK rows at a time."""
    async for rows in _chunks(report):
        yield [_event_row(report, values) for values in rows]


async def event_rows(report: Report) -> AsyncIterator[Row]:
    """The raw events, one row each, oldest first."""
    async for chunk in event_row_chunks(report):
        for row in chunk:
            yield row


async def summary_rows(report: Report) -> list[Row]:
    """Per-person totals over the period, by name, then a Total row."""
    ids = [u.id for u in report.people] if report.people is not None else None
    counts = await activity.totals(subscription_id=report.subscription_id, user_ids=ids, period=report.period)
    people = report.people if report.people is not None else await User.filter(id__in=list(counts))
    people = sorted(people, key=lambda u: (u.first_name.lower(), u.last_name.lower(), u.email))
    out: list[Row] = []
    for u in people:
        t = counts.get(u.id, activity.Totals())
        out.append([u.first_name, u.last_name, u.email, *_numbers(t), utc_naive(t.last_login_at)])
    total = activity.summed(list(counts.values()))
    out.append(["Total", "", f"{len(people)} people", *_numbers(total), utc_naive(total.last_login_at)])
    return out


def _numbers(t: activity.Totals) -> list[int]:
    return [t.logins, t.viewings_started, t.viewed_completely, t.labs_started, t.labs_completed]


def org_report(*, subscription_id: int, kind: OrgReport, period: Period) -> Report:
    return Report(
        title=f"{kind.value.capitalize()} report", filename=f"{kind.value}.xlsx", subscription_id=subscription_id,
        period=period, kinds=KINDS[kind], events_sheet=kind.value.capitalize(),
    )


def person_report(*, subscription_id: int, person: User, period: Period) -> Report:
    return Report(
        title=f"Activity of {person.full_name or person.email}", filename=f"activity-user-{person.id}.xlsx",
        subscription_id=subscription_id, period=period, kinds=ALL_BUT_LOGINS, people=[person], one_person=True,
        events_sheet="Viewing history",
    )


def team_report(*, subscription_id: int, team_id: int, team_name: str, members: list[User], period: Period) -> Report:
    return Report(
        title=f"Activity of team {team_name}", filename=f"activity-team-{team_id}.xlsx", subscription_id=subscription_id,
        period=period, kinds=list(ActivityKind), people=members, events_sheet="Events",
    )
