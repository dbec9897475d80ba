"""The invitation engine every flow uses.

A domain registers a handler for its invitation kind: what accepting grants (a
membership, a family seat, ...). Creating, resending, revoking and accepting are the
same for all kinds. Tokens are 256-bit random, stored only as SHA-256, single-use.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Account, User
from backend.audit import service as audit
from backend.auth import service as auth
from backend.core import ratelimit
from backend.core.config import get_settings
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.mail import service as mail
from backend.core.passwords import validate_password
from backend.core.security import hash_password_async, new_token, token_hash, utcnow
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus

AcceptHandler = Callable[[Invitation, User], Awaitable[None]]
_handlers: dict[InvitationKind, AcceptHandler] = {}
Precheck = Callable[[Invitation, "User | None"], Awaitable[None]]
_prechecks: dict[InvitationKind, Precheck] = {}


def register_handler(kind: InvitationKind, handler: AcceptHandler) -> None:
    """Called by each domain at import: what accepting an invitation of `kind` grants."""
    _handlers[kind] = handler


def register_precheck(kind: InvitationKind, check: Precheck) -> None:
    """Called by a domain at import: a refusal worth explaining before anything is written
    (it may queue its own notices, committed although the acceptance is refused)."""
    _prechecks[kind] = check


def lifetime(kind: InvitationKind, account: Account) -> timedelta:
    """How long a link of this kind stays valid: the account's override, else the default."""
    s = get_settings()
    override = (account.invitation_hours or {}).get(kind.value)
    if override:
        return timedelta(hours=int(override))
    if kind == InvitationKind.FAMILY_MEMBER:
        return timedelta(hours=s.family_invitation_hours)
    return timedelta(hours=s.account_invitation_hours)


def is_disposable(email: str) -> bool:
    """Is this address at a throwaway-mail domain (the disposable-email-domains list)?"""
    from disposable_email_domains import blocklist  # a large set: loaded when first needed

    return email.rsplit("@", 1)[-1].lower() in blocklist


def effective_status(invitation: Invitation) -> InvitationStatus:
    """Pending links past their expiry read as expired without a background job."""
    if invitation.status == InvitationStatus.PENDING and invitation.expires_at <= utcnow():
        return InvitationStatus.EXPIRED
    return invitation.status


async def _send(invitation: Invitation, token: str, *, inviter: User | None) -> None:
    await mail.enqueue(
        template="invitation",
        to_email=invitation.email,
        to_name=f"{invitation.first_name} {invitation.last_name}".strip(),
        first_name=invitation.first_name or "there",
        inviter_name=(inviter.full_name or inviter.email) if inviter else "Portico",
        target_name=invitation.target_name,
        what=invitation.summary,
        link=mail.link("/accept-invitation", token=token),
        expires_at=invitation.expires_at.strftime("%-d %b %Y, %H:%M"),  # the portal's date format
    )


async def check_rate(*, inviter_id: int, email: str) -> None:
    s = get_settings()
    await ratelimit.hit(s.rate_limit_invitations, "invite-by", str(inviter_id))
    await ratelimit.hit(s.rate_limit_invitations, "invite-to", email)


async def find_pending(*, target: str, email: str) -> Invitation | None:
    return await Invitation.filter(
        target=target, email=email, status=InvitationStatus.PENDING, expires_at__gt=utcnow()
    ).first()


class AlreadyInvited(DomainError):
    """The address already has a pending invitation to the same target: here it is."""

    def __init__(self, existing: Invitation) -> None:
        super().__init__(ErrorCode.ALREADY_INVITED, f"{existing.email} already has a pending invitation.", "email")
        self.existing = existing


async def expire_stale(*, target: str, kind: InvitationKind, emails: list[str]) -> int:
    """Pending rows past their expiry become EXPIRED, so they stop holding the one-pending slot."""
    return await Invitation.filter(
        target=target, kind=kind, status=InvitationStatus.PENDING, email__in=emails, expires_at__lte=utcnow()
    ).update(status=InvitationStatus.EXPIRED)


async def _insert_once(**values: Any) -> Invitation:
    """Insert a pending invitation; when a concurrent request got there first, the database's
    unique index refuses ours and the winner's invitation is the answer."""
    try:
        async with in_transaction():
            return await Invitation.create(**values)
    except IntegrityError:
        existing = await Invitation.get_or_none(
            target=values["target"], email=values["email"], kind=values["kind"], status=InvitationStatus.PENDING
        )
        if existing is None:
            raise
        raise AlreadyInvited(existing) from None


