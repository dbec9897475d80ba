"""Why a sign-in change or a credential for one person was refused (typed, per person)."""

from __future__ import annotations

from enum import Enum


class SignInErrorCode(Enum):
    NOT_FOUND = "NOT_FOUND"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_PHONE = "INVALID_PHONE"
    INVALID_DOMAIN = "INVALID_DOMAIN"
    INVALID_REGION = "INVALID_REGION"
    PERSONAL_EMAIL_NOT_ENABLED = "PERSONAL_EMAIL_NOT_ENABLED"
    PERSONAL_EMAIL_MISSING = "PERSONAL_EMAIL_MISSING"
    CONTACT_EMAIL_MISSING = "CONTACT_EMAIL_MISSING"
    CONTACT_EMAIL_OUTSIDE_DOMAIN = "CONTACT_EMAIL_OUTSIDE_DOMAIN"
    USERNAME_TAKEN = "USERNAME_TAKEN"
    NO_PHONE = "NO_PHONE"
    ALREADY_ACTIVE = "ALREADY_ACTIVE"
    DISABLED = "DISABLED"
    HAS_ONE_TIME_PASSWORD = "HAS_ONE_TIME_PASSWORD"
    NO_SIGN_IN_YET = "NO_SIGN_IN_YET"
    PRIMARY_INVITES_SECONDARY = "PRIMARY_INVITES_SECONDARY"
    NOT_A_STUDENT_OR_GUARDIAN = "NOT_A_STUDENT_OR_GUARDIAN"
    RATE_LIMITED = "RATE_LIMITED"
    NO_ONE_TIME_PASSWORD = "NO_ONE_TIME_PASSWORD"
    ONE_TIME_PASSWORD_EXPIRED = "ONE_TIME_PASSWORD_EXPIRED"
    WRONG_PASSWORD = "WRONG_PASSWORD"
    PASSWORD_REFUSED = "PASSWORD_REFUSED"
    INVITATION_REFUSED = "INVITATION_REFUSED"
    TOO_MANY = "TOO_MANY"


class SignInRefusal(Exception):
    """An expected refusal for one person or one input; nothing was changed for it."""

    def __init__(self, code: SignInErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
