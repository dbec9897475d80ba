"""Queueing text messages in the outbox, sealed at rest."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from backend.core.config import get_settings
from backend.core.security import utcnow
from backend.core.sms.models import OutboxSms

if TYPE_CHECKING:  # cryptography (8 MB) loads when a text is sealed or read, not at start-up
    from cryptography.fernet import Fernet

_wakeups: list[Callable[[], object]] = []
FailureHandler = Callable[[OutboxSms], Awaitable[None]]
_failure_handlers: dict[str, FailureHandler] = {}


def _fernet() -> Fernet:
    from cryptography.fernet import Fernet

    # A key of its own, derived from SECRET_KEY, so the outbox is unreadable without it.
    digest = hashlib.sha256(b"portico-sms-outbox:" + get_settings().secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(body: str) -> str:
    return _fernet().encrypt(body.encode()).decode()


def unseal(sealed: str) -> str:
    from cryptography.fernet import InvalidToken

    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("the message cannot be read with this SECRET_KEY") from exc


async def enqueue(*, to_phone: str, body: str, purpose: str, ref: str = "") -> OutboxSms:
    """Queue a text. Call inside the caller's transaction: it commits or rolls back with it.
    `to_phone` must already be E.164 (callers validate with `phonenumbers`)."""
    row = await OutboxSms.create(
        to_phone=to_phone, body_sealed=seal(body), purpose=purpose, ref=ref, next_attempt_at=utcnow()
    )
    for wake in _wakeups:
        wake()
    return row


def on_enqueue(callback: Callable[[], object]) -> None:
    """Let an in-process worker be woken when a text is queued instead of waiting to poll."""
    _wakeups.append(callback)


def on_failure(purpose: str, handler: FailureHandler) -> None:
    """Called by a domain at import: what to undo when a text of `purpose` fails for good
    (the gateway refused it, or it ran out of attempts). Runs in the worker's transaction."""
    _failure_handlers[purpose] = handler


async def failed(row: OutboxSms) -> None:
    handler = _failure_handlers.get(row.purpose)
    if handler is not None:
        await handler(row)
