"""Words for the API's error codes, in the portal's voice.

Payload codes (`ErrorCode`) and top-level codes (`extensions.code`) share one table.
`FAMILY_FORBIDDEN` is FORBIDDEN as the families pages say it (api/families.py maps it).
When a code has no entry, the API's own message (written to be shown) is used.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # top-level (extensions.code) and transport
    "UNAUTHENTICATED": "Your session has ended. Please sign in again.",
    "FORBIDDEN": "You don't have permission to do that in this account.",
    "NOT_FOUND": "We couldn't find that. It may have been removed.",
    "UNREACHABLE": "We couldn't reach Portico. Check your connection and try again.",
    "INTERNAL": "Something went wrong on our side. Please try again.",
    # payload ErrorCode
    "INVALID_CREDENTIALS": "That email and password don't match. Check them and try again.",
    "NOT_ACCOUNT_STAFF": "That person is not active staff of this account. Add them to the account first.",
    "ACCOUNT_DISABLED": "This sign-in has been disabled. Contact your account administrator.",
    "RATE_LIMITED": "Too many attempts. Please wait a few minutes and try again.",
    "WRONG_PASSWORD": "Your current password isn't right.",
    "PASSWORD_TOO_SHORT": "Use at least 12 characters for your password.",
    "PASSWORD_TOO_LONG": "Use at most 128 characters for your password.",
    "TOKEN_INVALID": "This link isn't valid. Ask for a new one.",
    "TOKEN_EXPIRED": "This link has expired. Ask for a new one.",
    "TOKEN_USED": "This link has already been used.",
    "INVITATION_REVOKED": "This invitation was withdrawn by the sender.",
    "ADULT_CONFIRMATION_REQUIRED": "Please confirm that you are 18 or older.",
    "TERMS_REQUIRED": "Please accept the privacy policy and terms of use.",
    "TOO_MANY": "That's too many addresses for one go. Split them into smaller batches.",
    # families
    "FAMILY_FORBIDDEN": "You don't have access to that in this family account. If your access changed, ask the primary guardian.",
    "CONTACT_LOCKED": "They have accepted, so their details are theirs to change. Send a password reset instead.",
    "PAYMENT_METHOD_NOT_ALLOWED": "You can only pay with a payment method you saved yourself.",
    "INVALID_AMOUNT": "Enter an amount greater than $0.00.",
    "NOT_PENDING": "That can't be done any more: they have already accepted or their access was revoked.",
    "ALREADY_MEMBER": "That email address already belongs to a member here.",
    "INVALID_EMAIL": "That doesn't look like an email address. Check it and try again.",
    "ALREADY_INVITED": "That person already has a pending invitation here.",
    # the Office Portal (staff): FORBIDDEN as the office pages say it
    "OFFICE_FORBIDDEN": "You need the Customers module in this account to manage its families.",
    # seats (ProPortal)
    "NO_FREE_SEAT": "Every seat is in use. Deactivate someone's subscription first to free a seat.",
    "OUTSIDE_ACCESS_DATES": "This subscription gives no access today: it is outside its access dates.",
    "NO_ACTIVE_SEAT": "No active seat here: this subscription is not active for that person.",
    "LAST_SEAT_ADMIN": "A subscription needs at least one seat admin. Make someone else an admin first.",
}


def message_for(code: str, fallback: str | None = None) -> str:
    """The message to show for an error code."""
    return MESSAGES.get(code) or fallback or MESSAGES["INTERNAL"]
