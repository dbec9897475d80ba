"""User management in an account: bulk invitations, User/Admin types, deactivate/remove.

Callers check `users.manage` on the account; these functions check that every object
they touch belongs to that account.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from disposable_email_domains import blocklist as DISPOSABLE_DOMAINS
from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import (
    Account,
    Membership,
    MembershipRole,
    MembershipStatus,
    User,
)
from backend.accounts.modules import allowed_modules
from backend.audit import service as audit
from backend.auth import service as auth
from backend.core.config import get_settings
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus


class InviteOutcome(str, Enum):
    INVITED = "invited"
    ALREADY_MEMBER = "already_member"
    ALREADY_INVITED = "already_invited"
    PREVIOUSLY_INVITED = "previously_invited"
    DISPOSABLE_EMAIL = "disposable_email"
    INVALID_EMAIL = "invalid_email"
    DUPLICATE = "duplicate"
    RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class InviteResult:
    email: str
    outcome: InviteOutcome
    message: str
    invitation: Invitation | None = None


def target_of(account_id: int) -> str:
    return f"account:{account_id}"


async def _validate_sub_accounts(account: Account, sub_account_ids: list[int]) -> list[int]:
    if not sub_account_ids:
        return []
    found: list[int] = await Account.filter(id__in=sub_account_ids, parent_id=account.id).values_list("id", flat=True)  # type: ignore[assignment]
    missing = set(sub_account_ids) - set(found)
    if missing:
        raise DomainError(ErrorCode.INVALID, f"Not sub-accounts of this account: {sorted(missing)}", "subAccountIds")
    return sorted(found)


async def _one(account: Account, inviter: User, raw: str, grants: dict, seen: set[str]) -> InviteResult:
    try:
        email = accounts.normalise_email(raw)
    except DomainError as e:
        return InviteResult(raw.strip(), InviteOutcome.INVALID_EMAIL, e.message)
    if email in seen:
        return InviteResult(email, InviteOutcome.DUPLICATE, "Listed more than once; invited once.")
    seen.add(email)
    if email.rsplit("@", 1)[1] in DISPOSABLE_DOMAINS:
        return InviteResult(email, InviteOutcome.DISPOSABLE_EMAIL, "Disposable email addresses cannot be invited.")
    if await Membership.exists(account_id=account.id, user__email=email):
        return InviteResult(email, InviteOutcome.ALREADY_MEMBER, "Already a member of this account.")
    target = target_of(account.id)
    earlier = await Invitation.filter(target=target, email=email, status=InvitationStatus.PENDING).first()
    if earlier is not None:
        if invitations.effective_status(earlier) == InvitationStatus.PENDING:
            return InviteResult(email, InviteOutcome.ALREADY_INVITED, "Already invited; the invitation is pending.")
        return InviteResult(email, InviteOutcome.PREVIOUSLY_INVITED, "Invited before and the link expired: resend it.")
    try:
        async with in_transaction():
            invitation = await invitations.create(
                kind=InvitationKind.ACCOUNT_USER, account=account, target=target, email=email, inviter=inviter,
                grants=grants, target_name=account.name,
                what="as Admin" if grants["role"] == MembershipRole.ADMIN.value else "as User",
            )
    except DomainError as e:
        outcome = {
            ErrorCode.RATE_LIMITED: InviteOutcome.RATE_LIMITED, ErrorCode.ALREADY_INVITED: InviteOutcome.ALREADY_INVITED
        }.get(e.code, InviteOutcome.INVALID_EMAIL)
        return InviteResult(email, outcome, e.message)
    return InviteResult(email, InviteOutcome.INVITED, "Invitation sent.", invitation)


async def invite_users(
    *,
    account: Account,
    inviter: User,
    emails: list[str],
    role: MembershipRole,
    modules: list[str],
    sub_account_ids: list[int],
) -> list[InviteResult]:
    """Invite many addresses; each is answered on its own, one bad row never fails the rest."""
    limit = get_settings().max_invites_per_call
    if len([e for e in emails if e.strip()]) > limit:
        raise DomainError(ErrorCode.TOO_MANY, f"Invite at most {limit} addresses at a time.", "emails")
    grants = {
        "role": role.value,
        "modules": allowed_modules(role, modules),
        "sub_account_ids": await _validate_sub_accounts(account, sub_account_ids),
    }
    seen: set[str] = set()
    return [await _one(account, inviter, raw, grants, seen) for raw in emails if raw.strip()]


async def accept_account_user(invitation: Invitation, user: User) -> None:
    """What accepting an account-user invitation grants: a membership with its permissions."""
    if await Membership.exists(account_id=invitation.account_id, user_id=user.id):  # type: ignore[attr-defined]
        raise DomainError(ErrorCode.ALREADY_MEMBER, "You are already a member of this account.")
    g = invitation.grants
    await accounts.add_member(
        account=await invitation.account, user=user, role=MembershipRole(g["role"]), actor_id=user.id,
        modules=g.get("modules", []), sub_account_ids=g.get("sub_account_ids", []),
    )


invitations.register_handler(InvitationKind.ACCOUNT_USER, accept_account_user)


async def pending_invitations(*, account_id: int) -> list[Invitation]:
    return await Invitation.filter(
        target=target_of(account_id), kind=InvitationKind.ACCOUNT_USER, status=InvitationStatus.PENDING
    ).order_by("email")


async def get_invitation(*, account_id: int, invitation_id: int) -> Invitation:
    inv = await Invitation.get_or_none(id=invitation_id, target=target_of(account_id), kind=InvitationKind.ACCOUNT_USER)
    if inv is None:
        raise NotFound("No such invitation in this account.")
    return inv


async def members(*, account_id: int, status: MembershipStatus | None = None) -> list[Membership]:
    query = Membership.filter(account_id=account_id)
    if status is not None:
        query = query.filter(status=status)
    return await query.select_related("user", "account").order_by("user__email")


async def get_member(*, account_id: int, user_id: int) -> Membership:
    m = await Membership.get_or_none(account_id=account_id, user_id=user_id).select_related("user", "account")
    if m is None:
        raise NotFound("No such member in this account.")
    return m


async def _last_admin_guard(m: Membership) -> None:
    if m.role == MembershipRole.ADMIN and m.status == MembershipStatus.ACTIVE:
        admins = await Membership.filter(
            account_id=m.account_id, role=MembershipRole.ADMIN, status=MembershipStatus.ACTIVE  # type: ignore[attr-defined]
        ).count()
        if admins <= 1:
            raise DomainError(ErrorCode.INVALID, "An account needs at least one active admin.")


async def set_status(*, actor: User, account_id: int, user_id: int, status: MembershipStatus) -> Membership:
    m = await get_member(account_id=account_id, user_id=user_id)
    if status == MembershipStatus.DEACTIVATED:
        await _last_admin_guard(m)
    async with in_transaction():
        await Membership.filter(id=m.id).update(status=status)
        await audit.record(
            action=f"membership.{'deactivated' if status == MembershipStatus.DEACTIVATED else 'reactivated'}",
            actor_id=actor.id, account_id=account_id, target_user_id=user_id,
        )
    m.status = status
    return m


async def remove(*, actor: User, account_id: int, user_id: int) -> None:
    m = await get_member(account_id=account_id, user_id=user_id)
    await _last_admin_guard(m)
    async with in_transaction():
        await Membership.filter(id=m.id).delete()
        await audit.record(action="membership.removed", actor_id=actor.id, account_id=account_id, target_user_id=user_id)


async def set_permissions(
    *, actor: User, account_id: int, user_id: int, role: MembershipRole, modules: list[str], sub_account_ids: list[int]
) -> Membership:
    m = await get_member(account_id=account_id, user_id=user_id)
    if role != MembershipRole.ADMIN:
        await _last_admin_guard(m)
    subs = await _validate_sub_accounts(m.account, sub_account_ids)
    async with in_transaction():
        m.role, m.modules, m.sub_account_ids = role, allowed_modules(role, modules), subs
        await m.save(update_fields=["role", "modules", "sub_account_ids"])
        await audit.record(
            action="membership.permissions_changed", actor_id=actor.id, account_id=account_id, target_user_id=user_id,
            role=role.value, modules=m.modules, sub_account_ids=subs,
        )
    return m


async def send_password_reset(*, actor: User, account_id: int, user_id: int) -> None:
    m = await get_member(account_id=account_id, user_id=user_id)
    async with in_transaction():
        await auth.send_reset_link(user=m.user, actor_id=actor.id)


