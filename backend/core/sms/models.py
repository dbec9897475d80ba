"""The SMS outbox: a message is a row written in the same transaction as its cause.

The body is sealed (encrypted with a key derived from SECRET_KEY) because it may carry a
one-time password, and it is wiped once the gateway has accepted the message.
"""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class SmsStatus(str, Enum):
    PENDING = "pending"
    # Handed to the gateway, answer not recorded yet. A row left here by a crashed worker
    # is never sent again automatically (it may have gone out): see `worker.recover_stuck`.
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class OutboxSms(Model):
    id = fields.IntField(primary_key=True)
    to_phone = fields.CharField(max_length=20, description="E.164")
    body_sealed = fields.TextField(description="Fernet token of the body, emptied after delivery")
    purpose = fields.CharField(max_length=64, default="")
    ref = fields.CharField(max_length=64, default="", description="What it is about, e.g. student:12")
    status = fields.CharEnumField(SmsStatus, max_length=16, default=SmsStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)
    locked_by = fields.CharField(max_length=64, null=True)
    provider_sid = fields.CharField(max_length=64, null=True)
    last_error = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outbox_sms"
        indexes = (("status", "next_attempt_at"),)
