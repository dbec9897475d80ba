"""Sign-in records for a school's students and guardians, on top of the family records."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class SignInStatus(str, Enum):
    NO_LOGIN = "no_login"
    INVITED = "invited"
    CREDENTIALS_SENT = "credentials_sent"
    ACTIVE = "active"
    DISABLED = "disabled"


class CredentialChannel(str, Enum):
    EMAIL = "email"
    SMS = "sms"
    PAPER = "paper"


class StudentSignInSettings(Model):
    """An account's username policy: with a Microsoft 365 domain, students sign in with
    their contact e-mail in that domain; without, with their personal e-mail."""

    id = fields.IntField(primary_key=True)
    account: fields.OneToOneRelation = fields.OneToOneField(
        "models.Account", related_name="student_sign_in_settings", on_delete=fields.CASCADE
    )
    microsoft365_domain = fields.CharField(max_length=253, null=True)
    phone_region = fields.CharField(max_length=2, default="US", description="Default country for phone numbers")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "student_sign_in_settings"


class StudentSignIn(Model):
    """A student's sign-in: the username policy inputs, the phone, and where it stands."""

    id = fields.IntField(primary_key=True)
    student: fields.OneToOneRelation = fields.OneToOneField(
        "models.Student", related_name="sign_in", on_delete=fields.CASCADE
    )
    user: fields.OneToOneNullableRelation = fields.OneToOneField(
        "models.User", related_name="student_sign_in", null=True, on_delete=fields.SET_NULL
    )
    use_personal_email = fields.BooleanField(default=False)
    personal_email = fields.CharField(max_length=254, null=True)
    contact_email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=20, null=True, description="E.164")
    status = fields.CharEnumField(SignInStatus, max_length=20, default=SignInStatus.NO_LOGIN)
    credentials_channel = fields.CharEnumField(CredentialChannel, max_length=8, null=True)
    credentials_sent_at = fields.DatetimeField(null=True)
    invitation: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Invitation", related_name="student_sign_ins", null=True, on_delete=fields.SET_NULL
    )
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "student_sign_ins"


class GuardianSignIn(Model):
    """A guardian's phone and how credentials were last handed to them."""

    id = fields.IntField(primary_key=True)
    family_member: fields.OneToOneRelation = fields.OneToOneField(
        "models.FamilyMember", related_name="sign_in", on_delete=fields.CASCADE
    )
    phone = fields.CharField(max_length=20, null=True, description="E.164")
    credentials_channel = fields.CharEnumField(CredentialChannel, max_length=8, null=True)
    credentials_sent_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "guardian_sign_ins"


class OneTimePassword(Model):
    """The person's password is a one-time password (sent by SMS or printed): they must
    choose their own before anything else. The password itself lives only as the
    argon2id hash on the user; issuing a new one replaces it, so the old one stops working."""

    id = fields.IntField(primary_key=True)
    user: fields.OneToOneRelation = fields.OneToOneField(
        "models.User", related_name="one_time_password", on_delete=fields.CASCADE
    )
    channel = fields.CharEnumField(CredentialChannel, max_length=8)
    issued_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()

    class Meta:
        table = "one_time_passwords"
