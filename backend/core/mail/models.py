"""The durable outbox: an email is a row written in the same transaction as its cause."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class OutboxStatus(str, Enum):
    PENDING = "pending"
    SENT = "sent"


class OutboxEmail(Model):
    id = fields.IntField(primary_key=True)
    template = fields.CharField(max_length=64)
    to_email = fields.CharField(max_length=254)
    to_name = fields.CharField(max_length=200, default="")
    subject = fields.CharField(max_length=255)
    text_body = fields.TextField()
    html_body = fields.TextField()
    status = fields.CharEnumField(OutboxStatus, max_length=16, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    # A worker that claims a row owns it until this time; a crashed worker's rows come back.
    locked_until = fields.DatetimeField(null=True)
    locked_by = fields.CharField(max_length=64, null=True)
    last_error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outbox_emails"
        indexes = (("status", "next_attempt_at"),)
