"""Office Portal mutations on families, for account staff (`families.manage`)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, require_user, to_id
from backend.core.permissions import Permission, needs
from backend.families import office
from backend.families.access import family_access
from backend.families.types import FamilyType


@strawberry.input(description="The primary guardian of a new family.")
class PrimaryGuardianInput:
    email: str = strawberry.field(description="Their email. A person who already signs in with it becomes primary at once; anyone else is invited.")
    first_name: str = strawberry.field(description="First name (used in the invitation; a person who already signs in keeps their own).")
    last_name: str = strawberry.field(default="", description="Last name.")


@strawberry.type(description="Result of `createFamily`.")
class CreateFamilyPayload:
    family: FamilyType | None = strawberry.field(
        default=None, description="The new family; `primaryGuardianStatus` is INVITED when an invitation was emailed."
    )
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused (nothing was created).")


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Account staff: create a family with its primary guardian. Needs `families.manage`. "
        "Staff never invite or grant access to secondary users; the primary guardian does.",
        extensions=needs(Permission.FAMILIES_MANAGE),
    )
    async def create_family(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="The account (gym, school) the family joins.")],
        name: Annotated[str, strawberry.argument(description="Family name, e.g. 'Garcia'. Names may repeat in an account.")],
        primary: Annotated[PrimaryGuardianInput, strawberry.argument(description="The primary guardian.")],
    ) -> CreateFamilyPayload:
        actor = await require_user(info)
        try:
            family = await office.create_family(
                actor=actor, account_id=to_id(account_id), name=name, email=primary.email,
                first_name=primary.first_name, last_name=primary.last_name,
            )
        except DomainError as e:
            return CreateFamilyPayload(errors=[MutationError.of(e)])
        return CreateFamilyPayload(family=FamilyType.of(await family_access(user=actor, family_id=family.id)))

    @strawberry.mutation(
        description="Account staff: send a fresh link to a primary guardian who has not accepted yet (the old link stops "
        "working). Needs `families.manage` in the family's account.",
    )
    async def resend_primary_invite(
        self,
        info: Info,
        family_id: Annotated[strawberry.ID, strawberry.argument(description="The family.")],
        email: Annotated[str | None, strawberry.argument(description="A corrected address, if it was wrong.")] = None,
    ) -> CreateFamilyPayload:
        actor = await require_user(info)
        try:
            await office.resend_primary_invite(actor=actor, family_id=to_id(family_id), email=email)
        except DomainError as e:
            return CreateFamilyPayload(errors=[MutationError.of(e)])
        return CreateFamilyPayload(family=FamilyType.of(await family_access(user=actor, family_id=to_id(family_id))))
