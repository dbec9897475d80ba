"""Delivering the outbox over SMTP: a few reused connections, each email exactly once.

Claims, leases and marks (the exactly-once part) are described in `claims.py`. Here:
a worker run opens up to `MAIL_CONCURRENCY` SMTP connections and keeps them for every
message it sends (no connect / EHLO / QUIT per message), claims small batches and
lets the connections drain each batch together.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import secrets
import socket
import time
from email.header import Header
from email.utils import formataddr, formatdate, make_msgid, parseaddr

import aiosmtplib

from backend.core.config import Settings, get_settings
from backend.core.mail import claims
from backend.core.mail.claims import backoff_seconds
from backend.core.mail.models import OutboxEmail
from backend.core.observability import metrics

__all__ = ["backoff_seconds", "build_message", "deliver_pending", "run_forever"]

log = logging.getLogger("portico.mail")
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"
SEND_ERRORS = (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError)


def build_message(row: OutboxEmail, settings: Settings) -> bytes:
    """The message as sent. Bodies were rendered once, when the email was queued; here
    they are only wrapped (multipart/alternative, base64), which costs a fraction of
    building an `EmailMessage` and lets one worker feed several connections."""
    boundary = f"=_portico_{secrets.token_hex(12)}"
    to = formataddr((row.to_name, row.to_email), charset="utf-8") if row.to_name else row.to_email
    head = [
        f"From: {formataddr(parseaddr(settings.mail_from), charset='utf-8')}", f"To: {to}", f"Subject: {_header(row.subject)}",
        f"Message-ID: {make_msgid(domain='portico.local')}", f"Date: {formatdate(usegmt=True)}",
        f"X-Portico-Template: {row.template}", "MIME-Version: 1.0",
        f'Content-Type: multipart/alternative; boundary="{boundary}"',
    ]
    parts = [
        f'--{boundary}\r\nContent-Type: text/{kind}; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        + base64.encodebytes(body.encode()).decode().replace("\n", "\r\n")
        for kind, body in (("plain", row.text_body), ("html", row.html_body))
    ]
    return ("\r\n".join(head) + "\r\n\r\n" + "".join(parts) + f"--{boundary}--\r\n").encode()


def _header(value: str) -> str:
    """ASCII stays as it is; anything else is RFC 2047 encoded (folded, never a raw newline)."""
    return value if value.isascii() else Header(value, "utf-8").encode()


class Lane:
    """One SMTP connection, opened on first use and reused until it fails."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.smtp: aiosmtplib.SMTP | None = None

    async def send(self, sender: str, recipient: str, data: bytes) -> None:
        s = self.settings
        if self.smtp is None or not self.smtp.is_connected:
            self.smtp = aiosmtplib.SMTP(
                hostname=s.smtp_host, port=s.smtp_port, username=s.smtp_username, password=s.smtp_password,
                start_tls=s.smtp_starttls, use_tls=False, timeout=s.smtp_timeout_seconds,
            )
            await self.smtp.connect()
        try:
            await self.smtp.sendmail(sender, [recipient], data)
        except BaseException:
            await self.close()  # a half-finished conversation is never reused
            raise

    async def close(self) -> None:
        smtp, self.smtp = self.smtp, None
        if smtp is not None and smtp.is_connected:
            try:
                await asyncio.wait_for(smtp.quit(), timeout=2)
            except (*SEND_ERRORS, asyncio.CancelledError):
                smtp.close()


class Delivery:
    """One worker run: its connections, its lease clock and what it sent."""

    def __init__(self, settings: Settings, worker_id: str) -> None:
        self.settings = settings
        self.worker_id = worker_id
        self.sender = parseaddr(settings.mail_from)[1] or settings.mail_from
        self.lanes = [Lane(settings) for _ in range(max(1, settings.mail_concurrency))]
        self.clock = claims.LeaseClock(
            smtp_timeout=settings.smtp_timeout_seconds, floor_seconds=settings.mail_lease_seconds
        )
        self.sent = 0

    async def one_batch(self, limit: int) -> int:
        size = min(limit, self.settings.mail_batch_size)
        claim = await claims.claim(
            limit=size, worker_id=self.worker_id, lease=self.clock.for_batch(size, len(self.lanes)),
            postgres=self.settings.is_postgres,
        )
        queue = list(reversed(claim.rows))
        await asyncio.gather(*(self._drain(lane, queue, claim) for lane in self.lanes))
        return len(claim.rows)

    async def _drain(self, lane: Lane, queue: list[OutboxEmail], claim: claims.Claim) -> None:
        while queue:
            row = queue.pop()
            if await claim.hold_for(row.id, seconds=self.clock.send_deadline, clock=self.clock, lanes=len(self.lanes)):
                await self._send(lane, row)
            claim.done(row.id)

    async def _send(self, lane: Lane, row: OutboxEmail) -> None:
        data = build_message(row, self.settings)
        start = time.monotonic()
        try:
            await asyncio.wait_for(lane.send(self.sender, row.to_email, data), timeout=self.clock.send_deadline)
        except SEND_ERRORS as exc:
            attempts = await claims.reschedule(row, str(exc) or type(exc).__name__)
            log.warning("mail %s to %s failed (attempt %s): %s", row.id, row.to_email, attempts, exc)
            metrics.delivery_failed("mail")
            return
        self.clock.observe(time.monotonic() - start)
        await claims.mark_sent(row.id)
        self.sent += 1
        metrics.delivered("mail")

    async def close(self) -> None:
        await asyncio.gather(*(lane.close() for lane in self.lanes))


async def deliver_pending(*, limit: int = 500, settings: Settings | None = None, worker_id: str = WORKER_ID) -> int:
    """Send what is due (up to `limit` claims); return how many were sent.
    Failures are rescheduled with backoff, never lost."""
    delivery = Delivery(settings or get_settings(), worker_id)
    claimed = 0
    try:
        while claimed < limit:
            got = await delivery.one_batch(limit - claimed)
            if not got:
                break
            claimed += got
    finally:
        await delivery.close()
    return delivery.sent


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
