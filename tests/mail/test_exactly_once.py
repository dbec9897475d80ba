"""Exactly-once delivery under real conditions: a slow SMTP server and two `portico
mail-worker` processes (PostgreSQL: several writing processes), and the lease rules
behind it (both databases)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from backend.core.mail import claims
from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.core.security import utcnow
from tests.conftest import TEST_DB, _free_port
from tests.mail.test_outbox import _queue

ROOT = Path(__file__).resolve().parents[2]
# The scenario was 3 s per message and 50 emails; scaled down for the suite.
SMTP_SECONDS = float(os.environ.get("PORTICO_TEST_SLOW_SMTP_SECONDS", "1"))
EMAILS = int(os.environ.get("PORTICO_TEST_SLOW_SMTP_EMAILS", "24"))
DEADLINE_SECONDS = float(os.environ.get("PORTICO_TEST_SLOW_SMTP_DEADLINE", "40"))


class SlowInbox:
    """An SMTP server that takes `seconds` to accept each message and counts recipients."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.received: list[str] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(self.seconds)
        with self._lock:
            self.received.extend(envelope.rcpt_tos)
        return "250 OK"


def _worker(smtp_port: int) -> subprocess.Popen[bytes]:
    portico = Path(sys.executable).parent / "portico"
    env = {
        **os.environ, "SMTP_PORT": str(smtp_port), "SMTP_TIMEOUT_SECONDS": "5", "MAIL_CONCURRENCY": "2",
        "MAIL_BATCH_SIZE": "2", "MAIL_LEASE_SECONDS": "1",
    }
    return subprocess.Popen([str(portico), "mail-worker"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _stop(proc: subprocess.Popen[bytes]) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err.decode(errors="replace")


@pytest.mark.committed
@pytest.mark.skipif(TEST_DB != "postgres", reason="several writing processes need PostgreSQL (SQLite: one writer)")
async def test_two_worker_processes_and_a_slow_server_deliver_each_email_once() -> None:
    inbox = SlowInbox(SMTP_SECONDS)
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    workers = [_worker(port) for _ in range(2)]
    try:
        await asyncio.sleep(3)  # both are up and idle, as in production when a burst arrives
        await _queue(EMAILS)
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline and await OutboxEmail.filter(status=OutboxStatus.SENT).count() < EMAILS:
            await asyncio.sleep(0.25)
        await asyncio.sleep(3 * SMTP_SECONDS)  # anything sent twice would arrive by now
    finally:
        logs = [_stop(w) for w in workers]
        controller.stop()
    counts = Counter(inbox.received)
    assert sorted(counts) == sorted(f"p{i}@example.com" for i in range(EMAILS)), logs  # none lost
    assert [r for r, n in counts.items() if n > 1] == [], logs  # none twice
    assert await OutboxEmail.filter(status=OutboxStatus.SENT).count() == EMAILS
    assert all("Traceback" not in log for log in logs), logs


@pytest.mark.committed
async def test_a_lease_running_short_is_renewed_before_the_send() -> None:
    await _queue(2)
    claim = await claims.claim(limit=2, worker_id="w1", lease=timedelta(seconds=2), postgres=TEST_DB == "postgres")
    clock = claims.LeaseClock(smtp_timeout=1, floor_seconds=1)
    before = (await OutboxEmail.get(id=claim.rows[0].id)).locked_until
    assert await claim.hold_for(claim.rows[0].id, seconds=clock.send_deadline, clock=clock, lanes=1)
    after = await OutboxEmail.get(id=claim.rows[0].id)
    assert before is not None and after.locked_until is not None
    assert after.locked_until - before >= timedelta(seconds=clock.send_deadline)
    assert after.locked_by == claim.token


@pytest.mark.committed
async def test_a_row_whose_lease_was_taken_over_is_skipped_not_sent() -> None:
    await _queue(1)
    mine = await claims.claim(limit=1, worker_id="w1", lease=timedelta(seconds=1), postgres=TEST_DB == "postgres")
    await OutboxEmail.all().update(locked_until=utcnow() - timedelta(seconds=1))  # it lapsed
    theirs = await claims.claim(limit=1, worker_id="w2", lease=timedelta(seconds=60), postgres=TEST_DB == "postgres")
    assert [r.id for r in theirs.rows] == [r.id for r in mine.rows]
    clock = claims.LeaseClock(smtp_timeout=1, floor_seconds=1)
    assert not await mine.hold_for(mine.rows[0].id, seconds=clock.send_deadline, clock=clock, lanes=1)
    assert (await OutboxEmail.get()).locked_by == theirs.token


@pytest.mark.committed
async def test_a_sent_email_is_marked_sent_even_when_its_lease_was_lost() -> None:
    await _queue(1)
    row = await OutboxEmail.get()
    await OutboxEmail.all().update(locked_by="someone-else/1", locked_until=utcnow() + timedelta(minutes=1))
    await claims.mark_sent(row.id)
    row = await OutboxEmail.get()
    assert row.status == OutboxStatus.SENT and row.attempts == 1 and row.locked_until is None
    await OutboxEmail.all().update(locked_until=utcnow() - timedelta(seconds=1))
    again = await claims.claim(limit=5, worker_id="w3", lease=timedelta(seconds=60), postgres=TEST_DB == "postgres")
    assert again.rows == []  # a success is never claimed (nor sent) again
