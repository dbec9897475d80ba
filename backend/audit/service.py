"""Recording access changes. Call inside the transaction that makes the change."""

from __future__ import annotations

from typing import Any

from backend.audit.models import AuditEvent


async def record(
    *,
    action: str,
    actor_id: int | None,
    account_id: int | None = None,
    target_user_id: int | None = None,
    target_email: str | None = None,
    **detail: Any,
) -> AuditEvent:
    return await AuditEvent.create(
        action=action,
        actor_id=actor_id,
        account_id=account_id,
        target_user_id=target_user_id,
        target_email=target_email,
        detail=detail,
    )


def for_account(*, account_id: int) -> Any:
    """The account's audit events, newest first (id breaks ties), as a queryset the caller pages through."""
    return AuditEvent.filter(account_id=account_id).order_by("-created_at", "-id")
