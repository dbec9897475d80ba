"""Administering an enterprise group over GraphQL (group admins): people, levels,
subgroups, login-as users; providers read-only. Adding and removing member accounts and
providers is for operators (`portico enterprise ...`)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.core.config import get_settings
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, gid, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest
from backend.core.permissions import ANY_ACCOUNT
from backend.enterprise import admin, models, providers
from backend.enterprise.types import (
    EnterpriseGroupType,
    EnterpriseLevel,
    EnterpriseMemberAccountType,
    EnterpriseSubgroupPayload,
    EnterpriseSubgroupType,
    EnterpriseUserPayload,
    EnterpriseUserType,
    IdentityProviderType,
    SetLoginAsUsersPayload,
)

GroupArg = Annotated[strawberry.ID, strawberry.argument(description="My enterprise group.")]
PersonArg = Annotated[strawberry.ID, strawberry.argument(description="A person of the group.")]
NEEDS = " Needs an active ADMIN-level person of the group (a subgroup admin: of its people and accounts only)."


def _provider(p: providers.ProviderConfig) -> IdentityProviderType:
    return IdentityProviderType(
        key=p.key, display_name=p.name, issuer=p.issuer, allowed_domains=list(p.allowed_domains),
        login_url=f"{get_settings().api_url}/sso/login?provider={p.key}",
    )


async def my_groups(info: Info) -> list[EnterpriseGroupType]:
    person = await models.EnterpriseUser.get_or_none(user_id=(await require_user(info)).id, active=True).select_related("group")
    if person is None:
        return []
    return [EnterpriseGroupType(
        id=person.group.id, name=person.group.name, my_level=EnterpriseLevel(person.level.value),
        my_subgroup_id=gid(person.subgroup_id, "EnterpriseSubgroupType") if person.subgroup_id else None,  # type: ignore[attr-defined]
        is_admin=person.level == models.EnterpriseLevel.ADMIN,
    )]


def subgroup_type(row: models.EnterpriseSubgroup, account_ids: list[int]) -> EnterpriseSubgroupType:
    return EnterpriseSubgroupType(id=row.id, name=row.name, account_ids=[gid(a, "Account") for a in account_ids])


@strawberry.type
class Query:
    @strawberry.field(description="Every identity provider people can sign in with, one button each. Public.", metadata=ANY_ACCOUNT)
    async def sso_providers(self) -> list[IdentityProviderType]:
        return [_provider(p) for p in await providers.listed()]

    @strawberry.field(description="The enterprise groups I belong to and my level in each (empty when none). Needs sign-in.")
    async def my_enterprise_groups(self, info: Info) -> list[EnterpriseGroupType]:
        return await my_groups(info)

    @strawberry.field(description="The group's people with level, status and subgroup, by email (then id), a page at a time." + NEEDS)
    async def enterprise_people(
        self, info: Info, group_id: GroupArg, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[EnterpriseUserType]:
        manager = await admin.group_admin(user=await require_user(info), group_id=to_id(group_id))
        page = await admin.people(manager, PageRequest("enterprise-people", first, after, last, before))
        return Connection[EnterpriseUserType].of(page, EnterpriseUserType.of)

    @strawberry.field(description="The group's member accounts with their login-as staff users, by account name (then id), a page at a time." + NEEDS)
    async def enterprise_member_accounts(
        self, info: Info, group_id: GroupArg, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[EnterpriseMemberAccountType]:
        manager = await admin.group_admin(user=await require_user(info), group_id=to_id(group_id))
        page = await admin.member_accounts(manager, PageRequest("enterprise-member-accounts", first, after, last, before))
        return Connection[EnterpriseMemberAccountType].of(page, EnterpriseMemberAccountType.of)

    @strawberry.field(description="The group's subgroups and the accounts each holds, by name (then id), a page at a time." + NEEDS)
    async def enterprise_subgroups(
        self, info: Info, group_id: GroupArg, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[EnterpriseSubgroupType]:
        manager = await admin.group_admin(user=await require_user(info), group_id=to_id(group_id))
        page = await admin.subgroups(manager, PageRequest("enterprise-subgroups", first, after, last, before))
        return Connection[EnterpriseSubgroupType].of(page, lambda held: subgroup_type(*held))

    @strawberry.field(description="The identity providers of the group (read-only)." + NEEDS)
    async def enterprise_identity_providers(self, info: Info, group_id: GroupArg) -> list[IdentityProviderType]:
        manager = await admin.group_admin(user=await require_user(info), group_id=to_id(group_id))
        return [_provider(providers.public(row)) for row in await admin.identity_providers(manager)]


async def _person_change(info: Info, enterprise_user_id: strawberry.ID, change: object, **kwargs: object) -> EnterpriseUserPayload:
    manager = await admin.admin_of_person(user=await require_user(info), enterprise_user_id=to_id(enterprise_user_id))
    try:
        person = await change(manager, enterprise_user_id=to_id(enterprise_user_id), **kwargs)  # type: ignore[operator]
    except DomainError as e:
        return EnterpriseUserPayload(errors=[MutationError.of(e)])
    return EnterpriseUserPayload(enterprise_user=EnterpriseUserType.of(person))


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Make a person ADMIN or USER level (whom they act as changes at once)." + NEEDS)
    async def set_enterprise_user_level(
        self, info: Info, enterprise_user_id: PersonArg,
        level: Annotated[EnterpriseLevel, strawberry.argument(description="The new level.")],
    ) -> EnterpriseUserPayload:
        return await _person_change(info, enterprise_user_id, admin.set_level, level=models.EnterpriseLevel(level.value))

    @strawberry.mutation(description="Move a person to a subgroup, or (null) to the whole group." + NEEDS)
    async def set_enterprise_user_subgroup(
        self, info: Info, enterprise_user_id: PersonArg,
        subgroup_id: Annotated[strawberry.ID | None, strawberry.argument(description="The subgroup; null: whole group.")] = None,
    ) -> EnterpriseUserPayload:
        return await _person_change(
            info, enterprise_user_id, admin.set_subgroup, subgroup_id=to_id(subgroup_id) if subgroup_id else None
        )

    @strawberry.mutation(description="Remove a person from the group: their sign-in is disabled and their sessions end." + NEEDS)
    async def remove_enterprise_user(self, info: Info, enterprise_user_id: PersonArg) -> EnterpriseUserPayload:
        manager = await admin.admin_of_person(user=await require_user(info), enterprise_user_id=to_id(enterprise_user_id))
        try:
            await admin.remove_person(manager, enterprise_user_id=to_id(enterprise_user_id))
        except DomainError as e:
            return EnterpriseUserPayload(errors=[MutationError.of(e)])
        return EnterpriseUserPayload()

    @strawberry.mutation(
        description="Choose, for a member account, the staff users USER- and ADMIN-level people act as (by email; "
        "each must be active staff of that account, else NOT_ACCOUNT_STAFF)." + NEEDS
    )
    async def set_login_as_users(
        self, info: Info, group_id: GroupArg,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="A member account of the group.")],
        user_login_as: Annotated[str | None, strawberry.argument(description="Email of the USER-level staff user; null: none.")] = None,
        admin_login_as: Annotated[str | None, strawberry.argument(description="Email of the ADMIN-level staff user; null: none.")] = None,
    ) -> SetLoginAsUsersPayload:
        manager = await admin.group_admin(user=await require_user(info), group_id=to_id(group_id))
        try:
            link = await admin.set_login_as(
                manager, account_id=to_id(account_id), user_login_as=user_login_as, admin_login_as=admin_login_as
            )
        except DomainError as e:
            return SetLoginAsUsersPayload(errors=[MutationError.of(e)])
        return SetLoginAsUsersPayload(account=EnterpriseMemberAccountType.of(link))

    @strawberry.mutation(description="Create a subgroup holding some of the group's accounts. Needs a whole-group admin.")
    async def create_enterprise_subgroup(
        self, info: Info, group_id: GroupArg,
        name: Annotated[str, strawberry.argument(description="Subgroup name, unique in the group.")],
        account_ids: Annotated[list[strawberry.ID], strawberry.argument(description="Member accounts it holds.")],
    ) -> EnterpriseSubgroupPayload:
        manager = await admin.group_admin(user=await require_user(info), group_id=to_id(group_id))
        try:
            row = await admin.create_subgroup(manager, name=name, account_ids=[to_id(a) for a in account_ids])
        except DomainError as e:
            return EnterpriseSubgroupPayload(errors=[MutationError.of(e)])
        return EnterpriseSubgroupPayload(subgroup=subgroup_type(row, sorted({to_id(a) for a in account_ids})))

    @strawberry.mutation(description="Change which accounts a subgroup holds. Needs a whole-group admin.")
    async def set_enterprise_subgroup_accounts(
        self, info: Info, group_id: GroupArg,
        subgroup_id: Annotated[strawberry.ID, strawberry.argument(description="The subgroup.")],
        account_ids: Annotated[list[strawberry.ID], strawberry.argument(description="Member accounts it holds now.")],
    ) -> EnterpriseSubgroupPayload:
        manager = await admin.group_admin(user=await require_user(info), group_id=to_id(group_id))
        try:
            ids = [to_id(a) for a in account_ids]
            row = await admin.set_subgroup_accounts(manager, subgroup_id=to_id(subgroup_id), account_ids=ids)
        except DomainError as e:
            return EnterpriseSubgroupPayload(errors=[MutationError.of(e)])
        return EnterpriseSubgroupPayload(subgroup=subgroup_type(row, sorted(set(ids))))

