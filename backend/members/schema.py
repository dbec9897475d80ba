"""User management over GraphQL. Every field needs `users.manage` in the given account."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from tortoise.transactions import in_transaction

from backend.accounts import models as am
from backend.accounts.modules import Module
from backend.accounts.types import (
    MembershipRole,
    MembershipStatus,
    MembershipType,
    UserType,
)
from backend.auth import service as auth
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, OkPayload, ok_or, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest, paginate
from backend.core.permissions import Permission, needs
from backend.invitations import service as invitations
from backend.invitations.types import InvitationType
from backend.members import job_schema, pending, service
from backend.members.job_schema import InviteOutcome

AccountIdArg = Annotated[strawberry.ID, strawberry.argument(description="The account being managed.")]
UserIdArg = Annotated[strawberry.ID, strawberry.argument(description="The member's user id.")]


@strawberry.input(description="Who to invite to an account, and with what permissions.")
class InviteUsersInput:
    emails: list[str] = strawberry.field(description="Addresses to invite (at most MAX_INVITES_PER_CALL, default 100).")
    role: MembershipRole = strawberry.field(default=MembershipRole.USER, description="USER or ADMIN. Default USER.")
    modules: list[Module] = strawberry.field(
        default_factory=list,
        description="Modules for a USER; PRICING, PAYMENT or USER_MANAGEMENT for a USER is refused (MODULE_NOT_ALLOWED). ADMIN holds all.",
    )
    sub_account_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Sub-accounts the person may see; empty means all."
    )


@strawberry.type(description="The answer for one address of `inviteUsers`.")
class InviteUserResult:
    email: str = strawberry.field(description="The address as normalised (or as given, when invalid).")
    outcome: InviteOutcome = strawberry.field(description="INVITED, or why it was skipped.")
    message: str = strawberry.field(description="A human-readable explanation.")
    invitation: InvitationType | None = strawberry.field(
        description="The new invitation when INVITED; the existing one when ALREADY_INVITED or PREVIOUSLY_INVITED."
    )


@strawberry.type(description="Result of `inviteUsers`: one entry per address.")
class InviteUsersPayload:
    results: list[InviteUserResult] = strawberry.field(default_factory=list, description="Per-address outcome, in input order.")
    invited_count: int = strawberry.field(default=0, description="How many were invited.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why the whole call was refused.")


@strawberry.type(description="Result of a mutation that changes a membership.")
class MembershipPayload:
    membership: MembershipType | None = strawberry.field(default=None, description="The membership after the change.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of resending an invitation.")
class InvitationPayload:
    invitation: InvitationType | None = strawberry.field(default=None, description="The invitation after the change.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="A member of an account, for user management.")
class AccountMember:
    user: UserType = strawberry.field(description="The person.")
    membership: MembershipType = strawberry.field(description="Their type, modules, sub-accounts and status.")
    last_sign_in_at: datetime | None = strawberry.field(default=None, description="The person's latest sign-in; null if never.")


@strawberry.type(description="Numbers about an account's people, for the Reports module.")
class MemberReport:
    active_members: int = strawberry.field(description="Active memberships.")
    deactivated_members: int = strawberry.field(description="Deactivated memberships.")
    pending_invitations: int = strawberry.field(description="Invitations whose link is still valid (every kind).")
    expired_invitations: int = strawberry.field(description="Invitations whose link ran out before anyone accepted.")
    invitations_last_24_hours: int = strawberry.field(description="User invitations sent in the last 24 hours (the daily quota counts these).")
    daily_invitation_quota: int = strawberry.field(description="How many user invitations the account may send per 24 hours.")


@strawberry.type
class Query(pending.Query, job_schema.Query):
    @strawberry.field(description="Counts of members and invitations in an account. Needs `reports.view`.", extensions=needs(Permission.REPORTS_VIEW))
    async def member_report(self, info: Info, account_id: AccountIdArg) -> MemberReport:
        return MemberReport(**vars(await service.member_report(account_id=to_id(account_id))))

    @strawberry.field(description="Members of an account, by email (a page at a time); filter by status. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def account_members(
        self,
        info: Info,
        account_id: AccountIdArg,
        status: Annotated[MembershipStatus | None, strawberry.argument(description="ACTIVE or DEACTIVATED; all when null.")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[AccountMember]:
        query = service.members(account_id=to_id(account_id), status=am.MembershipStatus(status.value) if status else None)
        page = await paginate(query, PageRequest("accountMembers", first, after, last, before))
        signed_in = await auth.last_sign_ins([m.user.id for m in page.rows])  # one statement per page
        return Connection[AccountMember].of(
            page, lambda m: AccountMember(user=UserType.of(m.user), membership=MembershipType.of(m), last_sign_in_at=signed_in.get(m.user.id))
        )


def _results(rows: list[service.InviteResult]) -> InviteUsersPayload:
    return InviteUsersPayload(
        results=[
            InviteUserResult(
                email=r.email, outcome=r.outcome, message=r.message,
                invitation=InvitationType.of(r.invitation) if r.invitation else None,
            )
            for r in rows
        ],
        invited_count=sum(1 for r in rows if r.outcome == InviteOutcome.INVITED),
    )


@strawberry.type
class Mutation(job_schema.Mutation):
    @strawberry.mutation(description="Invite many addresses to an account as User or Admin. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def invite_users(
        self, info: Info, input: Annotated[InviteUsersInput, strawberry.argument(description="Addresses and permissions.")], account_id: AccountIdArg) -> InviteUsersPayload:
        inviter = await require_user(info)
        from backend.accounts import service as accounts

        try:
            rows = await service.invite_users(
                account=await accounts.get_account(account_id=to_id(account_id)), inviter=inviter, emails=input.emails,
                role=am.MembershipRole(input.role.value), modules=[m.value for m in input.modules],
                sub_account_ids=[to_id(x) for x in input.sub_account_ids],
            )
        except DomainError as e:
            return InviteUsersPayload(errors=[MutationError.of(e)])
        return _results(rows)

    @strawberry.mutation(description="Send a fresh link for a pending or expired invitation. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def resend_invitation(
        self, info: Info, invitation_id: Annotated[strawberry.ID, strawberry.argument(description="Invitation id.")],
        account_id: AccountIdArg,
    ) -> InvitationPayload:
        actor = await require_user(info)
        inv = await service.get_invitation(account_id=to_id(account_id), invitation_id=to_id(invitation_id))
        try:
            async with in_transaction():
                inv = await invitations.resend(invitation=inv, actor=actor)
        except DomainError as e:
            return InvitationPayload(errors=[MutationError.of(e)])
        return InvitationPayload(invitation=InvitationType.of(inv))

    @strawberry.mutation(description="Withdraw a pending invitation; its link stops working. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def remove_invitation(
        self, info: Info, invitation_id: Annotated[strawberry.ID, strawberry.argument(description="Invitation id.")],
        account_id: AccountIdArg,
    ) -> OkPayload:
        actor = await require_user(info)
        inv = await service.get_invitation(account_id=to_id(account_id), invitation_id=to_id(invitation_id))
        try:
            async with in_transaction():
                await invitations.revoke(invitation=inv, actor=actor)
        except DomainError as e:
            return ok_or(e)
        return ok_or()

    @strawberry.mutation(description="Deactivate a member: history kept, access to this account blocked at once. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def deactivate_user(self, info: Info, user_id: UserIdArg, account_id: AccountIdArg) -> MembershipPayload:
        return await _status(info, account_id, user_id, am.MembershipStatus.DEACTIVATED)

    @strawberry.mutation(description="Reactivate a deactivated member. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def reactivate_user(self, info: Info, user_id: UserIdArg, account_id: AccountIdArg) -> MembershipPayload:
        return await _status(info, account_id, user_id, am.MembershipStatus.ACTIVE)

    @strawberry.mutation(description="Remove a member from the account entirely; they can be invited again. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def remove_user(self, info: Info, user_id: UserIdArg, account_id: AccountIdArg) -> OkPayload:
        actor = await require_user(info)
        try:
            await service.remove(actor=actor, account_id=to_id(account_id), user_id=to_id(user_id))
        except DomainError as e:
            return ok_or(e)
        return ok_or()

    @strawberry.mutation(
        description="Change a member's type, modules and sub-accounts; an admin-only module for a USER is MODULE_NOT_ALLOWED. Needs `users.manage`.",
        extensions=needs(Permission.USERS_MANAGE),
    )
    async def set_user_permissions(
        self, info: Info, role: Annotated[MembershipRole, strawberry.argument(description="USER or ADMIN.")],
        modules: Annotated[list[Module], strawberry.argument(description="Modules (admin-only ones are refused for USER).")],
        sub_account_ids: Annotated[list[strawberry.ID], strawberry.argument(description="Sub-accounts they may use; empty means all.")],
        user_id: UserIdArg, account_id: AccountIdArg,
    ) -> MembershipPayload:
        actor = await require_user(info)
        try:
            m = await service.set_permissions(
                actor=actor, account_id=to_id(account_id), user_id=to_id(user_id), role=am.MembershipRole(role.value),
                modules=[x.value for x in modules], sub_account_ids=[to_id(x) for x in sub_account_ids],
            )
        except DomainError as e:
            return MembershipPayload(errors=[MutationError.of(e)])
        return MembershipPayload(membership=MembershipType.of(m))

    @strawberry.mutation(description="Email a member a 15-minute password-reset link. Needs `users.manage`.", extensions=needs(Permission.USERS_MANAGE))
    async def send_user_password_reset(self, info: Info, user_id: UserIdArg, account_id: AccountIdArg) -> OkPayload:
        actor = await require_user(info)
        await service.send_password_reset(actor=actor, account_id=to_id(account_id), user_id=to_id(user_id))
        return ok_or()


async def _status(info: Info, account_id: strawberry.ID, user_id: strawberry.ID, status: am.MembershipStatus) -> MembershipPayload:
    actor = await require_user(info)
    try:
        m = await service.set_status(actor=actor, account_id=to_id(account_id), user_id=to_id(user_id), status=status)
    except DomainError as e:
        return MembershipPayload(errors=[MutationError.of(e)])
    return MembershipPayload(membership=MembershipType.of(m))
