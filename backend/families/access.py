"""Who may do what in a family: checked once, here, for every family operation.

Who the primary guardian is comes from the family's PRIMARY `FamilyMember` row, never from
`Family.primary`: a family created by staff for a new person has a primary who is still
invited (no sign-in yet), and that column cannot be empty (see `Family.primary`)."""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts import service as accounts
from backend.accounts.models import User
from backend.core.errors import Forbidden, NotFound
from backend.core.permissions import Permission
from backend.families.models import Family, FamilyMember, MemberRole, MemberStatus


@dataclass(frozen=True)
class FamilyAccess:
    """The caller's standing in one family."""

    family: Family
    user: User
    member: FamilyMember | None  # the caller's own secondary record, when a secondary
    primary: FamilyMember  # the family's primary guardian (active, or still invited)
    is_primary: bool
    is_staff: bool

    @property
    def is_secondary(self) -> bool:
        return self.member is not None and not self.is_primary

    @property
    def can_view_ledger(self) -> bool:
        return self.is_primary or self.is_staff or bool(self.member and self.member.view_full_ledger)

    @property
    def can_make_payments(self) -> bool:
        return self.is_primary or bool(self.member and self.member.can_make_payments)

    def require_primary(self) -> None:
        if not self.is_primary:
            raise Forbidden("Only the primary guardian can do this.")

    def require_guardian_or_staff_for_students(self) -> None:
        # Secondaries never create or change enrollments or student records, whatever they hold.
        if not (self.is_primary or self.is_staff):
            raise Forbidden("Only the primary guardian or staff can change students and enrollments.")


async def get_family(family_id: int) -> Family:
    family = await Family.get_or_none(id=family_id).select_related("account")
    if family is None:
        raise NotFound("No such family.")
    return family


async def primary_members(family_ids: list[int]) -> dict[int, FamilyMember]:
    """Each family's primary guardian row (with its invitation), in one query."""
    rows = await FamilyMember.filter(family_id__in=family_ids, role=MemberRole.PRIMARY).exclude(
        status=MemberStatus.REVOKED
    ).select_related("invitation").order_by("id")
    return {r.family_id: r for r in rows}  # type: ignore[attr-defined]


async def family_access(*, user: User, family_id: int, allow_staff: bool = True) -> FamilyAccess:
    """The caller's access to a family, or FORBIDDEN. A revoked secondary is refused on
    the very next request, whatever tokens they hold."""
    family = await get_family(family_id)
    primary = (await primary_members([family.id]))[family.id]
    if primary.user_id == user.id and primary.status == MemberStatus.ACTIVE:  # type: ignore[attr-defined]
        return FamilyAccess(family, user, None, primary, is_primary=True, is_staff=False)
    member = await FamilyMember.get_or_none(
        family_id=family.id, user_id=user.id, role=MemberRole.SECONDARY, status=MemberStatus.ACTIVE
    )
    if member is not None:
        return FamilyAccess(family, user, member, primary, is_primary=False, is_staff=False)
    if allow_staff and await accounts.has_permission(
        user_id=user.id, account_id=family.account_id, permission=Permission.FAMILIES_MANAGE  # type: ignore[attr-defined]
    ):
        return FamilyAccess(family, user, None, primary, is_primary=False, is_staff=True)
    # Not "forbidden": a family you cannot see answers exactly like one that does not exist.
    raise NotFound("No such family.")


async def secondary_for(*, user: User, secondary_id: int, allow_staff: bool = False) -> tuple[FamilyAccess, FamilyMember]:
    """A secondary-user record and the caller's access to its family."""
    member = await FamilyMember.get_or_none(id=secondary_id, role=MemberRole.SECONDARY)
    if member is None:
        raise NotFound("No such secondary user.")
    try:
        access = await family_access(user=user, family_id=member.family_id, allow_staff=allow_staff)  # type: ignore[attr-defined]
    except NotFound as exc:  # someone else's secondary reads as no secondary at all
        raise NotFound("No such secondary user.") from exc
    return access, member
