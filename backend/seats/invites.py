"""Inviting people to a subscription (invitation kind SEAT) and what accepting grants.

Access is SUBSCRIPTION (a seat), ADMIN (seat admin, no seat) or BOTH. Inviting a person
who is already on the subscription adds what they lack to the same person: never a
second seat.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import User
from backend.audit import service as audit
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.mail import service as mail
from backend.invitations import service as invitations
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus
from backend.seats import service as seats
from backend.seats.models import SeatHolder, SeatStatus, Subscription, Team, TeamMember
from backend.seats.service import SeatAccess

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


NO_SEAT_FOR_YOU = (
    "Every seat on {name} is taken right now, so you cannot start yet. Your administrator has been told; "
    "you will get an email when a seat is yours."
)


async def seat_free_for(invitation: Invitation, user: User | None) -> None:
    """Before accepting: an invitation with a seat when no seat is free is refused with words
    meant for the invitee, and every seat admin gets a notice (committed on its own: the
    acceptance itself writes nothing)."""
    g = invitation.grants
    if not SeatAccess(g["access"]).seat:
        return
    sub = await Subscription.get(id=g["subscription_id"])
    if user is not None and await SeatHolder.exists(subscription_id=sub.id, user_id=user.id, seat_status=SeatStatus.ACTIVE):
        return
    if await seats.seats_allocated(subscription_id=sub.id) < sub.seat_count:
        return
    async with in_transaction():
        await notify_seat_wanted(subscription=sub, invitation=invitation)
    raise DomainError(ErrorCode.NO_FREE_SEAT, NO_SEAT_FOR_YOU.format(name=sub.name), "token")


async def notify_seat_wanted(*, subscription: Subscription, invitation: Invitation) -> None:
    name = f"{invitation.first_name} {invitation.last_name}".strip() or invitation.email
    for admin in await User.filter(seat_holdings__subscription_id=subscription.id, seat_holdings__is_admin=True):
        await mail.enqueue(
            template="seat_wanted", to_email=admin.email, to_name=admin.full_name, first_name=admin.first_name or "there",
            invitee_name=name, invitee_email=invitation.email, subscription_name=subscription.name,
            seat_count=str(subscription.seat_count), link=mail.link("/seats"),
        )
    await audit.record(
        action="seat.wanted", actor_id=None, subscription_id=subscription.id, target_email=invitation.email,
        invitation_id=invitation.id,
    )


async def accept_seat(invitation: Invitation, user: User) -> None:
    """Grant what the invitation asked. The last seat taken meanwhile: refused, and nothing
    changes (the invitation stays pending, to accept once a seat is free)."""
    g = invitation.grants
    sub = await Subscription.get(id=g["subscription_id"])
    access = SeatAccess(g["access"])
    if access.seat:
        try:
            await seats.take_seat(subscription_id=sub.id, user_id=user.id)
        except DomainError as e:
            raise DomainError(e.code, NO_SEAT_FOR_YOU.format(name=sub.name), "token") from e
    holder, _ = await SeatHolder.get_or_create(subscription_id=sub.id, user_id=user.id)
    if access.admin and not holder.is_admin:
        await SeatHolder.filter(id=holder.id).update(is_admin=True)
    if g.get("team_id") and await Team.exists(id=g["team_id"], subscription_id=sub.id):
        await TeamMember.get_or_create(team_id=g["team_id"], user_id=user.id)


invitations.register_handler(InvitationKind.SEAT, accept_seat)
invitations.register_precheck(InvitationKind.SEAT, seat_free_for)


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
