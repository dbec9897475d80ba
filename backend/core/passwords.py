"""Password rules: NIST 800-63B style length limits and a common-password ban."""

from __future__ import annotations

from functools import lru_cache

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from backend.core.errors import DomainError, ErrorCode

MIN_LENGTH = 12
MAX_LENGTH = 128


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    # zxcvbn ships the 30,000 most common leaked passwords; we refuse any of them.
    return frozenset(FREQUENCY_LISTS["passwords"])


def validate_password(password: str, *, field: str = "password", email: str | None = None) -> None:
    """Raise a DomainError explaining why a password is refused; never truncate it."""
    if len(password) < MIN_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_SHORT, f"Use at least {MIN_LENGTH} characters.", field)
    if len(password) > MAX_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_LONG, f"Use at most {MAX_LENGTH} characters.", field)
    lowered = password.lower()
    if lowered in _common() or len(set(lowered)) < 4:
        raise DomainError(ErrorCode.PASSWORD_TOO_COMMON, "This password is too common; choose another.", field)
    if email and lowered == email.lower():
        raise DomainError(ErrorCode.PASSWORD_TOO_COMMON, "Do not use your email address as password.", field)
