"""The family switcher: the families I can act in, and which one is active."""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts.models import User
from backend.core.errors import Forbidden
from backend.families.access import FamilyAccess, family_access
from backend.families.models import (
    ActiveFamily,
    Family,
    FamilyMember,
    MemberRole,
    MemberStatus,
)


@dataclass(frozen=True)
class MyFamily:
    family: Family
    role: MemberRole
    is_active: bool


async def my_families(*, user: User) -> list[MyFamily]:
    """Families where I am primary or an active secondary (two queries, any number of families)."""
    rows = await FamilyMember.filter(user_id=user.id, status=MemberStatus.ACTIVE).select_related(
        "family", "family__account"
    ).order_by("family__name", "id")
    active = await active_family_id(user=user, rows=rows)
    return [MyFamily(family=r.family, role=r.role, is_active=r.family.id == active) for r in rows]


async def active_family_id(*, user: User, rows: list[FamilyMember] | None = None) -> int | None:
    """The family I switched to; if none (or no longer allowed), the first I belong to."""
    if rows is None:
        rows = await FamilyMember.filter(user_id=user.id, status=MemberStatus.ACTIVE).order_by("family__name", "id")
    allowed = [r.family_id for r in rows]  # type: ignore[attr-defined]
    chosen = await ActiveFamily.get_or_none(user_id=user.id)
    if chosen is not None and chosen.family_id in allowed:  # type: ignore[attr-defined]
        return chosen.family_id  # type: ignore[attr-defined]
    return allowed[0] if allowed else None


async def switch_family(*, user: User, family_id: int) -> FamilyAccess:
    """Act in this family from now on. Staff standing does not count: only members switch."""
    access = await family_access(user=user, family_id=family_id, allow_staff=False)
    updated = await ActiveFamily.filter(user_id=user.id).update(family_id=family_id)
    if not updated:
        await ActiveFamily.create(user=user, family_id=family_id)
    return access


async def resolve_family_id(*, user: User, family_id: int | None) -> int:
    """An explicit family, or my active one (family queries are scoped by the switcher)."""
    if family_id is not None:
        return family_id
    active = await active_family_id(user=user)
    if active is None:
        raise Forbidden("You are not a member of any family.")
    return active
