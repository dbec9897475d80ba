"""Me, accounts, memberships and the audit log over GraphQL."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from tortoise.transactions import in_transaction

from backend.accounts import service
from backend.accounts.types import AccountType, MembershipType, UserType
from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.core import identity
from backend.core.errors import DomainError, Forbidden, MutationError
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import Info, gid, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest, paginate
from backend.core.permissions import ANY_ACCOUNT, Permission, needs, signed_in

if TYPE_CHECKING:
    from backend.families.types import FamilyType


@strawberry.type(description="The signed-in person and where they belong.")
class Viewer:
    user: UserType = strawberry.field(description="The signed-in person.")
    memberships: list[MembershipType] = strawberry.field(description="Every account this person is a member of.")

    @strawberry.field(description="The family I am acting in (see `switchFamily`), or null when I am in none.")
    async def active_family(
        self, info: Info
    ) -> Annotated["FamilyType", strawberry.lazy("backend.families.types")] | None:
        from backend.families import access, switcher
        from backend.families.types import FamilyType

        user = await require_user(info)
        family_id = await switcher.active_family_id(user=user)
        if family_id is None or await info.context.account_scope() is not None:
            return None
        return FamilyType.of(await access.family_access(user=user, family_id=family_id))

    @strawberry.field(
        description="True when I am a person of an enterprise group (I sign in with its provider and may act in its "
        "accounts: see `myEnterpriseAccounts`). Lets a client skip enterprise queries for everyone else."
    )
    async def is_enterprise_user(self, info: Info) -> bool:
        return await identity.sso_provider_of(int(self.user.id)) is not None

    @strawberry.field(description="The account an act-as session is limited to; null for an ordinary sign-in.")
    async def act_as_account_id(self, info: Info) -> strawberry.ID | None:
        scope = await info.context.account_scope()
        return gid(scope, "Account") if scope is not None else None


@strawberry.type(description="One change to access, for the audit log.")
class AuditEntry(Node):
    database_id: int = database_id_field()
    action: str = strawberry.field(description="What happened, e.g. `membership.deactivated`.")
    actor_id: strawberry.ID | None = strawberry.field(description="Who did it.")
    target_user_id: strawberry.ID | None = strawberry.field(description="Whom it concerned.")
    target_email: str | None = strawberry.field(description="The email it concerned.")
    created_at: datetime = strawberry.field(description="When.")

    @classmethod
    def of(cls, r: AuditEvent) -> AuditEntry:
        return cls(
            id=r.id, action=r.action,
            actor_id=gid(r.actor_id, "User") if r.actor_id else None,  # type: ignore[attr-defined]
            target_user_id=gid(r.target_user_id, "User") if r.target_user_id else None,  # type: ignore[attr-defined]
            target_email=r.target_email, created_at=r.created_at,
        )


@strawberry.type(description="Result of `createAccount` or `setAccountDocuments`.")
class CreateAccountPayload:
    account: AccountType | None = strawberry.field(default=None, description="The account (new or changed).")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type
class Query:
    @strawberry.field(
        description="The signed-in person, or null when not signed in. An act-as session sees only the membership "
        "of its account.",
        metadata=ANY_ACCOUNT,
    )
    async def me(self, info: Info) -> Viewer | None:
        user = await info.context.user()
        if user is None:
            return None
        memberships = await service.memberships_of(user_id=user.id)
        scope = await info.context.account_scope()
        if scope is not None:
            memberships = [m for m in memberships if m.account_id == scope]  # type: ignore[attr-defined]
        return Viewer(user=UserType.of(user), memberships=[MembershipType.of(m) for m in memberships])

    @strawberry.field(
        description="An account I am an active member of. Needs `account.view`.",
        extensions=needs(Permission.ACCOUNT_VIEW),
    )
    async def account(self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")]) -> AccountType:
        return AccountType.of(await service.get_account(account_id=to_id(account_id)))

    @strawberry.field(
        description="Sub-accounts of an account that I may see (limited by my sub-account permissions), by name. Needs `account.view`.",
        extensions=needs(Permission.ACCOUNT_VIEW),
    )
    async def sub_accounts(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Parent account id.")],
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[AccountType]:
        user = await require_user(info)
        query = await service.visible_sub_accounts(user_id=user.id, account_id=to_id(account_id))
        page = await paginate(query, PageRequest("subAccounts", first, after, last, before))
        return Connection[AccountType].of(page, AccountType.of)

    @strawberry.field(
        description=(
            "May I do this in this account? The question a host application asks to gate its own menus "
            "(Dashboard, Scheduling, Communications, Pricing, Payment). False outside my accounts. Any signed-in person."
        ),
        extensions=signed_in(),
    )
    async def can(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")],
        permission: Annotated[Permission, strawberry.argument(description="The permission asked about.")],
    ) -> bool:
        user = await require_user(info)
        return await service.has_permission(user_id=user.id, account_id=to_id(account_id), permission=permission)

    @strawberry.field(
        description="Every permission I hold in an account (through my membership or a parent account's), by name; empty outside it.",
        extensions=signed_in(),
    )
    async def my_permissions(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")]
    ) -> list[Permission]:
        user = await require_user(info)
        return await service.my_permissions(user_id=user.id, account_id=to_id(account_id))

    @strawberry.field(
        description="Recent access changes in an account, newest first. Needs `audit.view`.",
        extensions=needs(Permission.AUDIT_VIEW),
    )
    async def audit_log(
        self,
        info: Info,
        account_id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")],
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[AuditEntry]:
        page = await paginate(audit.for_account(account_id=to_id(account_id)), PageRequest("auditLog", first, after, last, before))
        return Connection[AuditEntry].of(page, AuditEntry.of)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Set the Privacy Policy and Terms of Use invitees of this account agree to, and their version. Needs `users.manage`.",
        extensions=needs(Permission.USERS_MANAGE),
    )
    async def set_account_documents(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="Account id.")],
        privacy_policy_url: Annotated[str, strawberry.argument(description="Full http(s) address; empty for none.")],
        terms_url: Annotated[str, strawberry.argument(description="Full http(s) address; empty for none.")],
        version: Annotated[str, strawberry.argument(description="The documents' version, e.g. 2026-01 (required with a URL).")],
    ) -> CreateAccountPayload:
        user = await require_user(info)
        try:
            async with in_transaction():
                account = await service.set_documents(
                    actor=user, account_id=to_id(account_id), privacy_policy_url=privacy_policy_url, terms_url=terms_url,
                    version=version,
                )
        except DomainError as e:
            return CreateAccountPayload(errors=[MutationError.of(e)])
        return CreateAccountPayload(account=AccountType.of(account))

    @strawberry.mutation(
        description="Create an account (or a sub-account of one I administer); I become its first admin."
    )
    async def create_account(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="Display name.")],
        parent_id: Annotated[strawberry.ID | None, strawberry.argument(description="Parent account, for a sub-account.")] = None,
    ) -> CreateAccountPayload:
        user = await require_user(info)
        parent = to_id(parent_id) if parent_id is not None else None
        if parent is not None and not await service.has_permission(
            user_id=user.id, account_id=parent, permission=Permission.USERS_MANAGE
        ):
            raise Forbidden("Only an admin of the parent account can add a sub-account.")
        try:
            async with in_transaction():
                account = await service.create_account(name=name, creator=user, parent_id=parent)
        except DomainError as e:
            return CreateAccountPayload(errors=[MutationError.of(e)])
        return CreateAccountPayload(account=AccountType.of(account))
