"""Writing a report's rows into an .xlsx workbook: a Summary sheet (title, period,
per-person totals) and the raw events, streamed.

openpyxl's write-only mode writes each appended row to a temporary file, so memory holds
one chunk of events at a time, whatever the length of the history.
"""

from __future__ import annotations

import tempfile

from openpyxl import Workbook

from backend.core.security import utcnow
from backend.reports import rows as report_rows
from backend.reports.rows import Report


async def write(path: str, report: Report) -> int:
    """Write `report` to `path`; return the number of event rows."""
    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Summary")
    summary.append([report.title])
    summary.append(["Period", report.period.label()])
    summary.append(["Created (UTC)", report_rows.utc_naive(utcnow())])
    summary.append([])
    summary.append(report_rows.SUMMARY_HEADER)
    for row in await report_rows.summary_rows(report):
        summary.append(row)
    events = wb.create_sheet(report.events_sheet)
    events.append(report.events_header)
    count = 0
    async for row in report_rows.event_rows(report):
        events.append(row)
        count += 1
    wb.save(path)
    return count


def temp_path() -> str:
    with tempfile.NamedTemporaryFile(prefix="portico-report-", suffix=".xlsx", delete=False) as f:
        return f.name