async def create(
    *,
    kind: InvitationKind,
    account: Account,
    target: str,
    email: str,
    inviter: User,
    grants: dict[str, Any],
    target_name: str,
    what: str,
    first_name: str = "",
    last_name: str = "",
) -> Invitation:
    """Create and queue an invitation (caller owns the transaction and the permission check)."""
    email = accounts.normalise_email(email)
    earlier = await find_pending(target=target, email=email)
    if earlier is not None and earlier.kind == kind:
        raise AlreadyInvited(earlier)
    await check_rate(inviter_id=inviter.id, email=email)
    await expire_stale(target=target, kind=kind, emails=[email])
    token = new_token()
    invitation = await _insert_once(
        kind=kind,
        account=account,
        target=target,
        email=email,
        email_disposable=is_disposable(email),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        invited_by=inviter,
        grants=grants,
        token_hash=token_hash(token),
        expires_at=utcnow() + lifetime(kind, account),
        target_name=target_name,
        summary=what,
    )
    await audit.record(
        action=f"invitation.created.{kind.value}", actor_id=inviter.id, account_id=account.id,
        target_email=email, target=target, grants=grants,
    )
    await _send(invitation, token, inviter=inviter)
    return invitation


async def resend(*, invitation: Invitation, actor: User | None, email: str | None = None) -> Invitation:
    """A fresh link (the old one stops working), a fresh expiry, optionally a corrected email.
    With no actor, the invitee asked for it themselves (Forgot password): the reset request's
    own rate limit applies, and the email names the original inviter."""
    if invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.REVOKED):
        raise DomainError(ErrorCode.NOT_PENDING, "This invitation was already accepted or revoked.")
    new_email = accounts.normalise_email(email) if email else invitation.email
    if actor is not None:
        await check_rate(inviter_id=actor.id, email=new_email)
    reopening = invitation.status != InvitationStatus.PENDING or new_email != invitation.email
    token = new_token()
    account = await invitation.account
    invitation.email = new_email
    invitation.email_disposable = is_disposable(new_email)
    invitation.token_hash = token_hash(token)
    invitation.expires_at = utcnow() + lifetime(invitation.kind, account)
    invitation.status = InvitationStatus.PENDING
    invitation.send_count += 1
    invitation.last_sent_at = utcnow()
    if reopening:
        await expire_stale(target=invitation.target, kind=invitation.kind, emails=[new_email])
    try:
        async with in_transaction():
            await invitation.save()
    except IntegrityError:
        # Another pending invitation to the same place holds this address: answer with it.
        existing = await find_pending(target=invitation.target, email=new_email)
        if existing is None:
            raise
        raise AlreadyInvited(existing) from None
    await audit.record(
        action="invitation.resent", actor_id=actor.id if actor else None, account_id=invitation.account_id,  # type: ignore[attr-defined]
        target_email=new_email, invitation_id=invitation.id,
    )
    await _send(invitation, token, inviter=actor or await User.get_or_none(id=invitation.invited_by_id))  # type: ignore[attr-defined]
    return invitation


async def reissue_for_reset(email: str) -> None:
    """"Forgot password" from someone invited who never accepted: their latest unaccepted
    invitation gets a fresh link, which sets up the account and the password in one go."""
    invitation = await Invitation.filter(email=email, status=InvitationStatus.PENDING).order_by("-created_at", "-id").first()
    if invitation is None:
        return
    async with in_transaction():
        await resend(invitation=invitation, actor=None)


auth.on_reset_without_account(reissue_for_reset)


async def revoke(*, invitation: Invitation, actor: User) -> None:
    if invitation.status != InvitationStatus.PENDING:
        raise DomainError(ErrorCode.NOT_PENDING, "Only a pending invitation can be removed.")
    await Invitation.filter(id=invitation.id).update(status=InvitationStatus.REVOKED)
    invitation.status = InvitationStatus.REVOKED
    await audit.record(
        action="invitation.revoked", actor_id=actor.id, account_id=invitation.account_id,  # type: ignore[attr-defined]
        target_email=invitation.email, invitation_id=invitation.id,
    )


async def by_token(*, token: str) -> Invitation:
    invitation = await Invitation.get_or_none(token_hash=token_hash(token)).select_related("account", "invited_by")
    if invitation is None:
        raise NotFound("This invitation link is not valid.")
    return invitation


