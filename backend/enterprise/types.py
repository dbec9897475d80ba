"""GraphQL types of enterprise groups."""

from __future__ import annotations

from enum import Enum

import strawberry

from backend.accounts.types import UserType
from backend.core.errors import MutationError
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import gid
from backend.core.permissions import Permission
from backend.enterprise import models, service


@strawberry.enum(description="What an enterprise user may do: act as the group's admin or user staff user, and (ADMIN) manage people.")
class EnterpriseLevel(Enum):
    ADMIN = strawberry.enum_value(
        "admin", description="Acts as the account's admin-level login-as user, and manages the group's people."
    )
    USER = strawberry.enum_value("user", description="Acts as the account's user-level login-as user.")


@strawberry.type(description="A person of an enterprise group, who signs in with the group's provider.")
class EnterpriseUserType(Node):
    database_id: int = database_id_field()
    group_id: strawberry.ID = strawberry.field(description="Their enterprise group.")
    email: str = strawberry.field(description="The email their group admin registered; matched on first sign-in only.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    level: EnterpriseLevel = strawberry.field(description="ADMIN acts as each account's admin staff user; USER as its user staff user.")
    active: bool = strawberry.field(description="False: may not sign in or act in any account.")
    linked: bool = strawberry.field(description="True once they have signed in and their provider identity is linked.")
    subgroup_id: strawberry.ID | None = strawberry.field(
        default=None, description="Their subgroup (they reach only its accounts); null: the whole group."
    )

    @classmethod
    def of(cls, p: models.EnterpriseUser) -> "EnterpriseUserType":
        return cls(
            id=p.id, group_id=gid(p.group_id, "EnterpriseGroupType"), email=p.email, first_name=p.first_name,  # type: ignore[attr-defined]
            last_name=p.last_name, level=EnterpriseLevel(p.level.value), active=p.active, linked=p.subject is not None,
            subgroup_id=gid(p.subgroup_id, "EnterpriseSubgroupType") if p.subgroup_id else None,  # type: ignore[attr-defined]
        )


@strawberry.type(description="A member account of my enterprise group, and who I act as there.")
class EnterpriseAccountType:
    account_id: strawberry.ID = strawberry.field(description="The account.")
    name: str = strawberry.field(description="The account's name.")
    login_as: UserType | None = strawberry.field(description="The staff user I act as here (by my level); null when not set up.")
    can_act: bool = strawberry.field(description="True when `actAsInAccount` will work: a staff user with an active membership.")
    permissions: list[Permission] = strawberry.field(description="What that staff user may do in this account.")

    @classmethod
    def of(cls, a: service.ActableAccount) -> "EnterpriseAccountType":
        return cls(
            account_id=gid(a.link.account.id, "Account"), name=a.link.account.name,
            login_as=UserType.of(a.login_as) if a.login_as else None, can_act=bool(a.permissions),
            permissions=sorted(a.permissions, key=lambda p: p.value),
        )


@strawberry.input(description="A person to add to an enterprise group.")
class CreateEnterpriseUserInput:
    email: str = strawberry.field(description="The email they sign in with at the group's provider (must be verified there).")
    first_name: str = strawberry.field(default="", description="First name.")
    last_name: str = strawberry.field(default="", description="Last name.")
    level: EnterpriseLevel = strawberry.field(default=EnterpriseLevel.USER, description="ADMIN or USER.")
    subgroup_id: strawberry.ID | None = strawberry.field(
        default=None, description="Their subgroup; null: the whole group (a subgroup admin's people go to their own subgroup)."
    )


@strawberry.type(description="Result of `createEnterpriseUser`.")
class CreateEnterpriseUserPayload:
    enterprise_user: EnterpriseUserType | None = strawberry.field(default=None, description="The new person, when it worked.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of `setEnterpriseUserActive`.")
class SetEnterpriseUserActivePayload:
    enterprise_user: EnterpriseUserType | None = strawberry.field(default=None, description="The person, when it worked.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="An enterprise group I belong to, and my place in it.")
class EnterpriseGroupType(Node):
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Group name.")
    my_level: EnterpriseLevel = strawberry.field(description="My level in the group.")
    my_subgroup_id: strawberry.ID | None = strawberry.field(description="My subgroup; null: the whole group.")
    is_admin: bool = strawberry.field(description="True when I may manage the group's people (ADMIN level).")


@strawberry.type(description="A member account of a group and the staff users its people act as there.")
class EnterpriseMemberAccountType:
    account_id: strawberry.ID = strawberry.field(description="The account.")
    name: str = strawberry.field(description="The account's name.")
    user_login_as: UserType | None = strawberry.field(description="Whom USER-level people act as; null when unset.")
    admin_login_as: UserType | None = strawberry.field(description="Whom ADMIN-level people act as; null when unset.")

    @classmethod
    def of(cls, link: models.EnterpriseGroupAccount) -> "EnterpriseMemberAccountType":
        return cls(
            account_id=gid(link.account.id, "Account"), name=link.account.name,
            user_login_as=UserType.of(link.user_login_as) if link.user_login_as else None,
            admin_login_as=UserType.of(link.admin_login_as) if link.admin_login_as else None,
        )


@strawberry.type(description="A subgroup: some of the group's accounts; its people reach only those.")
class EnterpriseSubgroupType(Node):
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Subgroup name.")
    account_ids: list[strawberry.ID] = strawberry.field(description="The member accounts it holds.")


@strawberry.type(description="An identity provider a group signs in with (read-only; the secret is never shown).")
class IdentityProviderType:
    key: str = strawberry.field(description="Its name in `/sso/login?provider=<key>`.")
    display_name: str = strawberry.field(description="Shown on the sign-in button.")
    issuer: str = strawberry.field(description="OpenID issuer (`{tenantid}`: Entra multi-tenant).")
    allowed_domains: list[str] = strawberry.field(description="Email domains sent to it by home-realm discovery.")
    login_url: str = strawberry.field(description="Where a \"Sign in with ...\" button links.")


@strawberry.type(description="Result of a change to one enterprise person.")
class EnterpriseUserPayload:
    enterprise_user: EnterpriseUserType | None = strawberry.field(default=None, description="The person, when it worked.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of `setLoginAsUsers`.")
class SetLoginAsUsersPayload:
    account: EnterpriseMemberAccountType | None = strawberry.field(default=None, description="The account, when it worked.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of a change to a subgroup.")
class EnterpriseSubgroupPayload:
    subgroup: EnterpriseSubgroupType | None = strawberry.field(default=None, description="The subgroup, when it worked.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")
