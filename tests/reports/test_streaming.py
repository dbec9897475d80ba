"""Excel downloads stream: bytes leave while the events are still being read, one SQL
statement per chunk of events, and a dropped download stops reading."""

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from io import BytesIO
from typing import Any

import pytest
from httpx import AsyncClient
from openpyxl import load_workbook

from backend.activity.models import ActivityEvent, ActivityKind
from backend.activity.service import Period
from backend.app import create_app
from backend.core.security import utcnow
from backend.reports import rows as report_rows
from backend.reports import xlsx
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for


async def _setup(events: int) -> tuple[Any, Any, str]:
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin, seats=5)
    ann = await make_seat_user(sub, await make_user("ann@example.com", first="Ann", last="Lee"))
    start = utcnow() - timedelta(days=3)
    await ActivityEvent.bulk_create(
        [ActivityEvent(subscription=sub, user=ann, kind=ActivityKind.LOGIN, occurred_at=start + timedelta(seconds=i))
         for i in range(events)], batch_size=1000,
    )
    return admin, sub, await token_for(admin)


async def _download(path: str, token: str, log: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The ASGI messages of one GET, as a server sends them (httpx's test transport would
    gather the body first); each body piece is also noted in `log` as it is sent, and the end."""
    messages: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)
        if message["type"] == "http.response.body":
            log.append(("sent", len(message["body"])) if message.get("more_body") else ("end", len(message["body"])))

    requested, finished = False, asyncio.Event()

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()  # the client stays until the response ends
        return {"type": "http.disconnect"}

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", b"api.test"), (b"authorization", f"Bearer {token}".encode())],
        "client": ("127.0.0.1", 1234), "server": ("api.test", 80),
    }
    try:
        await create_app(manage_db=False)(scope, receive, send)
    finally:
        finished.set()
    return messages


async def test_bytes_leave_before_the_last_events_are_read(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin, sub, token = await _setup(4000)
    monkeypatch.setattr(report_rows, "CHUNK", 400)
    log: list[tuple[str, int]] = []
    reading = report_rows.event_value_chunks

    async def logged(report: report_rows.Report) -> AsyncIterator[Any]:
        async for chunk in reading(report):
            log.append(("read", len(chunk)))
            yield chunk

    monkeypatch.setattr(report_rows, "event_value_chunks", logged)
    messages = await _download(f"/reports/subscriptions/{sub.id}/logins.xlsx", token, log)

    assert messages[0]["status"] == 200
    assert not any(k == b"content-length" for k, _ in messages[0]["headers"])  # chunked: the size is not known up front
    reads = [i for i, (what, _) in enumerate(log) if what == "read"]
    sent_before_last_read = [n for what, n in log[: reads[-1]] if what == "sent" and n]
    assert log[-1][0] == "end"
    assert len(reads) == 10
    assert len(sent_before_last_read) >= 3, log  # the package parts, then compressed rows, while rows are still read
    body = b"".join(m.get("body", b"") for m in messages[1:])
    sheet = load_workbook(BytesIO(body), read_only=True).worksheets[1]
    events = list(sheet.iter_rows(values_only=True))
    assert len(events) == 4001 and events[0][:2] == ("When (UTC)", "First name")
    assert isinstance(events[1][0], datetime) and events[1][1:5] == ("Ann", "Lee", "ann@example.com", "Login")


async def test_one_statement_per_chunk_of_events(http: AsyncClient, count_queries: Any, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin, sub, token = await _setup(25)
    monkeypatch.setattr(report_rows, "CHUNK", 10)
    path, headers = f"/reports/subscriptions/{sub.id}/logins.xlsx", {"Authorization": f"Bearer {token}"}
    await http.get(path, headers=headers)  # warm-up: the first request of a session may do more
    statements = []
    for more in (0, 20):
        await ActivityEvent.bulk_create([ActivityEvent(subscription=sub, user=admin, kind=ActivityKind.LOGIN, occurred_at=utcnow()) for _ in range(more)])
        with count_queries() as q:
            assert (await http.get(path, headers=headers)).status_code == 200
        statements.append(q.count)
    assert statements[1] - statements[0] == 2, statements  # 25 events: 10, 10, 5; 45 events: 10, 10, 10, 10, 5


async def test_a_dropped_download_stops_reading_events(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, sub, _ = await _setup(3000)
    monkeypatch.setattr(report_rows, "CHUNK", 100)
    report = report_rows.org_report(subscription_id=sub.id, kind=report_rows.OrgReport.LOGINS, period=Period())
    reads = 0
    reading = report_rows.event_value_chunks

    async def counted(report: report_rows.Report) -> AsyncIterator[Any]:
        nonlocal reads
        async for chunk in reading(report):
            reads += 1
            yield chunk

    monkeypatch.setattr(report_rows, "event_value_chunks", counted)
    body = xlsx.stream(report)
    for _ in range(3):
        await anext(body)
    await body.aclose()  # what Starlette does when the client goes away
    assert 0 < reads < 30


async def test_a_failure_halfway_ends_the_download_early(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, sub, token = await _setup(300)
    monkeypatch.setattr(report_rows, "CHUNK", 100)
    reading = report_rows.event_value_chunks

    async def failing(report: report_rows.Report) -> AsyncIterator[Any]:
        async for chunk in reading(report):
            yield chunk
            raise ConnectionError("database went away")

    monkeypatch.setattr(report_rows, "event_value_chunks", failing)
    log: list[tuple[str, int]] = []
    with pytest.raises(ConnectionError):  # the server logs it and drops the connection
        await _download(f"/reports/subscriptions/{sub.id}/logins.xlsx", token, log)
    assert log[0][0] == "sent" and all(what == "sent" for what, _ in log)  # some bytes, never the end of the body