def _refusal(invitation: Invitation) -> DomainError | None:
    status = effective_status(invitation)
    if status == InvitationStatus.ACCEPTED:
        return DomainError(ErrorCode.TOKEN_USED, "This invitation was already accepted. Sign in instead.", "token")
    if status == InvitationStatus.REVOKED:
        return DomainError(ErrorCode.INVITATION_REVOKED, "This invitation was withdrawn.", "token")
    if status == InvitationStatus.EXPIRED:
        return DomainError(
            ErrorCode.TOKEN_EXPIRED, "This invitation has expired. Ask the sender for a new one.", "token"
        )
    return None


@dataclass(frozen=True)
class Acceptance:
    invitation: Invitation
    user: User
    created_user: bool


async def accept(
    *,
    token: str,
    password: str | None,
    confirm_adult: bool,
    accept_terms: bool,
    signed_in: User | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
) -> Acceptance:
    """Accept atomically and once: the first of two racing requests wins, the other is refused.
    A new person may give their first and last name (the inviter's, when given, is the
    default; an existing person keeps theirs); the
    account's documents version they agree to is kept with the time."""
    invitation = await Invitation.get_or_none(token_hash=token_hash(token)).select_related("account")
    if invitation is None:
        raise DomainError(ErrorCode.TOKEN_INVALID, "This invitation link is not valid.", "token")
    refusal = _refusal(invitation)
    if refusal:
        raise refusal
    # Students are minors: their invitation asks no adult confirmation and records none.
    is_student = invitation.kind == InvitationKind.STUDENT
    if not confirm_adult and not is_student:
        raise DomainError(ErrorCode.ADULT_CONFIRMATION_REQUIRED, "Confirm that you are 18 or older.", "confirmAdult")
    if not accept_terms:
        raise DomainError(ErrorCode.TERMS_REQUIRED, "Accept the privacy policy and terms of use.", "acceptTerms")
    if signed_in is not None and signed_in.email != invitation.email:
        raise DomainError(ErrorCode.INVALID, "This invitation is for another email address.", "token")
    first = (invitation.first_name if first_name is None else first_name).strip()[:100]
    last = (invitation.last_name if last_name is None else last_name).strip()[:100]
    existing = signed_in or await accounts.get_by_email(email=invitation.email)
    if check := _prechecks.get(invitation.kind):
        await check(invitation, existing)
    if existing is None:
        if not password:
            raise DomainError(ErrorCode.REQUIRED, "Choose a password.", "password")
        validate_password(password, email=invitation.email, names=(invitation.first_name, invitation.last_name))
    try:
        user = await _accept_once(invitation, existing, password=password or "", first=first, last=last)
    except IntegrityError:
        # Two invitations for one new address accepted at once: the other created the person
        # first. Ours is still good: accept it for that person (who signs in with the password
        # chosen there), or say truthfully why not.
        existing = await accounts.get_by_email(email=invitation.email)
        if existing is None:
            raise DomainError(ErrorCode.TOKEN_USED, "This invitation was already accepted.", "token") from None
        try:
            user = await _accept_once(invitation, existing, password="", first=first, last=last)
        except IntegrityError as exc:
            raise DomainError(ErrorCode.ALREADY_MEMBER, "You already have this access.", "token") from exc
    invitation.status = InvitationStatus.ACCEPTED
    return Acceptance(invitation=invitation, user=user, created_user=existing is None)


async def _accept_once(invitation: Invitation, existing: User | None, *, password: str, first: str, last: str) -> User:
    async with in_transaction():
        now = utcnow()
        version = invitation.account.documents_version or None
        won = await Invitation.filter(
            id=invitation.id, status=InvitationStatus.PENDING, expires_at__gt=now
        ).update(status=InvitationStatus.ACCEPTED, accepted_at=now, accepted_documents_version=version)
        if not won:
            raise _refusal(await Invitation.get(id=invitation.id)) or DomainError(
                ErrorCode.TOKEN_USED, "This invitation was already accepted.", "token"
            )
        user = existing or await User.create(
            email=invitation.email, first_name=first, last_name=last, password_hash=await hash_password_async(password),
        )
        if invitation.kind == InvitationKind.STUDENT:  # a student confirms no adulthood
            await User.filter(id=user.id).update(terms_accepted_at=now)
        else:
            await User.filter(id=user.id).update(adult_confirmed_at=now, terms_accepted_at=now)
        await Invitation.filter(id=invitation.id).update(accepted_by_id=user.id)
        await _handlers[invitation.kind](invitation, user)
        await audit.record(
            action=f"invitation.accepted.{invitation.kind.value}", actor_id=user.id,
            account_id=invitation.account_id, target_user_id=user.id,  # type: ignore[attr-defined]
            target_email=invitation.email, invitation_id=invitation.id, documents_version=version,
        )
    return user
