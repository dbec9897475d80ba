"""Password rules: NIST 800-63B length limits and zxcvbn's guessability estimate.

A password must be 12 to 128 characters and score at least 3 (of 4) in zxcvbn, with
the person's name and email as words an attacker would try first. A refusal says why,
in words the portal shows as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from backend.core.errors import DomainError, ErrorCode

MIN_LENGTH = 12
MAX_LENGTH = 128
MIN_SCORE = 3  # "safely unguessable: moderate protection from offline slow-hash scenario"
MIN_REST = 8  # characters left once the person's name and email are taken out


def _without(text: str, words: list[str]) -> str:
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def _personal_words(email: str | None, names: Iterable[str | None]) -> list[str]:
    words = [n for n in names if n]
    if email:
        local = email.split("@", 1)[0]
        words += [email, local, *re.split(r"[._+-]", local)]
    return [w.lower() for w in words if len(w) >= 3]


def validate_password(
    password: str, *, field: str = "password", email: str | None = None, names: Iterable[str | None] = ()
) -> None:
    """Raise a DomainError explaining why a password is refused; never truncate it."""
    if len(password) < MIN_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_SHORT, f"Use at least {MIN_LENGTH} characters.", field)
    if len(password) > MAX_LENGTH:
        raise DomainError(ErrorCode.PASSWORD_TOO_LONG, f"Use at most {MAX_LENGTH} characters.", field)
    from zxcvbn import zxcvbn  # ~12 MB of dictionaries: loaded on the first password checked

    personal = _personal_words(email, names)
    result = zxcvbn(password, user_inputs=personal, max_length=MAX_LENGTH)
    if result["score"] >= MIN_SCORE and len(_without(password.lower(), personal)) >= MIN_REST:
        return
    raise DomainError(ErrorCode.PASSWORD_TOO_COMMON, _reason(result, password, email, names), field)


def _reason(result: dict, password: str, email: str | None, names: Iterable[str | None]) -> str:
    lowered = password.lower()
    personal = [w for w in _personal_words(email, names) if w in lowered]
    if personal:
        why = "It contains your name or email address."
    else:
        why = result["feedback"].get("warning") or "It would be easy to guess."
    hints = " ".join(result["feedback"].get("suggestions") or ["Add another word or two. Uncommon words are better."])
    return f"This password is too easy to guess. {why} {hints}".strip()
