"""What goes in an Excel report, as rows: the raw events (streamed in chunks) and the
summary of per-person totals. Writing a workbook from them is `xlsx.py`'s job.

A report covers a subscription, optionally narrowed to some people (one person, a team's
members) and to a period of whole UTC days.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from backend.accounts.models import User
from backend.activity import service as activity
from backend.activity.models import ActivityEvent, ActivityKind
from backend.activity.service import Period
from backend.core.sql import for_dialect, utc

CHUNK = 1000  # event rows per statement, and per piece handed to the xlsx writer
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
LABELS = {  # by the stored value, as the database hands it back
    ActivityKind.LOGIN.value: "Login",
    ActivityKind.VIEWING_STARTED.value: "Started",
    ActivityKind.VIEWED_COMPLETELY.value: "Viewed completely",
    ActivityKind.LAB_STARTED.value: "Lab started",
    ActivityKind.LAB_COMPLETED.value: "Lab completed",
}
# `$n` parameters (numbered `?n` on SQLite); where: subscription, kinds, people, period.
EVENTS_SQL = """SELECT e.id, e.occurred_at, e.kind, u.first_name, u.last_name, u.email, c.kind, c.title
FROM activity_events e LEFT JOIN users u ON u.id = e.user_id LEFT JOIN content_items c ON c.id = e.content_id
WHERE {where} AND e.id > ${after} ORDER BY e.id LIMIT ${limit}"""
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


def _events_sql(report: Report, dialect: str) -> tuple[str, list[Any]]:
    """The chunk statement and its fixed parameters; the last two are the keyset and the limit."""
    params: list[Any] = [report.subscription_id, *(k.value for k in report.kinds)]
    where = ["e.subscription_id = $1", f"e.kind IN ({_numbered(2, len(report.kinds))})"]
    if report.people is not None:
        where.append(f"e.user_id IN ({_numbered(len(params) + 1, len(report.people))})" if report.people else "1 = 0")
        params += [u.id for u in report.people]
    for name, bound in report.period.bounds().items():
        params.append(bound)
        where.append(f"e.occurred_at {'>=' if name.endswith('gte') else '<'} ${len(params)}")
    sql = EVENTS_SQL.format(where=" AND ".join(where), after=len(params) + 1, limit=len(params) + 2)
    return for_dialect(sql, dialect), params


def _numbered(first: int, count: int) -> str:
    return ", ".join(f"${i}" for i in range(first, first + count))


async def event_value_chunks(report: Report) -> AsyncIterator[list[tuple[Any, ...]]]:
    """The raw events as plain database rows (the `EVENTS_SQL` columns), oldest first, one
    statement per CHUNK rows: keyset pagination on id (no OFFSET scans), and no ORM objects
    or per-value conversions on the event loop; `event_rows` turns them into cells."""
    conn = ActivityEvent._meta.db
    sql, params = _events_sql(report, conn.capabilities.dialect)
    after, size = 0, CHUNK
    while True:
        _, found = await conn.execute_query(sql, [*params, after, size])
        rows = [tuple(r) for r in found]  # asyncpg Records or sqlite3 Rows, as plain tuples
        if rows:
            yield rows
        if len(rows) < size:
            return
        after = rows[-1][0]


def event_rows(report: Report, values: Sequence[Sequence[Any]]) -> list[Row]:
    """Cells for a chunk of `event_value_chunks` rows (plain CPU work: run it off the event loop)."""
    one_person = report.one_person
    out: list[Row] = []
    for _, at, kind, first, last, email, ckind, title in values:
        when = utc_naive(utc(at))
        tail = [LABELS[kind], ckind or "", title or ""]
        out.append([when, *tail] if one_person else [when, first, last, email, *tail])
    return out


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
