"""Subscriptions (seats bought by an account), the people on them, and their teams."""

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


class Team(Model):
    """A named group of people on one subscription"""

    id = fields.IntField(primary_key=True)
    subscription: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Subscription", related_name="teams", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    members: fields.ReverseRelation["TeamMember"]

    class Meta:
        table = "teams"
        unique_together = (("subscription_id", "name"),)


class TeamMember(Model):
    """A person in a team"""

    id = fields.IntField(primary_key=True)
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="team_memberships", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "team_members"
        unique_together = (("team_id", "user_id"),)
        indexes = (("user_id",),)
