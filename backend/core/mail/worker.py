"""Delivering the outbox over SMTP, with retries and backoff; never dropping an email.

Claiming is a conditional UPDATE (status pending, not locked by someone else), so two
workers, in one process or many, never send the same row at the same time.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

import aiosmtplib
from tortoise.expressions import Q

from backend.core.config import Settings, get_settings
from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.core.observability import metrics
from backend.core.security import utcnow

log = logging.getLogger("portico.mail")
LOCK_SECONDS = 120
MAX_BACKOFF_SECONDS = 3600
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"


def backoff_seconds(attempts: int) -> int:
    """30 s, 60 s, 120 s, ... capped at an hour; retried for ever, never dropped."""
    return min(MAX_BACKOFF_SECONDS, 30 * 2 ** max(0, attempts - 1))


def build_message(row: OutboxEmail, settings: Settings) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = formataddr((row.to_name, row.to_email)) if row.to_name else row.to_email
    msg["Subject"] = row.subject
    msg["Message-ID"] = make_msgid(domain="portico.local")
    msg["X-Portico-Template"] = row.template
    msg.set_content(row.text_body)
    msg.add_alternative(row.html_body, subtype="html")
    return msg


async def _claim(limit: int, worker_id: str) -> list[OutboxEmail]:
    now = utcnow()
    due = Q(status=OutboxStatus.PENDING, next_attempt_at__lte=now) & (
        Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    )
    candidates = await OutboxEmail.filter(due).order_by("id").limit(limit).values_list("id", flat=True)
    claimed = []
    for email_id in candidates:
        won = await OutboxEmail.filter(Q(id=email_id) & due).update(
            locked_until=now + timedelta(seconds=LOCK_SECONDS), locked_by=worker_id
        )
        if won:
            claimed.append(email_id)
    return await OutboxEmail.filter(id__in=claimed).order_by("id") if claimed else []


async def _send(row: OutboxEmail, settings: Settings) -> None:
    await aiosmtplib.send(
        build_message(row, settings),
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        username=settings.smtp_username,
        password=settings.smtp_password,
        start_tls=settings.smtp_starttls,
        use_tls=False,
        timeout=settings.smtp_timeout_seconds,
    )


async def deliver_pending(*, limit: int = 50, settings: Settings | None = None, worker_id: str = WORKER_ID) -> int:
    """Send what is due; return how many were sent. Failures are rescheduled, not lost."""
    s = settings or get_settings()
    sent = 0
    for row in await _claim(limit, worker_id):
        try:
            await _send(row, s)
        except (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError) as exc:
            attempts = row.attempts + 1
            await OutboxEmail.filter(id=row.id).update(
                attempts=attempts,
                last_error=str(exc)[:2000],
                next_attempt_at=utcnow() + timedelta(seconds=backoff_seconds(attempts)),
                locked_until=None,
                locked_by=None,
            )
            log.warning("mail %s to %s failed (attempt %s): %s", row.id, row.to_email, attempts, exc)
            metrics.delivery_failed("mail")
            continue
        await OutboxEmail.filter(id=row.id).update(
            status=OutboxStatus.SENT, sent_at=utcnow(), attempts=row.attempts + 1, locked_until=None
        )
        sent += 1
        metrics.delivered("mail")
    return sent


async def run_forever(*, poll_seconds: float = 5.0, wake: asyncio.Event | None = None) -> None:
    """The worker loop (in-process task or `portico mail-worker`)."""
    wake = wake or asyncio.Event()
    log.info("mail worker %s started", WORKER_ID)
    while True:
        try:
            while await deliver_pending():
                pass
        except Exception:  # the loop must survive a database hiccup
            log.exception("mail worker iteration failed")
        try:
            await asyncio.wait_for(wake.wait(), timeout=poll_seconds)
        except asyncio.TimeoutError:
            pass
        wake.clear()
