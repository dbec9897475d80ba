"""What seat users do: sign-ins, viewings and labs."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class ActivityKind(str, Enum):
    LOGIN = "login"
    VIEWING_STARTED = "viewing_started"
    VIEWED_COMPLETELY = "viewed_completely"
    LAB_STARTED = "lab_started"
    LAB_COMPLETED = "lab_completed"


class ActivityEvent(Model):
    """One thing a person did on a subscription, recorded by the content player"""

    id = fields.BigIntField(primary_key=True)
    subscription: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Subscription", related_name="activity", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="activity", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(ActivityKind, max_length=24)
    content: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.ContentItem", related_name="activity", null=True, on_delete=fields.SET_NULL
    )
    occurred_at = fields.DatetimeField()

    class Meta:
        table = "activity_events"
        indexes = (("subscription_id", "occurred_at"), ("user_id", "occurred_at"), ("subscription_id", "kind", "id"))
