"""Households: a primary guardian, secondary users, students, a ledger and payment methods."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class MemberRole(str, Enum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


class MemberStatus(str, Enum):
    NOT_INVITED = "not_invited"
    INVITED = "invited"
    ACTIVE = "active"
    REVOKED = "revoked"


class LedgerKind(str, Enum):
    CHARGE = "charge"
    PAYMENT = "payment"


class Family(Model):
    """A household in an account (the gym, the school)."""

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Account", related_name="families", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    # The person on record, never read for access: the PRIMARY FamilyMember row decides who
    # the primary guardian is. While a new primary's invitation is pending this holds the
    # staff member who created the family, because the column is NOT NULL and making it
    # nullable would mean rebuilding the families table on SQLite. Accepting sets it.
    primary: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="primary_of", on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "families"


class FamilyMember(Model):
    """A guardian's place in a family. Secondaries are saved (with an email) before they
    are invited, and hold only what the primary guardian grants."""

    id = fields.IntField(primary_key=True)
    family: fields.ForeignKeyRelation[Family] = fields.ForeignKeyField(
        "models.Family", related_name="members", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="family_memberships", null=True, on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(MemberRole, max_length=16)
    status = fields.CharEnumField(MemberStatus, max_length=16, default=MemberStatus.NOT_INVITED)
    email = fields.CharField(max_length=254)
    first_name = fields.CharField(max_length=100, default="")
    last_name = fields.CharField(max_length=100, default="")
    view_full_ledger = fields.BooleanField(default=False)
    can_make_payments = fields.BooleanField(default=False)
    invitation: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Invitation", related_name="family_members", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "family_members"
        indexes = (("family_id", "status"), ("user_id", "status"))


class ActiveFamily(Model):
    """Which family a person is acting in (the family switcher)."""

    id = fields.IntField(primary_key=True)
    user: fields.OneToOneRelation = fields.OneToOneField(
        "models.User", related_name="active_family", on_delete=fields.CASCADE
    )
    family: fields.ForeignKeyRelation[Family] = fields.ForeignKeyField(
        "models.Family", related_name="active_for", on_delete=fields.CASCADE
    )

    class Meta:
        table = "active_families"


class Student(Model):
    id = fields.IntField(primary_key=True)
    family: fields.ForeignKeyRelation[Family] = fields.ForeignKeyField(
        "models.Family", related_name="students", on_delete=fields.CASCADE
    )
    first_name = fields.CharField(max_length=100)
    last_name = fields.CharField(max_length=100)
    birth_date = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    enrollments: fields.ReverseRelation["Enrollment"]

    class Meta:
        table = "students"


class Enrollment(Model):
    id = fields.IntField(primary_key=True)
    student: fields.ForeignKeyRelation[Student] = fields.ForeignKeyField(
        "models.Student", related_name="enrollments", on_delete=fields.CASCADE
    )
    class_name = fields.CharField(max_length=200)
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="enrollments_made", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enrollments"


class PaymentMethod(Model):
    """A card or bank account a guardian saved for a family. Only its owner may pay with it."""

    id = fields.IntField(primary_key=True)
    family: fields.ForeignKeyRelation[Family] = fields.ForeignKeyField(
        "models.Family", related_name="payment_methods", on_delete=fields.CASCADE
    )
    owner: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="payment_methods", on_delete=fields.CASCADE
    )
    brand = fields.CharField(max_length=32)
    last4 = fields.CharField(max_length=4)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payment_methods"


class LedgerEntry(Model):
    """A charge or a payment. Amounts in cents, positive."""

    id = fields.IntField(primary_key=True)
    family: fields.ForeignKeyRelation[Family] = fields.ForeignKeyField(
        "models.Family", related_name="ledger", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(LedgerKind, max_length=16)
    amount_cents = fields.IntField()
    description = fields.CharField(max_length=255)
    payment_method: fields.ForeignKeyNullableRelation[PaymentMethod] = fields.ForeignKeyField(
        "models.PaymentMethod", related_name="payments", null=True, on_delete=fields.SET_NULL
    )
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="ledger_entries", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_entries"
        indexes = (("family_id", "created_at"),)
