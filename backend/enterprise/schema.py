"""Enterprise groups over GraphQL: my accounts, acting in one, and managing people."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.auth.schema import AuthTokens
from backend.core.config import get_settings
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, require_user, to_id
from backend.core.permissions import ANY_ACCOUNT
from backend.enterprise import admin, models, service
from backend.enterprise.types import (
    CreateEnterpriseUserInput,
    CreateEnterpriseUserPayload,
    EnterpriseAccountType,
    EnterpriseUserType,
    SetEnterpriseUserActivePayload,
)


@strawberry.type
class Query:
    @strawberry.field(
        description="The display name of the enterprise sign-in provider (e.g. Google, Microsoft), for a \"Sign in "
        "with ...\" button that links to `/sso/login`; null when enterprise sign-in is not set up. Public.",
        metadata=ANY_ACCOUNT,
    )
    def sso_provider(self) -> str | None:
        settings = get_settings()
        return settings.oidc_provider_name if settings.sso_enabled else None

    @strawberry.field(
        description="The member accounts of my enterprise group, with the staff user I act as in each and its "
        "permissions. Needs an active enterprise user (else FORBIDDEN)."
    )
    async def my_enterprise_accounts(self, info: Info) -> list[EnterpriseAccountType]:
        user = await require_user(info)
        return [EnterpriseAccountType.of(a) for a in await service.actable_accounts(user=user)]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Tokens for the staff user I am mapped to in a member account (ADMIN level: its admin login-as "
        "user; USER level: its user login-as user). FORBIDDEN for an account outside my group, when I am inactive, "
        "or when no staff user is set up."
    )
    async def act_as_in_account(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="A member account.")]
    ) -> AuthTokens:
        user = await require_user(info)
        return AuthTokens.of(await service.act_as_in_account(user=user, account_id=to_id(account_id)))

    @strawberry.mutation(description="Add a person to my enterprise group (a new sign-in: ALREADY_MEMBER when the email has one). Needs an active ADMIN-level enterprise user of the group.")
    async def create_enterprise_user(
        self,
        info: Info,
        group_id: Annotated[strawberry.ID, strawberry.argument(description="My enterprise group.")],
        input: Annotated[CreateEnterpriseUserInput, strawberry.argument(description="Who to add.")],
    ) -> CreateEnterpriseUserPayload:
        user = await require_user(info)
        manager = await admin.group_admin(user=user, group_id=to_id(group_id))
        try:
            person = await admin.create_person(
                manager, email=input.email, first_name=input.first_name, last_name=input.last_name,
                level=models.EnterpriseLevel(input.level.value),
                subgroup_id=to_id(input.subgroup_id) if input.subgroup_id else None,
            )
        except DomainError as e:
            return CreateEnterpriseUserPayload(errors=[MutationError.of(e)])
        return CreateEnterpriseUserPayload(enterprise_user=EnterpriseUserType.of(person))

    @strawberry.mutation(
        description="Switch a person of my group on or off; off ends their sessions at once. Needs an active "
        "ADMIN-level enterprise user of the group."
    )
    async def set_enterprise_user_active(
        self,
        info: Info,
        enterprise_user_id: Annotated[strawberry.ID, strawberry.argument(description="The person.")],
        active: Annotated[bool, strawberry.argument(description="True to allow sign-in, false to refuse it.")],
    ) -> SetEnterpriseUserActivePayload:
        user = await require_user(info)
        manager = await admin.admin_of_person(user=user, enterprise_user_id=to_id(enterprise_user_id))
        try:
            person = await admin.set_active(manager, enterprise_user_id=to_id(enterprise_user_id), active=active)
        except DomainError as e:
            return SetEnterpriseUserActivePayload(errors=[MutationError.of(e)])
        return SetEnterpriseUserActivePayload(enterprise_user=EnterpriseUserType.of(person))
