"""Subscriptions (seats bought by an account) and the people on them."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class SeatStatus(str, Enum):
    NONE = "none"
    ACTIVE = "active"
    DEACTIVATED = "deactivated"


class Subscription(Model):
    """Seats an account bought for a period, with the features they include"""

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Account", related_name="subscriptions", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    seat_count = fields.IntField(description="Most seats that may be active at once")
    starts_on = fields.DateField(description="First day of content access")
    ends_on = fields.DateField(description="Last day of content access")
    features: Any = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "subscriptions"
        indexes = (("account_id",),)


class SeatHolder(Model):
    """A person on a subscription: their seat (if any) and whether they are a seat admin"""

    id = fields.IntField(primary_key=True)
    subscription: fields.ForeignKeyRelation[Subscription] = fields.ForeignKeyField(
        "models.Subscription", related_name="holders", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="seat_holdings", on_delete=fields.CASCADE
    )
    seat_status = fields.CharEnumField(SeatStatus, max_length=16, default=SeatStatus.NONE)
    is_admin = fields.BooleanField(default=False, db_default=False)
    activated_at = fields.DatetimeField(null=True)
    deactivated_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "seat_holders"
        unique_together = (("subscription_id", "user_id"),)
        indexes = (("subscription_id", "seat_status"), ("user_id",))
