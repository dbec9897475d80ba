"""Portico's two error channels.

* Expected business outcomes (bad input, invitation expired, already a member) are
  `DomainError`s in services and come back in a mutation payload's `errors` list.
* Not signed in, not allowed, not found: `ApiError`s, returned as top-level GraphQL
  errors carrying `extensions.code`. Anything else is a bug and is masked.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from backend.core.observability.requests import note_refusal


@strawberry.enum(description="Machine-readable reason a mutation did not do what was asked.")
class ErrorCode(Enum):
    INVALID = "INVALID"
    INVALID_EMAIL = "INVALID_EMAIL"
    DISPOSABLE_EMAIL = "DISPOSABLE_EMAIL"
    REQUIRED = "REQUIRED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"
    RATE_LIMITED = "RATE_LIMITED"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_LONG = "PASSWORD_TOO_LONG"
    PASSWORD_TOO_COMMON = "PASSWORD_TOO_COMMON"
    WRONG_PASSWORD = "WRONG_PASSWORD"
    TOKEN_INVALID = "TOKEN_INVALID"
    TOKEN_EXPIRED = "TOKEN_EXPIRED"
    TOKEN_USED = "TOKEN_USED"
    INVITATION_REVOKED = "INVITATION_REVOKED"
    ADULT_CONFIRMATION_REQUIRED = "ADULT_CONFIRMATION_REQUIRED"
    TERMS_REQUIRED = "TERMS_REQUIRED"
    ALREADY_MEMBER = "ALREADY_MEMBER"
    ALREADY_INVITED = "ALREADY_INVITED"
    NOT_PENDING = "NOT_PENDING"
    TOO_MANY = "TOO_MANY"
    CONTACT_LOCKED = "CONTACT_LOCKED"
    PAYMENT_METHOD_NOT_ALLOWED = "PAYMENT_METHOD_NOT_ALLOWED"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    NO_FREE_SEAT = "NO_FREE_SEAT"
    OUTSIDE_ACCESS_DATES = "OUTSIDE_ACCESS_DATES"
    NO_ACTIVE_SEAT = "NO_ACTIVE_SEAT"
    LAST_SEAT_ADMIN = "LAST_SEAT_ADMIN"
    SEAT_COUNT_BELOW_ALLOCATED = "SEAT_COUNT_BELOW_ALLOCATED"
    ENTERPRISE_USER_EXISTS = "ENTERPRISE_USER_EXISTS"
    CANNOT_DEACTIVATE_SELF = "CANNOT_DEACTIVATE_SELF"
    SSO_REQUIRED = "SSO_REQUIRED"
    NOT_ACCOUNT_STAFF = "NOT_ACCOUNT_STAFF"
    MODULE_NOT_ALLOWED = "MODULE_NOT_ALLOWED"
    ACCESS_TURNED_OFF = "ACCESS_TURNED_OFF"


class DomainError(Exception):
    """An expected failure a client can act on."""

    def __init__(self, code: ErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@strawberry.type(description="Why a mutation (or part of it) was refused. Nothing was changed by a refused mutation.")
class MutationError:
    code: ErrorCode = strawberry.field(description="What went wrong, for clients to switch on.")
    message: str = strawberry.field(description="A human-readable explanation, safe to show to the person.")
    field: str | None = strawberry.field(default=None, description="The input field at fault, when there is one.")

    @classmethod
    def of(cls, error: DomainError) -> "MutationError":
        note_refusal(error.code.value)
        return cls(code=error.code, message=error.message, field=error.field)


class ApiError(Exception):
    """A top-level GraphQL error with a stable `extensions.code`."""

    code = "BAD_REQUEST"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)
        self.extensions = {"code": self.code}

    default_message = "Bad request."


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"
    default_message = "Sign in to do this."


class Forbidden(ApiError):
    code = "FORBIDDEN"
    default_message = "You are not allowed to do this."


class NotFound(ApiError):
    code = "NOT_FOUND"
    default_message = "Not found."
