"""Sessions (refresh-token chains) and password-reset tokens."""

from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.models import Model


class Session(Model):
    """One sign-in. Access tokens name it (`sid`), so ending it takes effect on the next request."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=64, null=True)
    # An act-as session: the one account it may touch, and the person who started it (its
    # `user` is the staff user acted as). Both null for an ordinary sign-in.
    account_scope: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Account", related_name="act_as_sessions", null=True, on_delete=fields.CASCADE
    )
    account_scope_id: int | None
    acting_user: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="acting_sessions", null=True, on_delete=fields.CASCADE
    )
    acting_user_id: int | None

    class Meta:
        table = "sessions"


class RefreshToken(Model):
    """A single-use refresh token: using one issues the next link of the chain."""

    id = fields.IntField(primary_key=True)
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "models.Session", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    session_id: uuid.UUID
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "refresh_tokens"


class PasswordResetToken(Model):
    """A single-use, short-lived password-reset link (stored as a hash)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="reset_tokens", on_delete=fields.CASCADE
    )
    user_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "password_reset_tokens"
