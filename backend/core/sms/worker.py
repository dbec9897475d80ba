"""Delivering the SMS outbox, exactly once per success.

Claiming: inside a transaction, `SELECT ... FOR UPDATE SKIP LOCKED` picks a few due rows
(PostgreSQL; SQLite drops the clause and serialises writers), then one conditional UPDATE
stamps them with this claim's id; only rows carrying that stamp are ours. Each message
then moves on its own: PENDING -> SENDING (committed before the gateway is called) ->
SENT / PENDING (retry later) / FAILED. A success is recorded at once and never sent again;
a row a crashed worker left in SENDING may have gone out, so it is failed with that reason
instead of being sent a second time. Nothing is ever logged with its body.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from datetime import timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from backend.core.config import Settings, get_settings
from backend.core.mail.claims import backoff_seconds as mail_backoff_seconds
from backend.core.security import utcnow
from backend.core.sms import providers
from backend.core.sms.models import OutboxSms, SmsStatus
from backend.core.sms.service import failed, unseal

log = logging.getLogger("portico.sms")
LOCK_SECONDS = 60
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"


def backoff_seconds(attempts: int, retry_after: int | None = None) -> int:
    """The mail outbox's schedule (30 s, 60 s, 120 s, ... capped at an hour); a longer
    Retry-After from the gateway wins."""
    return max(retry_after or 0, mail_backoff_seconds(attempts))


def _due() -> Q:
    now = utcnow()
    return Q(status=SmsStatus.PENDING, next_attempt_at__lte=now) & (Q(locked_until__isnull=True) | Q(locked_until__lt=now))


async def claim(*, limit: int, worker_id: str = WORKER_ID) -> tuple[str, list[OutboxSms]]:
    """Claim up to `limit` due messages; return the claim id and the rows it owns."""
    stamp = f"{worker_id}:{uuid.uuid4().hex[:12]}"[:64]
    async with in_transaction():
        # `.only()`, not `.values_list()`: Tortoise drops FOR UPDATE from a values query (a test checks the SQL).
        ids = [r.id for r in await OutboxSms.filter(_due()).order_by("id").limit(limit).select_for_update(skip_locked=True).only("id")]
        if not ids:
            return stamp, []
        await OutboxSms.filter(Q(id__in=list(ids)) & _due()).update(
            locked_until=utcnow() + timedelta(seconds=LOCK_SECONDS), locked_by=stamp
        )
    return stamp, await OutboxSms.filter(id__in=list(ids), locked_by=stamp, status=SmsStatus.PENDING).order_by("id")


async def recover_stuck() -> int:
    """Rows left in SENDING past their lock: the gateway may have sent them. Fail them with
    the reason instead of risking a second message."""
    return await OutboxSms.filter(status=SmsStatus.SENDING, locked_until__lt=utcnow()).update(
        status=SmsStatus.FAILED, body_sealed="", locked_until=None,
        last_error="outcome unknown: the worker stopped while the gateway had the message; not sent again",
    )


async def _give_up(row: OutboxSms, stamp: str, reason: str) -> None:
    """Fail the text with the reason, and let its domain undo what it stood for (same transaction)."""
    async with in_transaction():
        mine = OutboxSms.filter(id=row.id, locked_by=stamp)
        if await mine.update(status=SmsStatus.FAILED, last_error=reason[:2000], locked_until=None, body_sealed=""):
            row.last_error = reason[:2000]
            await failed(row)
    log.warning("sms %s to %s failed for good: %s", row.id, row.to_phone, reason)


async def _deliver_one(row: OutboxSms, stamp: str, settings: Settings) -> bool:
    mine = OutboxSms.filter(id=row.id, locked_by=stamp)
    attempts = row.attempts + 1
    started = await mine.filter(status=SmsStatus.PENDING).update(
        status=SmsStatus.SENDING, attempts=attempts, locked_until=utcnow() + timedelta(seconds=LOCK_SECONDS)
    )
    if not started:  # our claim lapsed and another worker has it
        return False
    try:
        sid = await providers.send(to=row.to_phone, body=unseal(row.body_sealed), settings=settings)
    except providers.SmsRetry as exc:
        if attempts >= settings.sms_max_attempts:
            await _give_up(row, stamp, f"gave up after {attempts} attempts: {exc}")
            return False
        await mine.update(
            status=SmsStatus.PENDING, last_error=str(exc)[:2000], locked_until=None, locked_by=None,
            next_attempt_at=utcnow() + timedelta(seconds=backoff_seconds(attempts, exc.retry_after)),
        )
        log.warning("sms %s to %s: retry later (attempt %s): %s", row.id, row.to_phone, attempts, exc)
        return False
    except (providers.SmsRejected, ValueError) as exc:
        await _give_up(row, stamp, str(exc))
        return False
    await mine.update(status=SmsStatus.SENT, provider_sid=sid, sent_at=utcnow(), locked_until=None, body_sealed="")
    return True


async def deliver_pending(*, limit: int = 10, settings: Settings | None = None, worker_id: str = WORKER_ID) -> int:
    """Send what is due (one small batch); return how many the gateway accepted."""
    s = settings or get_settings()
    await recover_stuck()
    stamp, rows = await claim(limit=limit, worker_id=worker_id)
    sent = 0
    for row in rows:
        sent += await _deliver_one(row, stamp, s)
    return sent


async def run_forever(*, poll_seconds: float = 5.0, wake: asyncio.Event | None = None) -> None:
    """The worker loop (in-process task or `portico sms-worker`)."""
    wake = wake or asyncio.Event()
    log.info("sms worker %s started (provider %s)", WORKER_ID, get_settings().sms_provider)
    while True:
        try:
            while await deliver_pending():
                pass
        except Exception:  # the loop must survive a database hiccup
            log.exception("sms worker iteration failed")
        try:
            await asyncio.wait_for(wake.wait(), timeout=poll_seconds)
        except asyncio.TimeoutError:
            pass
        wake.clear()
