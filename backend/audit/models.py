"""Audit log of every change to access."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    id = fields.IntField(primary_key=True)
    actor: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="audit_actions", null=True, on_delete=fields.SET_NULL
    )
    action = fields.CharField(max_length=64)
    account: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Account", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    target_user: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="audit_targets", null=True, on_delete=fields.SET_NULL
    )
    target_email = fields.CharField(max_length=254, null=True)
    detail: Any = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_events"
        indexes = (("account_id", "created_at"),)
