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
    _value_: str  # strawberry.enum unwraps each enum_value to its string
    INVALID = strawberry.enum_value(
        "INVALID",
        description="The input breaks a rule the message names: an unknown id (no such team, subgroup, content), a duplicate name, dates in the wrong order, the last active admin, an invitation for another email.",
    )
    INVALID_EMAIL = strawberry.enum_value("INVALID_EMAIL", description="The address is not a valid email address.")
    DISPOSABLE_EMAIL = strawberry.enum_value(
        "DISPOSABLE_EMAIL", description="The address is at a throwaway (disposable) email domain and cannot be invited."
    )
    REQUIRED = strawberry.enum_value(
        "REQUIRED", description="A required input (a name, the issuer, the client id and secret) is empty."
    )
    INVALID_CREDENTIALS = strawberry.enum_value(
        "INVALID_CREDENTIALS", description="`login`: the email or password is wrong (which one is never said)."
    )
    ACCOUNT_DISABLED = strawberry.enum_value(
        "ACCOUNT_DISABLED", description="The sign-in has been disabled: signing in or refreshing is refused."
    )
    RATE_LIMITED = strawberry.enum_value(
        "RATE_LIMITED", description="Too many attempts in a short time: wait a little and try again."
    )
    PASSWORD_TOO_SHORT = strawberry.enum_value(
        "PASSWORD_TOO_SHORT", description="The new password is shorter than the minimum length."
    )
    PASSWORD_TOO_LONG = strawberry.enum_value(
        "PASSWORD_TOO_LONG", description="The new password is longer than the maximum length."
    )
    PASSWORD_TOO_COMMON = strawberry.enum_value(
        "PASSWORD_TOO_COMMON",
        description="The new password is too easy to guess (common, or made of the person's name or email); the message says why.",
    )
    WRONG_PASSWORD = strawberry.enum_value("WRONG_PASSWORD", description="`changePassword`: the current password is not right.")
    TOKEN_INVALID = strawberry.enum_value(
        "TOKEN_INVALID",
        description="The refresh token, reset link or invitation link is unknown or no longer valid: sign in again or ask for a new link.",
    )
    TOKEN_EXPIRED = strawberry.enum_value(
        "TOKEN_EXPIRED",
        description="The refresh token, reset link, invitation link or one-time password has expired: sign in again or ask for a new one.",
    )
    TOKEN_USED = strawberry.enum_value(
        "TOKEN_USED",
        description="The reset link was already used, or a refresh token was used twice (the sign-in was then ended for safety): sign in again.",
    )
    INVITATION_REVOKED = strawberry.enum_value(
        "INVITATION_REVOKED", description="The invitation was withdrawn and can no longer be accepted."
    )
    ADULT_CONFIRMATION_REQUIRED = strawberry.enum_value(
        "ADULT_CONFIRMATION_REQUIRED", description="Accepting an invitation: the person did not confirm they are 18 or older."
    )
    TERMS_REQUIRED = strawberry.enum_value(
        "TERMS_REQUIRED", description="Accepting an invitation: the privacy policy and terms of use were not accepted."
    )
    ALREADY_MEMBER = strawberry.enum_value(
        "ALREADY_MEMBER",
        description="The person already has this access (a member of the account, a holder of this seat access, or a sign-in with this email).",
    )
    ALREADY_INVITED = strawberry.enum_value(
        "ALREADY_INVITED", description="The email already has a pending invitation to the same place."
    )
    NOT_PENDING = strawberry.enum_value(
        "NOT_PENDING",
        description="The invitation or secondary user was already accepted or revoked, or the student already chose their own password.",
    )
    TOO_MANY = strawberry.enum_value(
        "TOO_MANY", description="Too many addresses in one call or rows in one invitation job; the message gives the limit."
    )
    CONTACT_LOCKED = strawberry.enum_value(
        "CONTACT_LOCKED",
        description="A secondary user who accepted manages their own details: the primary guardian cannot change them (send a password reset instead).",
    )
    PAYMENT_METHOD_NOT_ALLOWED = strawberry.enum_value(
        "PAYMENT_METHOD_NOT_ALLOWED",
        description="`makePayment`: the payment method is not one of the payer's own saved methods in this family.",
    )
    INVALID_AMOUNT = strawberry.enum_value("INVALID_AMOUNT", description="`makePayment`: the amount is not greater than zero.")
    NO_FREE_SEAT = strawberry.enum_value(
        "NO_FREE_SEAT", description="Every seat of the subscription is in use: deactivate someone or buy more seats first."
    )
    OUTSIDE_ACCESS_DATES = strawberry.enum_value(
        "OUTSIDE_ACCESS_DATES", description="Today is outside the subscription's access dates, so no learning can be recorded."
    )
    NO_ACTIVE_SEAT = strawberry.enum_value("NO_ACTIVE_SEAT", description="The person holds no active seat on the subscription.")
    LAST_SEAT_ADMIN = strawberry.enum_value(
        "LAST_SEAT_ADMIN", description="Removing these admin rights would leave the subscription without a seat admin."
    )
    SEAT_COUNT_BELOW_ALLOCATED = strawberry.enum_value(
        "SEAT_COUNT_BELOW_ALLOCATED",
        description="The new seat count is below the number of seats in use: deactivate people first.",
    )
    ENTERPRISE_USER_EXISTS = strawberry.enum_value(
        "ENTERPRISE_USER_EXISTS", description="The email already belongs to an enterprise user."
    )
    CANNOT_DEACTIVATE_SELF = strawberry.enum_value(
        "CANNOT_DEACTIVATE_SELF", description="An enterprise admin tried to deactivate, remove or lower the level of themselves."
    )
    SSO_REQUIRED = strawberry.enum_value(
        "SSO_REQUIRED",
        description="The person signs in with their enterprise provider (no password): password sign-in, change and reset are refused.",
    )
    NOT_ACCOUNT_STAFF = strawberry.enum_value(
        "NOT_ACCOUNT_STAFF", description="The email named as an account's login-as user is not active staff of that account."
    )
    MODULE_NOT_ALLOWED = strawberry.enum_value(
        "MODULE_NOT_ALLOWED",
        description="A USER (or STAFF) member was given an admin-only module (Pricing, Payment, User management); the message names it.",
    )
    ACCESS_TURNED_OFF = strawberry.enum_value(
        "ACCESS_TURNED_OFF",
        description="The account's access is turned off: signing in is refused, with the account's notice as the message.",
    )


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
