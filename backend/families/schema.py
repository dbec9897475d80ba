"""Family queries. Without `familyId`, a query uses my active family (the switcher)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from backend.core.graphql import Info, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, Page, PageRequest, paginate
from backend.core.permissions import ANY_ACCOUNT, Permission, needs
from backend.families import ledger, switcher
from backend.families import search as search_families
from backend.families.access import FamilyAccess, family_access, primary_members
from backend.families.models import Family, FamilyMember, MemberStatus
from backend.families.types import (
    FamilyBalance,
    FamilyChoice,
    FamilyRole,
    FamilyType,
    LedgerEntry,
    PaymentMethodType,
    Student,
)
from backend.families.types import (
    FamilyMember as FamilyMemberType,
)

FamilyIdArg = Annotated[
    strawberry.ID | None, strawberry.argument(description="The family; my active family when omitted.")
]


async def scoped(info: Info, family_id: strawberry.ID | None) -> FamilyAccess:
    user = await require_user(info)
    fid = await switcher.resolve_family_id(user=user, family_id=to_id(family_id) if family_id is not None else None)
    return await family_access(user=user, family_id=fid)


def members_of(family_id: int, *, include_revoked: bool = True) -> Any:
    """The family's guardians, primary first, then by first name and id (a queryset)."""
    query = FamilyMember.filter(family_id=family_id)
    if not include_revoked:
        query = query.exclude(status=MemberStatus.REVOKED)
    return query.select_related("invitation").order_by("role", "first_name", "id")


@strawberry.type
class Query:
    @strawberry.field(
        description="Families I can act in, and which one is active (the family switcher); an act-as session sees "
        "its account's only.",
        metadata=ANY_ACCOUNT,
    )
    async def my_families(self, info: Info) -> list[FamilyChoice]:
        user = await require_user(info)
        scope = await info.context.account_scope()
        return [
            FamilyChoice(id=c.family.id, name=c.family.name, account_name=c.family.account.name,
                         role=FamilyRole(c.role.value), is_active=c.is_active)
            for c in await switcher.my_families(user=user)
            if scope is None or c.family.account_id == scope  # type: ignore[attr-defined]
        ]

    @strawberry.field(description="A family as I see it: my role and what I may do.")
    async def family(self, info: Info, family_id: FamilyIdArg = None) -> FamilyType:
        return FamilyType.of(await scoped(info, family_id))

    @strawberry.field(description="The family's guardians with their status and access, primary first. Secondaries see active members only.")
    async def family_members(
        self, info: Info, family_id: FamilyIdArg = None, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[FamilyMemberType]:
        access = await scoped(info, family_id)
        query = members_of(access.family.id, include_revoked=access.is_primary or access.is_staff)
        page = await paginate(query, PageRequest("familyMembers", first, after, last, before))
        return Connection[FamilyMemberType].of(page, FamilyMemberType.of)

    @strawberry.field(description="Amount due: the limited account details every member may see.")
    async def family_balance(self, info: Info, family_id: FamilyIdArg = None) -> FamilyBalance:
        return FamilyBalance.of(await ledger.balance(access=await scoped(info, family_id)))

    @strawberry.field(description="Transaction history, newest first. FORBIDDEN for a secondary without View Full Ledger.")
    async def family_transactions(
        self, info: Info, family_id: FamilyIdArg = None, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[LedgerEntry]:
        query = ledger.transactions(access=await scoped(info, family_id))
        page = await paginate(query, PageRequest("familyTransactions", first, after, last, before))
        return Connection[LedgerEntry].of(page, LedgerEntry.of)

    @strawberry.field(description="My saved payment methods in the family (staff see all).")
    async def payment_methods(self, info: Info, family_id: FamilyIdArg = None) -> list[PaymentMethodType]:
        access = await scoped(info, family_id)
        return [PaymentMethodType.of(p, access.user.id) for p in await ledger.payment_methods(access=access)]

    @strawberry.field(description="The family's students and their enrollments.")
    async def family_students(self, info: Info, family_id: FamilyIdArg = None) -> list[Student]:
        return [Student.of(s) for s in await ledger.students(access=await scoped(info, family_id))]

    @strawberry.field(
        description="Families of an account, for office staff, by name; `search` finds a family by its name, any guardian (primary or secondary: name or email) or any student. Needs `families.manage`.",
        extensions=needs(Permission.FAMILIES_MANAGE),
    )
    async def account_families(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")],
        search: Annotated[str, strawberry.argument(description="Words, each found in the family, a guardian or a student.")] = "",
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[FamilyType]:
        query = await search_families.families(account_id=to_id(account_id), search=search)
        return await _as_staff(info, await paginate(query, PageRequest("accountFamilies", first, after, last, before)))

    @strawberry.field(
        description="Likely duplicates before creating a family: families of the account where a guardian already has this email. Needs `families.manage`.",
        extensions=needs(Permission.FAMILIES_MANAGE),
    )
    async def families_with_guardian(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")],
        email: Annotated[str, strawberry.argument(description="The guardian email about to be used.")],
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[FamilyType]:
        query = search_families.with_guardian_email(account_id=to_id(account_id), email=email)
        return await _as_staff(info, await paginate(query, PageRequest("familiesWithGuardian", first, after, last, before)))


async def _as_staff(info: Info, page: Page[Family]) -> Connection[FamilyType]:
    """A page of families as office staff see them; their primary guardians in one statement per page."""
    user = await require_user(info)
    primaries = await primary_members([f.id for f in page.rows])
    return Connection[FamilyType].of(page, lambda f: FamilyType.of(FamilyAccess(f, user, None, primaries[f.id], is_primary=False, is_staff=True)))
