"""Inviting people to a subscription (invitation kind SEAT) and what accepting grants.

Access is SUBSCRIPTION (a seat), ADMIN (seat admin, no seat) or BOTH. Inviting a person
who is already on the subscription adds what they lack to the same person: never a
second seat.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import User
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus
from backend.seats import service as seats
from backend.seats.models import SeatHolder, SeatStatus, Subscription
from backend.seats.service import SeatAccess
from backend.teams.models import Team, TeamMember

WHAT = {
    SeatAccess.SUBSCRIPTION: "with a seat on the subscription",
    SeatAccess.ADMIN: "as a seat admin",
    SeatAccess.BOTH: "with a seat and as a seat admin",
}


def target_of(subscription_id: int) -> str:
    return f"subscription:{subscription_id}"


def _lacks(holder: SeatHolder | None, access: SeatAccess) -> bool:
    if holder is None:
        return True
    return (access.seat and holder.seat_status != SeatStatus.ACTIVE) or (access.admin and not holder.is_admin)


async def invite(
    *, actor: User, subscription_id: int, email: str, first_name: str, last_name: str,
    access: SeatAccess, team_id: int | None = None,
) -> Invitation:
    sub = await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    email = accounts.normalise_email(email)
    if not first_name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the person's first name.", "firstName")
    if team_id is not None and not await Team.exists(id=team_id, subscription_id=sub.id):
        raise DomainError(ErrorCode.INVALID, "No such team on this subscription.", "teamId")
    holder = await SeatHolder.get_or_none(subscription_id=sub.id, user__email=email)
    if not _lacks(holder, access):
        raise DomainError(ErrorCode.ALREADY_MEMBER, "This person already has that access.", "email")
    needs_seat = access.seat and (holder is None or holder.seat_status != SeatStatus.ACTIVE)
    if needs_seat and await seats.seats_allocated(subscription_id=sub.id) >= sub.seat_count:
        raise DomainError(ErrorCode.NO_FREE_SEAT, f"All {sub.seat_count} seats are in use.", "access")
    async with in_transaction():
        return await invitations.create(
            kind=InvitationKind.SEAT, account=await sub.account, target=target_of(sub.id), email=email, inviter=actor,
            grants={"subscription_id": sub.id, "access": access.value, "team_id": team_id},
            target_name=sub.name, what=WHAT[access], first_name=first_name, last_name=last_name,
        )


async def accept_seat(invitation: Invitation, user: User) -> None:
    """Grant what the invitation asked. No free seat left: refused, and nothing changes
    (the invitation stays pending, to accept once a seat is free)."""
    g = invitation.grants
    sub = await Subscription.get(id=g["subscription_id"])
    access = SeatAccess(g["access"])
    if access.seat:
        await seats.take_seat(subscription_id=sub.id, user_id=user.id)
    holder, _ = await SeatHolder.get_or_create(subscription_id=sub.id, user_id=user.id)
    if access.admin and not holder.is_admin:
        await SeatHolder.filter(id=holder.id).update(is_admin=True)
    if g.get("team_id") and await Team.exists(id=g["team_id"], subscription_id=sub.id):
        await TeamMember.get_or_create(team_id=g["team_id"], user_id=user.id)


invitations.register_handler(InvitationKind.SEAT, accept_seat)


async def get_invitation(*, actor: User, subscription_id: int, invitation_id: int) -> Invitation:
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    inv = await Invitation.get_or_none(id=invitation_id, target=target_of(subscription_id), kind=InvitationKind.SEAT)
    if inv is None:
        raise NotFound("No such invitation on this subscription.")
    return inv


async def resend(*, actor: User, subscription_id: int, invitation_id: int) -> Invitation:
    """A fresh link for someone who missed the first one; the old link stops working."""
    inv = await get_invitation(actor=actor, subscription_id=subscription_id, invitation_id=invitation_id)
    async with in_transaction():
        return await invitations.resend(invitation=inv, actor=actor)


async def revoke(*, actor: User, subscription_id: int, invitation_id: int) -> None:
    inv = await get_invitation(actor=actor, subscription_id=subscription_id, invitation_id=invitation_id)
    async with in_transaction():
        await invitations.revoke(invitation=inv, actor=actor)


async def pending(*, subscription_id: int) -> list[Invitation]:
    rows = await Invitation.filter(
        target=target_of(subscription_id), kind=InvitationKind.SEAT, status=InvitationStatus.PENDING
    ).order_by("first_name", "last_name", "email")
    return [i for i in rows if invitations.effective_status(i) == InvitationStatus.PENDING]
