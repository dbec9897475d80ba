"""Writing a report's rows into an .xlsx workbook: a Summary sheet (title, period,
per-person totals) and the raw events.

The event loop only reads the events from the database, a chunk at a time; a worker
thread appends them to the workbook (openpyxl's write-only mode, which keeps each sheet in
a temporary file, so memory holds a few chunks whatever the length of the history) and
saves it. The event loop never runs the XML writer, so other requests (`/healthz`) keep
being answered while a large report renders; the bounded queue between the two keeps
memory flat when the database is faster than the writer.
"""

from __future__ import annotations

import asyncio
import queue
import tempfile
from typing import Any

from backend.core.security import utcnow
from backend.reports import rows as report_rows
from backend.reports.rows import Report, Row

_DONE = None  # the end of the event chunks
QUEUE_CHUNKS = 4  # chunks of report_rows.CHUNK rows waiting for the writer at most


def _write_sync(path: str, summary: list[Row], events_sheet: str, header: list[str], chunks: queue.Queue) -> int:
    from openpyxl import Workbook  # loaded when the first report is written, not at start-up

    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Summary")
    for row in summary:
        sheet.append(row)
    events = wb.create_sheet(events_sheet)
    events.append(header)
    count = 0
    failed: BaseException | None = None
    while (chunk := chunks.get()) is not _DONE:
        if failed is None:  # after a failure keep draining, so the producer never waits on a full queue
            try:
                for row in chunk:
                    events.append(row)
                count += len(chunk)
            except BaseException as exc:  # noqa: BLE001 - re-raised once the producer has finished
                failed = exc
    if failed is not None:
        raise failed
    wb.save(path)
    return count


async def write(path: str, report: Report) -> int:
    """Write `report` to `path`; return the number of event rows."""
    summary: list[Row] = [
        [report.title], ["Period", report.period.label()], ["Created (UTC)", report_rows.utc_naive(utcnow())], [],
        report_rows.SUMMARY_HEADER, *await report_rows.summary_rows(report),
    ]
    chunks: queue.Queue[Any] = queue.Queue(maxsize=QUEUE_CHUNKS)
    writer = asyncio.ensure_future(asyncio.to_thread(_write_sync, path, summary, report.events_sheet, report.events_header, chunks))
    try:
        async for chunk in report_rows.event_row_chunks(report):
            if writer.done():  # the writer failed: stop reading
                break
            try:
                chunks.put_nowait(chunk)
            except queue.Full:
                await asyncio.to_thread(chunks.put, chunk)
    finally:
        try:
            chunks.put_nowait(_DONE)
        except queue.Full:
            await asyncio.to_thread(chunks.put, _DONE)
    return await writer


def temp_path() -> str:
    with tempfile.NamedTemporaryFile(prefix="portico-report-", suffix=".xlsx", delete=False) as f:
        return f.name
