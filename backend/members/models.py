"""Invitation jobs: a long list of addresses invited in the background, with an outcome per row."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class JobStatus(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"


class InvitationJob(Model):
    """A list of up to 10,000 addresses invited in the background, a chunk at a time.

    Each chunk commits its invitations, their emails and its rows' outcomes together, so a
    crash never half-invites a chunk.
    """

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Account", related_name="invitation_jobs", on_delete=fields.CASCADE
    )
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="invitation_jobs", null=True, on_delete=fields.SET_NULL
    )
    status = fields.CharEnumField(JobStatus, max_length=16, default=JobStatus.QUEUED)
    modules: Any = fields.JSONField(default=list)
    sub_account_ids: Any = fields.JSONField(default=list)
    total = fields.IntField(default=0)
    done = fields.IntField(default=0)
    invited = fields.IntField(default=0)
    # A worker that claims a job owns it until this time; a crashed worker's job comes back.
    locked_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation_jobs"
        indexes = (("status", "created_at"),)


class InvitationJobRow(Model):
    id = fields.IntField(primary_key=True)
    job: fields.ForeignKeyRelation[InvitationJob] = fields.ForeignKeyField(
        "models.InvitationJob", related_name="rows", on_delete=fields.CASCADE
    )
    line = fields.IntField(description="1-based position in the list as given")
    email = fields.CharField(max_length=254)
    first_name = fields.CharField(max_length=100, default="")
    last_name = fields.CharField(max_length=100, default="")
    role = fields.CharField(max_length=16, default="user")
    outcome = fields.CharField(max_length=32, null=True, description="Null until processed")
    message = fields.CharField(max_length=255, default="")
    invitation_id = fields.IntField(null=True)

    class Meta:
        table = "invitation_job_rows"
        unique_together = (("job_id", "line"),)
