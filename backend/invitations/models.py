"""The one invitation model every flow uses (family member, account user, seat, student)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class InvitationKind(str, Enum):
    ACCOUNT_USER = "account_user"
    FAMILY_MEMBER = "family_member"
    SEAT = "seat"
    STUDENT = "student"


class InvitationStatus(str, Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    EXPIRED = "expired"
    REVOKED = "revoked"


class Invitation(Model):
    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(InvitationKind, max_length=32)
    email = fields.CharField(max_length=254)
    # To a throwaway-address domain (the disposable-email list), for the pending list's flag.
    email_disposable = fields.BooleanField(default=False, db_default=False)
    first_name = fields.CharField(max_length=100, default="")
    last_name = fields.CharField(max_length=100, default="")
    account: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Account", related_name="invitations", on_delete=fields.CASCADE
    )
    invited_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="invitations_sent", null=True, on_delete=fields.SET_NULL
    )
    # What the invitation is to, e.g. "account:3" or "family:7": one pending invitation per target and email.
    target = fields.CharField(max_length=64)
    target_name = fields.CharField(max_length=200, default="", description="Shown in the email and link preview")
    summary = fields.CharField(max_length=255, default="", description="What accepting grants, in words")
    # What accepting grants, interpreted by the handler registered for `kind`.
    grants: Any = fields.JSONField(default=dict)
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    status = fields.CharEnumField(InvitationStatus, max_length=16, default=InvitationStatus.PENDING)
    send_count = fields.IntField(default=1)
    last_sent_at = fields.DatetimeField(auto_now_add=True)
    accepted_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="invitations_accepted", null=True, on_delete=fields.SET_NULL
    )
    accepted_at = fields.DatetimeField(null=True)
    # The account's Privacy Policy / Terms version the invitee agreed to, at `accepted_at`.
    accepted_documents_version = fields.CharField(max_length=50, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "invitations"
        # One pending invitation per (target, email, kind) is a unique partial index made by
        # migration 0008 (Tortoise cannot declare a partial index).
        indexes = (("account_id", "email"), ("target", "email"), ("account_id", "created_at"))
