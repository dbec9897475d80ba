"""GraphQL types for people, accounts and memberships."""

from __future__ import annotations

from datetime import datetime

import strawberry

from backend.accounts import models
from backend.accounts.modules import Module, permissions_for
from backend.core.enums import graphql_enum
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import gid
from backend.core.permissions import Permission

graphql_enum(
    models.MembershipRole, name="MembershipRole", description="A member's type in an account.",
    values={
        "ADMIN": "Manages the account: holds every module and permission.",
        "USER": "Uses the modules granted to them (never the admin-only Pricing, Payment, User management).",
        "STAFF": "Office staff: like USER, uses the modules granted to them (never the admin-only ones).",
    },
)
MembershipRole = models.MembershipRole
graphql_enum(
    models.MembershipStatus, name="MembershipStatus", description="Whether a membership may be used.",
    values={
        "ACTIVE": "The membership may be used.",
        "DEACTIVATED": "Deactivated by an admin: gives nothing in the account until reactivated.",
    },
)
MembershipStatus = models.MembershipStatus


@strawberry.type(name="Account", description="A tenant: a gym, a company, a school.")
class AccountType(Node):
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Display name.")
    parent_id: strawberry.ID | None = strawberry.field(description="The parent account, for a sub-account.")
    privacy_policy_url: str | None = strawberry.field(description="The Privacy Policy invitees agree to (null: none set).")
    terms_url: str | None = strawberry.field(description="The Terms of Use invitees agree to (null: none set).")
    documents_version: str | None = strawberry.field(description="The version of those documents (stored with each acceptance).")

    @classmethod
    def of(cls, a: models.Account) -> "AccountType":
        return cls(
            id=strawberry.ID(str(a.id)), name=a.name,
            parent_id=gid(a.parent_id, "Account") if a.parent_id else None,  # type: ignore[attr-defined]
            privacy_policy_url=a.privacy_policy_url or None, terms_url=a.terms_url or None,
            documents_version=a.documents_version or None,
        )


@strawberry.type(name="Membership", description="A person's role and permissions in one account.")
class MembershipType(Node):
    database_id: int = database_id_field()
    account: AccountType = strawberry.field(description="The account this membership is in.")
    role: MembershipRole = strawberry.field(description="User or Admin (or office staff).")
    status: MembershipStatus = strawberry.field(description="Active or deactivated.")
    modules: list[Module] = strawberry.field(description="Modules this member may use.")
    sub_account_ids: list[strawberry.ID] = strawberry.field(description="Sub-accounts this member may see (empty: all).")
    permissions: list[Permission] = strawberry.field(description="Permissions that follow from role and modules.")

    @classmethod
    def of(cls, m: models.Membership) -> "MembershipType":
        return cls(
            id=strawberry.ID(str(m.id)),
            account=AccountType.of(m.account),
            role=MembershipRole(m.role.value),
            status=MembershipStatus(m.status.value),
            modules=[Module(x) for x in m.modules],
            sub_account_ids=[gid(x, "Account") for x in m.sub_account_ids],
            permissions=sorted(permissions_for(m.role, m.modules), key=lambda p: p.value),
        )


@strawberry.type(name="User", description="A person who can sign in.")
class UserType(Node):
    database_id: int = database_id_field()
    email: str = strawberry.field(description="Sign-in email, lower case.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    created_at: datetime = strawberry.field(description="When the person joined.")
    # A plain field, filled in on construction: a resolver method would cost a resolver call
    # per row (a list of 1,000 people asks for it 1,000 times).
    full_name: str = strawberry.field(default="", description="First and last name together.")

    def __post_init__(self) -> None:
        if not self.full_name:
            self.full_name = f"{self.first_name} {self.last_name}".strip()

    @classmethod
    def of(cls, u: models.User) -> "UserType":
        return cls(
            id=strawberry.ID(str(u.id)), email=u.email, first_name=u.first_name, last_name=u.last_name,
            created_at=u.created_at,
        )
