"""Exactly-once delivery from an outbox table: claims, leases and marks.

The design (an SMS outbox, or any other outbox, should follow it):

1. **Claim small batches.** A worker claims at most a few rows at a time (`claim`). On
   PostgreSQL the candidates are selected `FOR UPDATE SKIP LOCKED` inside a transaction,
   so concurrent workers skip each other's rows instead of waiting or colliding; the
   same transaction stamps them with a lease (`locked_until`) and a claim token
   (`locked_by`, unique per claim). On SQLite (one writing process) `FOR UPDATE` is not
   available: the stamp is a conditional UPDATE and the claim token tells which rows this
   worker won.
2. **Lease sized from the real send time, renewed before it runs short.** `LeaseClock`
   keeps the slowest recent send; a claim's lease covers the batch at that pace (three
   times over) plus one send's hard deadline. Before each send the worker checks that
   the lease outlives the send's hard deadline (`Claim.hold_for`); when it would not,
   it renews what is left of the batch, on the condition that its claim token is still
   on the rows, and a row whose lease was lost is skipped, never sent. A send is
   cancelled at its hard deadline (`LeaseClock.send_deadline`), so no other worker can
   claim a row while it is being sent.
3. **Mark each row in its own step.** Right after the SMTP server accepts a message the
   row is marked sent (`mark_sent`, by id alone and retried on a database error): a
   success is never sent again. A failed send is rescheduled with backoff
   (`reschedule`), never dropped.

What remains is the unavoidable window of any outbox: a worker that dies between the
server's acceptance and the mark (a crash, not a slow server) leaves a row that is sent
again when its lease lapses.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections import deque
from datetime import timedelta

from tortoise.exceptions import OperationalError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.core.security import utcnow

log = logging.getLogger("portico.mail")
MAX_BACKOFF_SECONDS = 3600
# Workers compare leases with their own clocks: keep this much in hand for skew.
SKEW_MARGIN_SECONDS = 5.0


def backoff_seconds(attempts: int) -> int:
    """30 s, 60 s, 120 s, ... capped at an hour; retried for ever, never dropped."""
    return min(MAX_BACKOFF_SECONDS, 30 * 2 ** max(0, attempts - 1))


class LeaseClock:
    """How long a claim must last, from how long sends really take."""

    def __init__(self, *, smtp_timeout: float, floor_seconds: float, window: int = 50) -> None:
        # A send is a handful of SMTP commands, each bounded by the timeout.
        self.send_deadline = 6 * smtp_timeout
        self.floor = floor_seconds
        self._recent: deque[float] = deque(maxlen=window)

    def observe(self, seconds: float) -> None:
        self._recent.append(seconds)

    @property
    def slowest(self) -> float:
        return max(self._recent, default=1.0)

    def for_batch(self, size: int, lanes: int) -> timedelta:
        """Long enough for `size` rows over `lanes` connections at three times the
        slowest recent pace, plus one send's hard deadline and the skew margin twice
        (so a renewal lasts at least a margin's worth before the next)."""
        rounds = -(-size // max(1, lanes))
        needed = 3 * rounds * self.slowest + self.send_deadline + 2 * SKEW_MARGIN_SECONDS
        return timedelta(seconds=max(self.floor, needed))


def _due() -> Q:
    now = utcnow()
    return Q(status=OutboxStatus.PENDING, next_attempt_at__lte=now) & (
        Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    )


def _token_prefix(worker_id: str) -> str:
    """Claim tokens are "<worker id>/<random>": unique per claim, and a worker's own ones
    can be found again when it stops (`release`)."""
    return f"{worker_id[:48]}/"


async def release(worker_id: str) -> int:
    """Give back the unsent emails this worker holds, so another sends them now rather than
    after the lease runs out. Returns how many."""
    return await OutboxEmail.filter(
        Q(locked_by__startswith=_token_prefix(worker_id)) & Q(status=OutboxStatus.PENDING) & Q(locked_until__isnull=False)
    ).update(locked_until=None, locked_by=None)


async def claim(*, limit: int, worker_id: str, lease: timedelta, postgres: bool) -> Claim:
    """Take up to `limit` due rows under a new claim token; other workers skip them."""
    token = f"{_token_prefix(worker_id)}{secrets.token_hex(6)}"
    started = time.monotonic()
    async with in_transaction():
        query = OutboxEmail.filter(_due()).order_by("id").limit(limit)
        if postgres:
            query = query.select_for_update(skip_locked=True)
        ids = await query.values_list("id", flat=True)
        if ids:
            await OutboxEmail.filter(Q(id__in=list(ids)) & _due()).update(locked_until=utcnow() + lease, locked_by=token)
    rows = await OutboxEmail.filter(id__in=list(ids), locked_by=token).order_by("id") if ids else []
    return Claim(token=token, rows=rows, lease=lease, started=started)


class Claim:
    """The rows one claim holds and until when (by this process's clock, measured
    before the lease was written, so it errs short)."""

    def __init__(self, *, token: str, rows: list[OutboxEmail], lease: timedelta, started: float) -> None:
        self.token = token
        self.rows = rows
        self.held = {row.id for row in rows}
        self.open = set(self.held)  # neither sent nor rescheduled yet
        self.expires = started + lease.total_seconds()
        self._lock = asyncio.Lock()

    async def hold_for(self, row_id: int, *, seconds: float, clock: LeaseClock, lanes: int) -> bool:
        """True when the row is still ours for `seconds` more (renewing what is left of
        the batch when the lease runs short); False: skip the row, it is not ours."""
        if time.monotonic() + seconds + SKEW_MARGIN_SECONDS >= self.expires:
            async with self._lock:
                if time.monotonic() + seconds + SKEW_MARGIN_SECONDS >= self.expires:
                    await self._renew(clock.for_batch(len(self.open), lanes))
        return row_id in self.held

    async def _renew(self, lease: timedelta) -> None:
        started = time.monotonic()
        ids = list(self.open)
        await OutboxEmail.filter(id__in=ids, locked_by=self.token, status=OutboxStatus.PENDING).update(
            locked_until=utcnow() + lease
        )
        still = set(
            await OutboxEmail.filter(id__in=ids, locked_by=self.token, status=OutboxStatus.PENDING).values_list(
                "id", flat=True
            )
        )
        lost = self.open - still
        if lost:
            log.warning("mail %s: lease lost before sending; left to the new owner", sorted(lost))
        self.held -= lost
        self.expires = started + lease.total_seconds()

    def done(self, row_id: int) -> None:
        self.open.discard(row_id)


async def mark_sent(row_id: int) -> None:
    """The server accepted the message: record it at once, by id, whatever the lease says."""
    for attempt in range(5):
        try:
            await OutboxEmail.filter(id=row_id).update(
                status=OutboxStatus.SENT, sent_at=utcnow(), attempts=F("attempts") + 1, locked_until=None
            )
            return
        except (OperationalError, OSError) as exc:  # a database hiccup must not cause a second send
            log.warning("marking mail %s sent failed (try %s): %s", row_id, attempt + 1, exc)
            await asyncio.sleep(0.2 * 2**attempt)
    log.error("mail %s was sent but could not be marked; it may be sent again", row_id)


async def reschedule(row: OutboxEmail, error: str) -> int:
    attempts = row.attempts + 1
    await OutboxEmail.filter(id=row.id, status=OutboxStatus.PENDING).update(
        attempts=attempts, last_error=error[:2000],
        next_attempt_at=utcnow() + timedelta(seconds=backoff_seconds(attempts)), locked_until=None, locked_by=None,
    )
    return attempts


