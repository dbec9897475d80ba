"""Teams: groups of seat users a seat admin makes, by job role or learning goal."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


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
