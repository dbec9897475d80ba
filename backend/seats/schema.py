"""Subscriptions and seats over GraphQL. Seat-admin checks happen in the services."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.accounts import service as accounts
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, OkPayload, ok_or, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest
from backend.core.permissions import ANY_ACCOUNT, Permission, needs, signed_in
from backend.invitations.types import InvitationType
from backend.seats import directory, invites, service
from backend.seats.args import InvitationArg, SubArg, UserArg
from backend.seats.models import Subscription
from backend.seats.types import (
    CreateSubscriptionInput,
    InviteSeatUserInput,
    InviteSeatUserPayload,
    MySubscription,
    SeatPayload,
    SeatUser,
    SeatUserFilter,
    SeatUserStatus,
    SubscriptionPayload,
    SubscriptionType,
)


async def subscription_type(sub: Subscription, *, for_admin: bool = True) -> SubscriptionType:
    pending = len(await invites.pending(subscription_id=sub.id)) if for_admin else 0
    return SubscriptionType.of(sub, await service.seats_allocated(subscription_id=sub.id), pending)


@strawberry.type
class Query:
    @strawberry.field(description="A subscription's seat counts, dates and features. Seat admins of it only.", extensions=signed_in())
    async def subscription(self, info: Info, subscription_id: SubArg) -> SubscriptionType:
        sub = await service.require_seat_admin(subscription_id=to_id(subscription_id), user=await require_user(info))
        return await subscription_type(sub)

    @strawberry.field(
        description="People on a subscription and pending invitations, alphabetically (then by id), a page at a time; "
        "filter by status, search name or email. Seat admins only.",
        extensions=signed_in(),
    )
    async def subscription_users(
        self, info: Info, subscription_id: SubArg,
        status: Annotated[SeatUserFilter | None, strawberry.argument(description="ACTIVE, INVITED, DEACTIVATED or ADMINS; everyone when null.")] = None,
        search: Annotated[str, strawberry.argument(description="Words each found in the name or email.")] = "",
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[SeatUser]:
        sub = await service.require_seat_admin(subscription_id=to_id(subscription_id), user=await require_user(info))
        page = await directory.users(
            subscription=sub, status=directory.UserFilter(status.value) if status else None, search=search,
            request=PageRequest("subscription-users", first, after, last, before),
        )
        return Connection[SeatUser].of(page, SeatUser.of)

    @strawberry.field(
        description="Subscriptions the signed-in person is on (seat or admin); an act-as session sees its account's only.",
        extensions=signed_in(), metadata=ANY_ACCOUNT,
    )
    async def my_subscriptions(self, info: Info) -> list[MySubscription]:
        user = await require_user(info)
        scope = await info.context.account_scope()
        return [
            MySubscription(
                subscription=await subscription_type(h.subscription, for_admin=h.is_admin), status=SeatUserStatus(h.seat_status.value),
                is_admin=h.is_admin, has_content_access=service.has_content_access(h.subscription, h),
            )
            for h in await service.holdings_of(user_id=user.id)
            if scope is None or h.subscription.account_id == scope  # type: ignore[attr-defined]
        ]


async def _seat(info: Info, subscription_id: strawberry.ID, user_id: strawberry.ID, change) -> SeatPayload:  # type: ignore[no-untyped-def]
    actor = await require_user(info)
    try:
        await change(actor=actor, subscription_id=to_id(subscription_id), user_id=to_id(user_id))
    except DomainError as e:
        return SeatPayload(errors=[MutationError.of(e)])
    sub = await service.get_subscription(subscription_id=to_id(subscription_id))
    row = await directory.row(subscription=sub, user_id=to_id(user_id))
    return SeatPayload(seat_user=SeatUser.of(row), subscription=await subscription_type(sub))


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Create a subscription for an account; the caller becomes its first seat admin. Needs `seats.manage`.",
        extensions=needs(Permission.SEATS_MANAGE),
    )
    async def create_subscription(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="The owning account.")],
        input: Annotated[CreateSubscriptionInput, strawberry.argument(description="Seats, dates and features.")],
    ) -> SubscriptionPayload:
        try:
            sub = await service.create_subscription(
                account=await accounts.get_account(account_id=to_id(account_id)), actor=await require_user(info),
                name=input.name, seat_count=input.seat_count, starts_on=input.starts_on, ends_on=input.ends_on,
                features=input.features,
            )
        except DomainError as e:
            return SubscriptionPayload(errors=[MutationError.of(e)])
        return SubscriptionPayload(subscription=await subscription_type(sub))

    @strawberry.mutation(
        description="Change a subscription's name, seat count, access dates or features. Going below the seats in use is refused. Needs `seats.manage`.",
        extensions=needs(Permission.SEATS_MANAGE),
    )
    async def update_subscription(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="The owning account.")],
        subscription_id: SubArg,
        input: Annotated[CreateSubscriptionInput, strawberry.argument(description="The new seats, dates and features.")],
    ) -> SubscriptionPayload:
        try:
            sub = await service.update_subscription(
                account_id=to_id(account_id), subscription_id=to_id(subscription_id), actor=await require_user(info),
                name=input.name, seat_count=input.seat_count, starts_on=input.starts_on, ends_on=input.ends_on,
                features=input.features,
            )
        except DomainError as e:
            return SubscriptionPayload(errors=[MutationError.of(e)])
        return SubscriptionPayload(subscription=await subscription_type(sub))

    @strawberry.mutation(description="Invite a person with a seat, as seat admin, or both; an email carries the link. Seat admins only.", extensions=signed_in())
    async def invite_seat_user(
        self, info: Info, subscription_id: SubArg,
        input: Annotated[InviteSeatUserInput, strawberry.argument(description="Who, and what access.")],
    ) -> InviteSeatUserPayload:
        try:
            inv = await invites.invite(
                actor=await require_user(info), subscription_id=to_id(subscription_id), email=input.email,
                first_name=input.first_name, last_name=input.last_name, access=service.SeatAccess(input.access.value),
                team_id=to_id(input.team_id) if input.team_id else None,
            )
        except DomainError as e:
            return InviteSeatUserPayload(errors=[MutationError.of(e)])
        return InviteSeatUserPayload(invitation=InvitationType.of(inv))

    @strawberry.mutation(description="Send a fresh link for a pending or expired seat invitation; the old link stops working. Seat admins only.", extensions=signed_in())
    async def resend_seat_invitation(self, info: Info, subscription_id: SubArg, invitation_id: InvitationArg) -> InviteSeatUserPayload:
        try:
            inv = await invites.resend(actor=await require_user(info), subscription_id=to_id(subscription_id), invitation_id=to_id(invitation_id))
        except DomainError as e:
            return InviteSeatUserPayload(errors=[MutationError.of(e)])
        return InviteSeatUserPayload(invitation=InvitationType.of(inv))

    @strawberry.mutation(description="Withdraw a pending seat invitation; its link stops working. Seat admins only.", extensions=signed_in())
    async def revoke_seat_invitation(self, info: Info, subscription_id: SubArg, invitation_id: InvitationArg) -> OkPayload:
        try:
            await invites.revoke(actor=await require_user(info), subscription_id=to_id(subscription_id), invitation_id=to_id(invitation_id))
        except DomainError as e:
            return ok_or(e)
        return ok_or()

    @strawberry.mutation(description="Give a person on the subscription an active seat (needs a free seat: else NO_FREE_SEAT). Seat admins only.", extensions=signed_in())
    async def activate_seat(self, info: Info, subscription_id: SubArg, user_id: UserArg) -> SeatPayload:
        return await _seat(info, subscription_id, user_id, service.activate_seat)

    @strawberry.mutation(description="Free a person's seat; their history stays. Seat admins only.", extensions=signed_in())
    async def deactivate_seat(self, info: Info, subscription_id: SubArg, user_id: UserArg) -> SeatPayload:
        return await _seat(info, subscription_id, user_id, service.deactivate_seat)

    @strawberry.mutation(description="Take away seat-admin rights; the person's seat is not touched. Seat admins only.", extensions=signed_in())
    async def remove_admin_rights(self, info: Info, subscription_id: SubArg, user_id: UserArg) -> SeatPayload:
        return await _seat(info, subscription_id, user_id, service.remove_admin_rights)

    @strawberry.mutation(description="Email a person on the subscription a 15-minute password-reset link. Seat admins only.", extensions=signed_in())
    async def send_seat_user_password_reset(self, info: Info, subscription_id: SubArg, user_id: UserArg) -> OkPayload:
        await service.send_password_reset(actor=await require_user(info), subscription_id=to_id(subscription_id), user_id=to_id(user_id))
        return ok_or()
