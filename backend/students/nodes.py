"""`node(id:)` for User Accounts: families.manage in the person's account, as `userAccounts`."""

from __future__ import annotations

from typing import Any

from backend.accounts.models import Membership
from backend.core.graphql import Info
from backend.core.nodes import holds, pk_or_none
from backend.core.permissions import Permission
from backend.families.models import FamilyMember, Student
from backend.students import listing
from backend.students.people import parse_ref
from backend.students.types import UserAccount


async def account_of(ref: str) -> int | None:
    """The account of a User Accounts reference (`student:12`), or None."""
    parsed = parse_ref(ref)
    if parsed is None or pk_or_none(str(parsed[1])) is None:
        return None
    kind, pk = parsed
    if kind == "staff":
        membership = await Membership.get_or_none(id=pk)
        return membership.account_id if membership else None  # type: ignore[attr-defined]
    model = Student if kind == "student" else FamilyMember
    row = await model.get_or_none(id=pk).select_related("family")
    return row.family.account_id if row else None  # type: ignore[attr-defined, union-attr]


async def user_account(info: Info, key: str) -> UserAccount | None:
    account_id = await account_of(key)
    if account_id is None or not await holds(info, account_id, Permission.FAMILIES_MANAGE):
        return None
    found = await listing.one(account_id=account_id, ref=key)
    return UserAccount.of(found) if found else None


LOADERS: dict[str, Any] = {"UserAccount": user_account}
