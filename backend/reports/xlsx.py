"""A report as an .xlsx file, streamed: a Summary sheet (title, period, per-person totals)
and the raw events.

The event loop only reads the events from the database, a chunk of plain rows at a time; a
worker thread turns each chunk into cells, sheet XML and compressed bytes
(`spreadsheet.StreamingWorkbook`), and the bytes go out as soon as they exist. The stream
is pulled: the next chunk is read only when the previous piece has been handed on, so a
slow client holds back the reads, and memory holds one chunk whatever the length of the
history. The event loop never runs the XML writer or the compressor on rows (only on the
few package parts), and the writer thread hands the GIL back often, so other requests
(`/healthz`) keep being answered while a large report streams.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

from backend.core.security import utcnow
from backend.reports import rows as report_rows
from backend.reports.rows import Report, Row
from backend.reports.spreadsheet import StreamingWorkbook

SLICE = 100  # rows the writer thread builds between two chances for the event loop to run


async def stream(report: Report) -> AsyncIterator[bytes]:
    """The report's .xlsx file, piece by piece as it is written; the one place a report is
    rendered (the download routes send it as it comes)."""
    book = StreamingWorkbook(["Summary", report.events_sheet])
    yield book.start()  # before any query: the first bytes leave at once
    summary: list[Row] = [
        [report.title], ["Period", report.period.label()], ["Created (UTC)", report_rows.utc_naive(utcnow())], [],
        report_rows.SUMMARY_HEADER, *await report_rows.summary_rows(report),
    ]
    if piece := await asyncio.to_thread(_start, book, summary, report.events_header):
        yield piece
    async for values in report_rows.event_value_chunks(report):
        if piece := await asyncio.to_thread(_events, book, report, values):
            yield piece
    yield await asyncio.to_thread(book.close)


def _start(book: StreamingWorkbook, summary: list[Row], header: list[str]) -> bytes:
    return book.append(summary) + book.next_sheet() + book.append([header])


def _events(book: StreamingWorkbook, report: Report, values: Sequence[Sequence[Any]]) -> bytes:
    pieces = []
    for i in range(0, len(values), SLICE):
        pieces.append(book.append(report_rows.event_rows(report, values[i:i + SLICE])))
        # Hand the GIL over: an event loop waiting for it gets it now, not when the
        # interpreter forces a switch (5 ms), which a request pays at every await.
        time.sleep(0)
    return b"".join(pieces)
