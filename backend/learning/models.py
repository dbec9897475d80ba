"""Content, learning modules (collections of content) and assignments of modules."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class ContentKind(str, Enum):
    EPISODE = "episode"
    COURSE = "course"
    LAB = "lab"


class ContentItem(Model):
    """One piece of the content catalogue: an episode, a course or a lab"""

    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(ContentKind, max_length=16)
    slug = fields.CharField(max_length=120, unique=True)
    title = fields.CharField(max_length=200)
    minutes = fields.IntField(default=0)

    class Meta:
        table = "content_items"


class LearningModule(Model):
    """A named, described collection of content made by a seat admin"""

    id = fields.IntField(primary_key=True)
    subscription: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Subscription", related_name="learning_modules", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    items: fields.ReverseRelation["ModuleItem"]

    class Meta:
        table = "learning_modules"
        indexes = (("subscription_id",),)


class ModuleItem(Model):
    """A content item in a module, in order"""

    id = fields.IntField(primary_key=True)
    module: fields.ForeignKeyRelation[LearningModule] = fields.ForeignKeyField(
        "models.LearningModule", related_name="items", on_delete=fields.CASCADE
    )
    content: fields.ForeignKeyRelation[ContentItem] = fields.ForeignKeyField(
        "models.ContentItem", related_name="module_items", on_delete=fields.RESTRICT
    )
    position = fields.IntField(default=0)

    class Meta:
        table = "module_items"
        unique_together = (("module_id", "content_id"),)


class Assignment(Model):
    """A module assigned to people and teams with a due date"""

    id = fields.IntField(primary_key=True)
    subscription: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Subscription", related_name="assignments", on_delete=fields.CASCADE
    )
    module: fields.ForeignKeyRelation[LearningModule] = fields.ForeignKeyField(
        "models.LearningModule", related_name="assignments", on_delete=fields.CASCADE
    )
    due_on = fields.DateField()
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="assignments_made", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "assignments"
        indexes = (("subscription_id",),)


class AssignmentTarget(Model):
    """Who an assignment is for: one person or one team (members counted when read)"""

    id = fields.IntField(primary_key=True)
    assignment: fields.ForeignKeyRelation[Assignment] = fields.ForeignKeyField(
        "models.Assignment", related_name="targets", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="assignment_targets", null=True, on_delete=fields.CASCADE
    )
    team: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Team", related_name="assignment_targets", null=True, on_delete=fields.CASCADE
    )

    class Meta:
        table = "assignment_targets"
        indexes = (("assignment_id",),)
