"""`node(id:)` for accounts, memberships, people and audit entries, with the rules of the
queries that show them: `account` (account.view), `me` and `accountMembers` (my own
membership, or users.manage), `auditLog` (audit.view)."""

from __future__ import annotations

from typing import Any

from backend.accounts import service
from backend.accounts.models import Account, Membership, User
from backend.accounts.schema import AuditEntry
from backend.accounts.types import AccountType, MembershipType, UserType
from backend.audit.models import AuditEvent
from backend.core.graphql import Info, gid, require_user
from backend.core.nodes import holds, row
from backend.core.permissions import Permission


async def account(info: Info, key: str) -> AccountType | None:
    a = await row(Account, key)
    return AccountType.of(a) if a and await holds(info, a.id, Permission.ACCOUNT_VIEW) else None


async def membership(info: Info, key: str) -> MembershipType | None:
    m = await row(Membership, key, "account")
    if m is None:
        return None
    me = await require_user(info)
    mine = m.user_id == me.id and await info.context.account_scope() in (None, m.account_id)  # type: ignore[attr-defined]
    return MembershipType.of(m) if mine or await holds(info, m.account_id, Permission.USERS_MANAGE) else None  # type: ignore[attr-defined]


async def user(info: Info, key: str, *, any_viewer: bool = False) -> UserType | None:
    """Myself, or a member of an account where I manage users (`accountMembers` lists them);
    `any_viewer`: the caller decided another rule lets me see them."""
    u = await row(User, key)
    if u is None:
        return None
    if any_viewer or u.id == (await require_user(info)).id:
        return UserType.of(u)
    for m in await service.memberships_of(user_id=u.id):
        if await holds(info, m.account_id, Permission.USERS_MANAGE):  # type: ignore[attr-defined]
            return UserType.of(u)
    return None


async def audit_entry(info: Info, key: str) -> AuditEntry | None:
    r = await row(AuditEvent, key)
    if r is None or r.account_id is None or not await holds(info, r.account_id, Permission.AUDIT_VIEW):  # type: ignore[attr-defined]
        return None
    return AuditEntry(
        id=r.id, action=r.action,
        actor_id=gid(r.actor_id, "User") if r.actor_id else None,  # type: ignore[attr-defined]
        target_user_id=gid(r.target_user_id, "User") if r.target_user_id else None,  # type: ignore[attr-defined]
        target_email=r.target_email, created_at=r.created_at,
    )


LOADERS: dict[str, Any] = {"Account": account, "Membership": membership, "User": user, "AuditEntry": audit_entry}
