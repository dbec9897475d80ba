"""Excel reports, streamed: rows go from the database to the workbook in chunks.

openpyxl's write-only mode writes each appended row to a temporary file, so memory holds
one chunk of rows at a time, whatever the length of the history.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from datetime import timezone
from enum import Enum

from openpyxl import Workbook

from backend.accounts.models import User
from backend.activity.models import ActivityEvent, ActivityKind

CHUNK = 500


class OrgReport(str, Enum):
    VIEWINGS = "viewings"
    LABS = "labs"
    LOGINS = "logins"


KINDS = {
    OrgReport.VIEWINGS: [ActivityKind.VIEWING_STARTED, ActivityKind.VIEWED_COMPLETELY],
    OrgReport.LABS: [ActivityKind.LAB_STARTED, ActivityKind.LAB_COMPLETED],
    OrgReport.LOGINS: [ActivityKind.LOGIN],
}
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


async def _chunks(subscription_id: int, kinds: list[ActivityKind], user_id: int | None) -> AsyncIterator[list[tuple]]:
    """Events in id order, CHUNK rows per query (keyset pagination: no OFFSET scans)."""
    after = 0
    while True:
        q = ActivityEvent.filter(subscription_id=subscription_id, kind__in=kinds, id__gt=after)
        if user_id is not None:
            q = q.filter(user_id=user_id)
        rows = await q.order_by("id").limit(CHUNK).values_list(*FIELDS)
        if not rows:
            return
        yield rows
        after = rows[-1][0]


def _when(value):  # type: ignore[no-untyped-def]
    # Excel has no time zones: write UTC wall-clock time, and say so in the header.
    return value.astimezone(timezone.utc).replace(tzinfo=None)


async def write(path: str, *, subscription_id: int, report: OrgReport | None, user: User | None = None) -> int:
    """Write one report to `path`; return the number of data rows."""
    wb = Workbook(write_only=True)
    if user is not None:
        ws = wb.create_sheet("Viewing history")
        ws.append(["When (UTC)", "Activity", "Content type", "Title"])
        kinds: list[ActivityKind] = [k for k in ActivityKind if k != ActivityKind.LOGIN]
    else:
        assert report is not None
        ws = wb.create_sheet(report.value.capitalize())
        ws.append(["When (UTC)", "First name", "Last name", "Email", "Activity", "Content type", "Title"])
        kinds = KINDS[report]
    count = 0
    async for rows in _chunks(subscription_id, kinds, user.id if user else None):
        for _, at, kind, first, last, email, ckind, title in rows:
            tail = [LABELS[ActivityKind(kind)], getattr(ckind, "value", ckind) or "", title or ""]
            ws.append([_when(at), *tail] if user is not None else [_when(at), first, last, email, *tail])
            count += 1
    wb.save(path)
    return count


def temp_path() -> str:
    with tempfile.NamedTemporaryFile(prefix="portico-report-", suffix=".xlsx", delete=False) as f:
        return f.name
