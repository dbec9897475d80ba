"""GraphQL types for families."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import ClassVar

import strawberry

from backend.core.enums import graphql_enum
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import gid
from backend.core.security import utcnow
from backend.families import models
from backend.families.access import FamilyAccess
from backend.families.ledger import Balance


@strawberry.enum(description="My place in a family.")
class FamilyRole(Enum):
    PRIMARY = strawberry.enum_value(
        "primary", description="The primary guardian: manages the family, its secondary users and their access."
    )
    SECONDARY = strawberry.enum_value(
        "secondary", description="A secondary user the primary guardian let in, with the access they were granted."
    )
    STAFF = strawberry.enum_value(
        "staff", description="Account staff with the Customers module (families.manage), seeing the family from the office."
    )


@strawberry.enum(description="Where a family member stands.")
class FamilyMemberStatus(Enum):
    NOT_INVITED = strawberry.enum_value(
        "not_invited", description="Saved (a secondary user the primary guardian added); no invitation sent yet."
    )
    INVITED = strawberry.enum_value("invited", description="Invited; the invitation link is still valid.")
    INVITATION_EXPIRED = strawberry.enum_value(
        "invitation_expired", description="Invited, but the link expired before it was accepted: re-send it."
    )
    ACTIVE = strawberry.enum_value("active", description="Accepted the invitation and may use the family.")
    REVOKED = strawberry.enum_value("revoked", description="Access was revoked; they no longer see the family.")


def member_status(m: models.FamilyMember) -> FamilyMemberStatus:
    """The stored status, with an invitation past its expiry read as INVITATION_EXPIRED
    (the member's `invitation` must be fetched)."""
    inv = m.invitation if m.invitation_id else None  # type: ignore[attr-defined]
    status = FamilyMemberStatus(m.status.value)
    if status == FamilyMemberStatus.INVITED and inv is not None and inv.expires_at <= utcnow():
        return FamilyMemberStatus.INVITATION_EXPIRED
    return status


@strawberry.type(name="Family", description="A household in an account, as I see it.")
class FamilyType(Node):
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Family name, e.g. 'Garcia'.")
    account_id: strawberry.ID = strawberry.field(description="The account (gym, school) the family belongs to.")
    account_name: str = strawberry.field(description="The account's name.")
    primary_guardian_name: str = strawberry.field(description="The primary guardian's name (their email when no name is known).")
    primary_guardian_email: str = strawberry.field(description="The primary guardian's email address.")
    primary_guardian_status: FamilyMemberStatus = strawberry.field(
        description="ACTIVE, or INVITED / INVITATION_EXPIRED while a primary created by staff has not accepted yet."
    )
    my_role: FamilyRole = strawberry.field(description="Primary guardian, secondary user, or office staff.")
    can_view_ledger: bool = strawberry.field(description="Whether I may see the transaction history.")
    can_make_payments: bool = strawberry.field(description="Whether I may pay (with my own payment methods only).")
    can_manage_students: bool = strawberry.field(description="Whether I may change students and enrollments.")

    @classmethod
    def of(cls, a: FamilyAccess) -> "FamilyType":
        f, p = a.family, a.primary
        role = FamilyRole.PRIMARY if a.is_primary else FamilyRole.STAFF if a.is_staff else FamilyRole.SECONDARY
        return cls(
            id=f.id, name=f.name, account_id=gid(f.account.id, "Account"), account_name=f.account.name,
            primary_guardian_name=f"{p.first_name} {p.last_name}".strip() or p.email, primary_guardian_email=p.email,
            primary_guardian_status=member_status(p), my_role=role,
            can_view_ledger=a.can_view_ledger, can_make_payments=a.can_make_payments,
            can_manage_students=a.is_primary or a.is_staff,
        )


@strawberry.type(description="A family I can act in, for the family switcher.")
class FamilyChoice(Node):
    node_type: ClassVar[str | None] = "Family"  # a view of that row: one ID for both
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Family name.")
    account_name: str = strawberry.field(description="The account it belongs to.")
    role: FamilyRole = strawberry.field(description="My role in it.")
    is_active: bool = strawberry.field(description="True for the family I am acting in now.")


@strawberry.type(description="A guardian in a family: the primary, or a secondary user with what they were granted.")
class FamilyMember(Node):
    database_id: int = database_id_field()
    role: FamilyRole = strawberry.field(description="PRIMARY or SECONDARY.")
    status: FamilyMemberStatus = strawberry.field(description="Not invited, invited, invitation expired, active or revoked.")
    email: str = strawberry.field(description="Email address.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    view_full_ledger: bool = strawberry.field(description="May see the transaction history.")
    can_make_payments: bool = strawberry.field(description="May pay, with their own payment methods only.")
    can_edit_contact: bool = strawberry.field(description="The primary may still edit the details (until acceptance).")
    invitation_expires_at: datetime | None = strawberry.field(description="When the current invitation link expires.")
    invitations_sent: int = strawberry.field(description="How many times an invitation was sent.")

    @classmethod
    def of(cls, m: models.FamilyMember) -> "FamilyMember":
        inv = m.invitation if m.invitation_id else None  # type: ignore[attr-defined]
        return cls(
            id=m.id, role=FamilyRole(m.role.value), status=member_status(m), email=m.email, first_name=m.first_name,
            last_name=m.last_name, view_full_ledger=m.view_full_ledger, can_make_payments=m.can_make_payments,
            can_edit_contact=m.status in (models.MemberStatus.NOT_INVITED, models.MemberStatus.INVITED),
            invitation_expires_at=inv.expires_at if inv else None, invitations_sent=inv.send_count if inv else 0,
        )


@strawberry.type(description="The limited account details every family member may see.")
class FamilyBalance:
    charges_cents: int = strawberry.field(description="Total charged, in cents.")
    payments_cents: int = strawberry.field(description="Total paid, in cents.")
    balance_cents: int = strawberry.field(description="Amount due, in cents (negative: credit).")

    @classmethod
    def of(cls, b: Balance) -> "FamilyBalance":
        return cls(charges_cents=b.charges_cents, payments_cents=b.payments_cents, balance_cents=b.balance_cents)


graphql_enum(
    models.LedgerKind, name="LedgerKind", description="A charge or a payment.",
    values={
        "CHARGE": "Money owed by the family: adds to the amount due.",
        "PAYMENT": "Money paid by the family: takes from the amount due.",
    },
)
LedgerKind = models.LedgerKind


@strawberry.type(description="One line of the transaction history.")
class LedgerEntry(Node):
    database_id: int = database_id_field()
    kind: LedgerKind = strawberry.field(description="Charge or payment.")
    amount_cents: int = strawberry.field(description="Amount in cents, positive.")
    description: str = strawberry.field(description="What it was for.")
    created_at: datetime = strawberry.field(description="When.")

    @classmethod
    def of(cls, e: models.LedgerEntry) -> "LedgerEntry":
        return cls(id=e.id, kind=e.kind, amount_cents=e.amount_cents, description=e.description, created_at=e.created_at)


@strawberry.type(name="PaymentMethod", description="A saved card; only its owner can pay with it.")
class PaymentMethodType(Node):
    database_id: int = database_id_field()
    brand: str = strawberry.field(description="Card brand, e.g. Visa.")
    last4: str = strawberry.field(description="Last four digits.")
    mine: bool = strawberry.field(description="True when I saved it (and so may pay with it).")

    @classmethod
    def of(cls, p: models.PaymentMethod, me: int) -> "PaymentMethodType":
        return cls(id=p.id, brand=p.brand, last4=p.last4, mine=p.owner_id == me)  # type: ignore[attr-defined]


@strawberry.type(description="A class a student is enrolled in.")
class Enrollment(Node):
    database_id: int = database_id_field()
    class_name: str = strawberry.field(description="The class.")
    created_at: datetime = strawberry.field(description="When the student was enrolled.")


@strawberry.type(description="A child in the family.")
class Student(Node):
    database_id: int = database_id_field()
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    birth_date: date | None = strawberry.field(description="Date of birth, if known.")
    enrollments: list[Enrollment] = strawberry.field(description="Classes the student is enrolled in.")

    @classmethod
    def of(cls, s: models.Student) -> "Student":
        return cls(
            id=s.id, first_name=s.first_name, last_name=s.last_name, birth_date=s.birth_date,
            enrollments=[Enrollment(id=e.id, class_name=e.class_name, created_at=e.created_at) for e in s.enrollments],
        )
