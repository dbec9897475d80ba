"""The username policy and phone numbers.

Without a directory integration the office ticks "Use personal e-mail" and the student's
personal e-mail is the username. With the account's Microsoft 365 integration (a domain
in the account's settings) the contact e-mail must be an address in that domain, and it
is the username. Phones are stored in E.164, parsed with the account's default country.
"""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

from backend.core.config import get_settings
from backend.students.errors import SignInErrorCode as Code
from backend.students.errors import SignInRefusal
from backend.students.models import StudentSignIn, StudentSignInSettings

_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def email(value: str, *, field: str) -> str:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise SignInRefusal(Code.INVALID_EMAIL, f"{value!r} is not a valid e-mail address.", field) from exc


def domain(value: str) -> str:
    cleaned = value.strip().lower().lstrip("@")
    if not _DOMAIN.match(cleaned):
        raise SignInRefusal(Code.INVALID_DOMAIN, f"{value!r} is not a domain name.", "microsoft365Domain")
    return cleaned


def region(value: str) -> str:
    import phonenumbers  # tens of MB of metadata: loaded when a phone number is first checked

    cleaned = value.strip().upper()
    if cleaned not in phonenumbers.SUPPORTED_REGIONS:
        raise SignInRefusal(Code.INVALID_REGION, f"{value!r} is not a country code such as US or GB.", "phoneRegion")
    return cleaned


def phone(value: str, *, default_region: str, field: str = "phone") -> str:
    """E.164, or INVALID_PHONE: a number that parses but is impossible for its country is refused."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(value, default_region)
    except phonenumbers.NumberParseException as exc:
        raise SignInRefusal(Code.INVALID_PHONE, f"{value!r} is not a phone number.", field) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise SignInRefusal(Code.INVALID_PHONE, f"{value!r} is not a valid phone number.", field)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def default_region(settings: StudentSignInSettings | None) -> str:
    return settings.phone_region if settings else get_settings().sms_default_region


def in_domain(address: str, m365: str) -> bool:
    return address.rsplit("@", 1)[-1] == m365


def username(sign_in: StudentSignIn | None, settings: StudentSignInSettings | None) -> str:
    """The student's username under the account's policy, or the typed reason there is none."""
    m365 = settings.microsoft365_domain if settings else None
    if m365:
        if sign_in is None or not sign_in.contact_email:
            raise SignInRefusal(Code.CONTACT_EMAIL_MISSING, f"Fill in the contact e-mail (an address in {m365}).", "contactEmail")
        if not in_domain(sign_in.contact_email, m365):
            raise SignInRefusal(
                Code.CONTACT_EMAIL_OUTSIDE_DOMAIN, f"The contact e-mail must be an address in {m365}.", "contactEmail"
            )
        return sign_in.contact_email
    if sign_in is None or not sign_in.use_personal_email:
        raise SignInRefusal(Code.PERSONAL_EMAIL_NOT_ENABLED, "Tick \"Use personal e-mail\" for this student.", "usePersonalEmail")
    if not sign_in.personal_email:
        raise SignInRefusal(Code.PERSONAL_EMAIL_MISSING, "Fill in the student's personal e-mail.", "personalEmail")
    return sign_in.personal_email
