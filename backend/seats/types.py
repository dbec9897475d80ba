"""GraphQL types for subscriptions, seats and seat admins."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry

from backend.accounts.types import UserType
from backend.core.errors import MutationError
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import gid
from backend.invitations.types import InvitationType
from backend.seats import directory, models, service


@strawberry.enum(description="What an invitation to a subscription grants.")
class SeatAccess(Enum):
    SUBSCRIPTION = strawberry.enum_value("subscription", description="A seat on the subscription (access to its content).")
    ADMIN = strawberry.enum_value("admin", description="Seat admin rights only, without taking a seat.")
    BOTH = strawberry.enum_value("both", description="A seat and seat admin rights.")


@strawberry.enum(description="Where a person stands on a subscription's seats.")
class SeatUserStatus(Enum):
    ACTIVE = strawberry.enum_value("active", description="Holds an active seat.")
    DEACTIVATED = strawberry.enum_value("deactivated", description="Held a seat that was deactivated; the seat is free again.")
    INVITED = strawberry.enum_value("invited", description="Invited to the subscription and not accepted yet.")
    NONE = strawberry.enum_value("none", description="A seat admin without a seat.")


@strawberry.enum(description="Which people to list on a subscription.")
class SeatUserFilter(Enum):
    ACTIVE = strawberry.enum_value("active", description="People holding an active seat.")
    INVITED = strawberry.enum_value("invited", description="Pending invitations to the subscription.")
    DEACTIVATED = strawberry.enum_value("deactivated", description="People whose seat was deactivated.")
    ADMINS = strawberry.enum_value("admins", description="The subscription's seat admins.")


@strawberry.type(name="Subscription", description="Seats an account bought, for a period, with the features included (the Details view).")
class SubscriptionType(Node):
    database_id: int = database_id_field()
    account_id: strawberry.ID = strawberry.field(description="The account that owns it.")
    name: str = strawberry.field(description="Display name.")
    seat_count: int = strawberry.field(description="Total seats: most people who may hold an active seat at once.")
    seats_allocated: int = strawberry.field(description="Seats held by active users now.")
    seats_available: int = strawberry.field(description="Seats free to activate or invite into.")
    invitations_pending: int = strawberry.field(
        description="Invitations sent and not yet accepted (seat admins see the count; 0 for anyone else). More pending invitations with a seat than free seats means some invitees will have to wait."
    )
    starts_on: date = strawberry.field(description="First day of content access.")
    ends_on: date = strawberry.field(description="Last day of content access (inclusive).")
    within_access_dates: bool = strawberry.field(description="True when today (UTC) is between the access dates.")
    features: list[str] = strawberry.field(description="Features included in this subscription.")

    @classmethod
    def of(cls, s: models.Subscription, allocated: int, pending: int = 0) -> "SubscriptionType":
        return cls(
            id=strawberry.ID(str(s.id)), account_id=gid(s.account_id, "Account"), name=s.name,  # type: ignore[attr-defined]
            seat_count=s.seat_count, seats_allocated=allocated, seats_available=max(0, s.seat_count - allocated), invitations_pending=pending,
            starts_on=s.starts_on, ends_on=s.ends_on, within_access_dates=service.within_dates(s), features=list(s.features),
        )


@strawberry.type(description="A person on a subscription, or a pending invitation to it.")
class SeatUser:
    user: UserType | None = strawberry.field(description="The person; null while only invited.")
    email: str = strawberry.field(description="Email address.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    status: SeatUserStatus = strawberry.field(description="ACTIVE (holds a seat), DEACTIVATED, INVITED, or NONE (admin without a seat).")
    is_admin: bool = strawberry.field(description="A seat admin (admins use no seat).")
    has_content_access: bool = strawberry.field(description="Active seat and today within the access dates.")
    teams: list[str] = strawberry.field(description="Names of the teams the person is in.")
    invitation: InvitationType | None = strawberry.field(description="The pending invitation, for INVITED rows.")
    last_sign_in_at: datetime | None = strawberry.field(default=None, description="The person's latest sign-in; null if never (or only invited).")

    @classmethod
    def of(cls, r: directory.DirectoryRow) -> "SeatUser":
        return cls(
            user=UserType(
                id=strawberry.ID(str(r.user.id)), email=r.user.email, first_name=r.user.first_name,
                last_name=r.user.last_name, created_at=r.user.created_at,
            ) if r.user else None, email=r.email, first_name=r.first_name, last_name=r.last_name,
            status=SeatUserStatus(r.status), is_admin=r.is_admin, has_content_access=r.has_content_access,
            teams=r.team_names, invitation=InvitationType.of(r.invitation) if r.invitation else None,
            last_sign_in_at=r.last_sign_in_at,
        )


@strawberry.type(description="A subscription the signed-in person is on.")
class MySubscription:
    subscription: SubscriptionType = strawberry.field(description="The subscription.")
    status: SeatUserStatus = strawberry.field(description="The person's seat: ACTIVE, DEACTIVATED or NONE.")
    is_admin: bool = strawberry.field(description="The person is a seat admin of it.")
    has_content_access: bool = strawberry.field(description="May use the content now.")


@strawberry.input(description="A new subscription.")
class CreateSubscriptionInput:
    name: str = strawberry.field(description="Display name.")
    seat_count: int = strawberry.field(description="Total seats.")
    starts_on: date = strawberry.field(description="First day of access.")
    ends_on: date = strawberry.field(description="Last day of access.")
    features: list[str] = strawberry.field(default_factory=list, description="Features included.")


@strawberry.input(description="Whom to invite to a subscription, and with what access.")
class InviteSeatUserInput:
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    email: str = strawberry.field(description="Email address the invitation goes to.")
    access: SeatAccess = strawberry.field(description="SUBSCRIPTION (a seat), ADMIN (seat admin, no seat) or BOTH.")
    team_id: strawberry.ID | None = strawberry.field(default=None, description="A team to put the person in, if any.")


@strawberry.type(description="Result of `createSubscription`.")
class SubscriptionPayload:
    subscription: SubscriptionType | None = strawberry.field(default=None, description="The subscription.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of `inviteSeatUser`.")
class InviteSeatUserPayload:
    invitation: InvitationType | None = strawberry.field(default=None, description="The invitation sent.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused (e.g. NO_FREE_SEAT).")


@strawberry.type(description="Result of a change to a person's seat or admin rights.")
class SeatPayload:
    seat_user: SeatUser | None = strawberry.field(default=None, description="The person after the change.")
    subscription: SubscriptionType | None = strawberry.field(default=None, description="Seat counts after the change.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused (e.g. NO_FREE_SEAT).")
