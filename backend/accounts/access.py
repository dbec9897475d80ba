"""What one person may do in one account: decided once, here, for every account-bound field.

The rule, for a person P and an account X (X may be a sub-account, at any depth):

1. P's own membership in X decides first. Deactivated: P has nothing in X, whatever P holds
   above it (X's administrator turned P off). Active: its role and modules apply.
2. Memberships in X's ancestors reach down. A membership in ancestor A reaches X when it
   names no sub-accounts (the default: all of A's sub-accounts) or names the child of A on
   the way to X; a grant on a sub-account covers that sub-account's own sub-accounts. It
   brings its role and modules with it. So a parent account's admins reach every
   sub-account by default, whoever created it; limiting an admin's membership to some
   sub-accounts limits them like anyone else.
3. Permissions from (1) and (2) add up. No membership reaching X: nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts.models import Account, Membership, MembershipStatus
from backend.accounts.modules import permissions_for
from backend.core.permissions import Permission

# Sub-accounts nest, but not without end: a cycle or a very deep tree stops here.
MAX_DEPTH = 8


@dataclass(frozen=True)
class AccountAccess:
    """P's permissions in one account, with the accounts whose memberships gave them."""

    account_id: int
    permissions: frozenset[Permission]
    through: tuple[int, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.permissions)

    def has(self, permission: Permission) -> bool:
        return permission in self.permissions


async def _ancestors(account_id: int) -> list[int]:
    """[X, parent, grandparent, ...]: one query per level, stopping at the top."""
    chain = [account_id]
    current: int | None = account_id
    while current is not None and len(chain) <= MAX_DEPTH:
        rows = await Account.filter(id=current).values_list("parent_id", flat=True)
        current = rows[0] if rows else None  # type: ignore[assignment]
        if current is None or current in chain:
            break
        chain.append(current)
    return chain


def _reaches(m: Membership, chain: list[int]) -> bool:
    """Does membership `m` (in chain[k], k >= 1) reach chain[0]?"""
    k = chain.index(m.account_id)  # type: ignore[attr-defined]
    return not m.sub_account_ids or chain[k - 1] in m.sub_account_ids


async def account_access(*, user_id: int, account_id: int) -> AccountAccess:
    memberships = {
        m.account_id: m  # type: ignore[attr-defined]
        for m in await Membership.filter(user_id=user_id)
    }
    direct = memberships.get(account_id)
    if direct is not None and direct.status != MembershipStatus.ACTIVE:
        return AccountAccess(account_id=account_id, permissions=frozenset())
    granted: set[Permission] = set()
    through: list[int] = []
    if direct is not None:
        granted |= permissions_for(direct.role, direct.modules)
        through.append(account_id)
    above = {a: m for a, m in memberships.items() if a != account_id and m.status == MembershipStatus.ACTIVE}
    if above:
        chain = await _ancestors(account_id)
        for ancestor in chain[1:]:
            m = above.get(ancestor)
            if m is not None and _reaches(m, chain):
                granted |= permissions_for(m.role, m.modules)
                through.append(ancestor)
    return AccountAccess(account_id=account_id, permissions=frozenset(granted), through=tuple(through))
