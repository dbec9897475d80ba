"""People, tenants and the memberships that link them."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class UserStatus(str, Enum):
    ACTIVE = "active"
    DISABLED = "disabled"


class MembershipRole(str, Enum):
    ADMIN = "admin"
    USER = "user"
    STAFF = "staff"


class MembershipStatus(str, Enum):
    ACTIVE = "active"
    DEACTIVATED = "deactivated"


class User(Model):
    """A person who can sign in. Only created by accepting an invitation (or by an operator)."""

    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True, description="Lower-cased, validated email")
    first_name = fields.CharField(max_length=100, default="")
    last_name = fields.CharField(max_length=100, default="")
    password_hash = fields.CharField(max_length=255, null=True)
    status = fields.CharEnumField(UserStatus, max_length=16, default=UserStatus.ACTIVE)
    adult_confirmed_at = fields.DatetimeField(null=True)
    terms_accepted_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "users"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Account(Model):
    """A tenant: a gym, a company, a school. May have sub-accounts (one level or more)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    parent: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="sub_accounts", null=True, on_delete=fields.RESTRICT
    )
    # Per-kind invitation lifetime overrides in hours, e.g. {"account_user": 72}.
    invitation_hours: Any = fields.JSONField(default=dict)
    # The documents an invitee agrees to on accepting; the version agreed to is kept on the invitation.
    privacy_policy_url = fields.CharField(max_length=500, default="", db_default="")
    terms_url = fields.CharField(max_length=500, default="", db_default="")
    documents_version = fields.CharField(max_length=50, default="", db_default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "accounts"


class Membership(Model):
    """A person's role in an account, with the modules and sub-accounts they may use."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(MembershipRole, max_length=16, default=MembershipRole.USER)
    status = fields.CharEnumField(MembershipStatus, max_length=16, default=MembershipStatus.ACTIVE)
    modules: Any = fields.JSONField(default=list)
    sub_account_ids: Any = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "memberships"
        unique_together = (("user_id", "account_id"),)

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE
