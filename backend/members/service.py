"""User management in an account: bulk invitations, User/Admin types, deactivate/remove.

Callers check `users.manage` on the account; these functions check that every object
they touch belongs to that account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import (
    Account,
    Membership,
    MembershipRole,
    MembershipStatus,
    User,
)
from backend.accounts.modules import check_modules
from backend.audit import service as audit
from backend.auth import service as auth
from backend.core.config import get_settings
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.security import utcnow
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus
from backend.members import bulk
from backend.members.bulk import InviteOutcome, InviteResult, InviteRow, target_of

__all__ = ["InviteOutcome", "InviteResult", "InviteRow", "target_of"]


async def _validate_sub_accounts(account: Account, sub_account_ids: list[int]) -> list[int]:
    if not sub_account_ids:
        return []
    found: list[int] = await Account.filter(id__in=sub_account_ids, parent_id=account.id).values_list("id", flat=True)  # type: ignore[assignment]
    missing = set(sub_account_ids) - set(found)
    if missing:
        raise DomainError(ErrorCode.INVALID, f"Not sub-accounts of this account: {sorted(missing)}", "subAccountIds")
    return sorted(found)


async def grants_maker(
    account: Account, *, modules: list[str], sub_account_ids: list[int], roles: set[MembershipRole]
) -> Any:
    """Validate once what a list of invitations grants; answer `grants_for(row)` per row.
    A USER asked for an admin-only module: MODULE_NOT_ALLOWED, and nothing is invited."""
    subs = await _validate_sub_accounts(account, sub_account_ids)
    by_role = {role: {"role": role.value, "modules": check_modules(role, modules), "sub_account_ids": subs} for role in roles}
    return lambda row: by_role[row.role]


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
    rows = [InviteRow(email=e, role=role) for e in emails if e.strip()]
    if len(rows) > limit:
        raise DomainError(ErrorCode.TOO_MANY, f"Invite at most {limit} addresses at a time.", "emails")
    grants_for = await grants_maker(account, modules=modules, sub_account_ids=sub_account_ids, roles={role})
    return await bulk.invite_rows(account=account, inviter=inviter, rows=rows, grants_for=grants_for)


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


class ListedStatus(str, Enum):
    PENDING = "pending"
    EXPIRED = "expired"


@dataclass(frozen=True)
class InvitationFilter:
    """What the pending-invitations list may be narrowed to (all optional)."""

    status: ListedStatus | None = None
    kind: InvitationKind | None = None
    invited_by_id: int | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    search: str = ""
    disposable: bool | None = None


def _filtered(account_id: int, f: InvitationFilter) -> Any:
    now = utcnow()
    query = Invitation.filter(account_id=account_id, status__in=[InvitationStatus.PENDING, InvitationStatus.EXPIRED])
    if f.status == ListedStatus.PENDING:
        query = query.filter(status=InvitationStatus.PENDING, expires_at__gt=now)
    elif f.status == ListedStatus.EXPIRED:
        query = query.filter(Q(status=InvitationStatus.EXPIRED) | Q(expires_at__lte=now))
    if f.kind is not None:
        query = query.filter(kind=f.kind)
    if f.invited_by_id is not None:
        query = query.filter(invited_by_id=f.invited_by_id)
    if f.created_from is not None:
        query = query.filter(created_at__gte=f.created_from)
    if f.created_to is not None:
        query = query.filter(created_at__lt=f.created_to)
    if f.disposable is not None:
        query = query.filter(email_disposable=f.disposable)
    for word in f.search.split():
        query = query.filter(Q(email__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return query


def pending_invitations(*, account_id: int, filters: InvitationFilter | None = None) -> Any:
    """Open (pending or expired) invitations of every kind in the account, newest first (by id:
    unique, so the order is total), as a queryset the caller pages through."""
    return _filtered(account_id, filters or InvitationFilter()).order_by("-id").select_related("invited_by")


async def get_invitation(*, account_id: int, invitation_id: int) -> Invitation:
    inv = await Invitation.get_or_none(id=invitation_id, target=target_of(account_id), kind=InvitationKind.ACCOUNT_USER)
    if inv is None:
        raise NotFound("No such invitation in this account.")
    return inv


def members(*, account_id: int, status: MembershipStatus | None = None) -> Any:
    """The account's memberships by email (then id), as a queryset the caller pages through."""
    query = Membership.filter(account_id=account_id)
    if status is not None:
        query = query.filter(status=status)
    return query.select_related("user", "account").order_by("user__email", "id")


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
    checked = check_modules(role, modules)
    async with in_transaction():
        m.role, m.modules, m.sub_account_ids = role, checked, subs
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




@dataclass(frozen=True)
class MemberNumbers:
    active_members: int
    deactivated_members: int
    pending_invitations: int
    expired_invitations: int
    invitations_last_24_hours: int
    daily_invitation_quota: int


async def member_report(*, account_id: int) -> MemberNumbers:
    now = utcnow()
    members = Membership.filter(account_id=account_id)
    open_ = _filtered(account_id, InvitationFilter(status=ListedStatus.PENDING))
    expired = _filtered(account_id, InvitationFilter(status=ListedStatus.EXPIRED))
    return MemberNumbers(
        active_members=await members.filter(status=MembershipStatus.ACTIVE).count(),
        deactivated_members=await members.filter(status=MembershipStatus.DEACTIVATED).count(),
        pending_invitations=await open_.count(),
        expired_invitations=await expired.count(),
        invitations_last_24_hours=await Invitation.filter(
            account_id=account_id, kind=InvitationKind.ACCOUNT_USER, created_at__gte=now - timedelta(days=1)
        ).count(),
        daily_invitation_quota=get_settings().invitation_daily_quota,
    )
