"""Erasing a person's personal data on request, keeping the audit trail whole.

The person's rows stay (memberships, seats, audit events keep pointing at the same ids, so
the history still adds up), but every copy of their name and address is replaced by a
pseudonym derived from their id with the secret key: stable (the same person always gets
the same one, so audit lines can still be read together) and not reversible. They can no
longer sign in; mail still waiting for them is dropped, mail already sent is blanked.
One transaction; the erasure itself is audited (without the erased address).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from backend.accounts.models import Membership, User, UserStatus
from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.auth.models import PasswordResetToken, Session
from backend.core.config import get_settings
from backend.core.errors import NotFound
from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.core.security import utcnow
from backend.enterprise.models import EnterpriseUser
from backend.families.models import FamilyMember, PaymentMethod
from backend.invitations.models import Invitation

ERASED_DOMAIN = "erased.invalid"


def pseudonym(user_id: int) -> str:
    digest = hmac.new(get_settings().secret_key.encode(), f"erase:{user_id}".encode(), hashlib.sha256).hexdigest()
    return f"erased-{digest[:16]}"


def _scrub(value: Any, email: str, replacement: str) -> Any:
    if isinstance(value, str):
        return re.sub(re.escape(email), replacement, value, flags=re.IGNORECASE)
    if isinstance(value, dict):
        return {k: _scrub(v, email, replacement) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, email, replacement) for v in value]
    return value


async def _scrub_audit_details(*, user_id: int, old: str, new: str) -> None:
    """Audit details may name the address (an invitation's list of emails): rewrite those
    in the events about the person, by them, or in the accounts they belonged to."""
    account_ids = set(await Membership.filter(user_id=user_id).values_list("account_id", flat=True))
    account_ids |= set(await Invitation.filter(email=new).values_list("account_id", flat=True))
    events = await AuditEvent.filter(
        Q(target_user_id=user_id) | Q(actor_id=user_id) | Q(target_email=new) | Q(account_id__in=list(account_ids) or [0])
    )
    for event in events:
        scrubbed = _scrub(event.detail, old, new)
        if scrubbed != event.detail:
            await AuditEvent.filter(id=event.id).update(detail=scrubbed)


async def erase_person(*, email: str, requested_by: str) -> str:
    """Erase the person signing in with `email`; return their pseudonym."""
    user = await User.get_or_none(email=email.strip().lower())
    if user is None:
        raise NotFound("No one signs in with that email.")
    old, name = user.email, pseudonym(user.id)
    new_email = f"{name}@{ERASED_DOMAIN}"
    async with in_transaction():
        await User.filter(id=user.id).update(email=new_email, first_name="Erased", last_name="Person", password_hash=None,
                                             status=UserStatus.DISABLED)
        await Session.filter(user_id=user.id, revoked_at__isnull=True).update(revoked_at=utcnow(), revoked_reason="erased")
        await PasswordResetToken.filter(user_id=user.id).delete()
        await FamilyMember.filter(email=old).update(email=new_email, first_name="Erased", last_name="Person")
        await FamilyMember.filter(user_id=user.id).update(email=new_email, first_name="Erased", last_name="Person")
        await Invitation.filter(email=old).update(email=new_email, first_name="", last_name="")
        await EnterpriseUser.filter(user_id=user.id).update(email=new_email, first_name="Erased", last_name="Person",
                                                            subject=None)
        await PaymentMethod.filter(owner_id=user.id).update(last4="****")
        await OutboxEmail.filter(to_email=old, status=OutboxStatus.PENDING).delete()
        await OutboxEmail.filter(to_email=old).update(to_email=new_email, to_name="", text_body="[erased]",
                                                      html_body="[erased]", subject="[erased]")
        await AuditEvent.filter(target_email=old).update(target_email=new_email)
        await _scrub_audit_details(user_id=user.id, old=old, new=new_email)
        await audit.record(action="person.erased", actor_id=None, target_user_id=user.id, target_email=new_email,
                           requested_by=requested_by)
    return name
