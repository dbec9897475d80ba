"""Password hashing, one-time tokens and signed access tokens."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from backend.core.config import Settings, get_settings

# OWASP's minimum for argon2id is m=19 MiB, t=2, p=1; we use 19 MiB / t=2 / p=1.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when an email is unknown, so timing does not reveal who has an account.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


# For secrets we generate ourselves (one-time passwords: 59+ random bits), guessing is
# already hopeless, so the hash need not be slow: about a millisecond instead of ~50, which
# lets an office print 1,000 fresh credentials in seconds. `verify_password` reads the
# parameters from the hash, so both kinds verify the same way.
_random_secret_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def hash_random_secret(secret: str) -> str:
    """argon2id of a machine-made random secret (never of a password a person chose)."""
    return _random_secret_hasher.hash(secret)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Constant-shape check: an unknown user still costs one argon2 verification."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


# On request paths: argon2 takes tens of milliseconds of CPU (and releases the GIL), so it
# runs in a worker thread and the event loop keeps answering other requests meanwhile.
async def hash_password_async(password: str) -> str:
    return await asyncio.to_thread(hash_password, password)


async def verify_password_async(password: str, password_hash: str | None) -> bool:
    """`verify_password` in a worker thread (the dummy-hash timing defence included)."""
    return await asyncio.to_thread(verify_password, password, password_hash)


def new_token() -> str:
    """A URL-safe random token of 256 bits for invitation, reset and refresh links."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What we store instead of a token: its SHA-256 (the token has 256 bits of entropy,
    so a fast hash is enough and lookups stay indexed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _kid(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _signing_key(settings: Settings) -> tuple[str, str]:
    if settings.jwt_algorithm == "RS256":
        assert settings.jwt_private_key and settings.jwt_public_key
        return _kid(settings.jwt_public_key), settings.jwt_private_key
    return _kid(settings.secret_key), settings.secret_key


def _verification_keys(settings: Settings) -> dict[str, str]:
    if settings.jwt_algorithm == "RS256":
        assert settings.jwt_public_key
        return {_kid(settings.jwt_public_key): settings.jwt_public_key}
    keys = [settings.secret_key, *settings.previous_secret_keys]
    return {_kid(k): k for k in keys}


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    session_id: uuid.UUID
    # An act-as session's one account (`scp`); None for an ordinary session.
    account_scope: int | None = None


# python-jose signs and verifies every token (HS256 and RS256). It is imported inside the
# functions that use it: with it come its backends (cryptography, about 8 MB), which an API
# process then loads on its first token rather than at start-up.
def create_access_token(
    *, user_id: int, session_id: uuid.UUID, account_scope: int | None = None, settings: Settings | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """`extra`: small claims for clients (`acc` and `perms`: the active account and my
    permissions there). An act-as session's one account travels as `scp`."""
    s = settings or get_settings()
    kid, key = _signing_key(s)
    now = utcnow()
    claims: dict[str, Any] = {
        "iss": s.jwt_issuer,
        "aud": s.jwt_audience,
        "sub": str(user_id),
        "sid": str(session_id),
        "typ": "access",
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=s.access_token_minutes)).timestamp()),
        **(extra or {}),
    }
    if account_scope is not None:
        claims["scp"] = str(account_scope)
    from jose import jwt  # imported here: see above

    return str(jwt.encode(claims, key, algorithm=s.jwt_algorithm, headers={"kid": kid}))


# A token lacking any of these is refused (jose otherwise checks them only when present).
REQUIRED_CLAIMS = {"require_exp": True, "require_aud": True, "require_iss": True, "require_sub": True}


class InvalidToken(Exception):
    """The bearer token is malformed, expired, of the wrong type or signed by an unknown key."""


# Verified access tokens, by their full text: a client sends the same token on every request
# until it expires, and checking the signature is a third of what identifying it costs. An
# entry is reused only under the same settings object (keys, issuer, audience) and refused
# from the token's `exp` on; the session it names is still looked up in the database on
# every request (revocation and sign-out take effect at once). Failures are never kept.
_verified: dict[str, tuple[Settings, AccessClaims, int]] = {}
_VERIFIED_MAX = 4096


def decode_access_token(token: str, settings: Settings | None = None) -> AccessClaims:
    s = settings or get_settings()
    known = _verified.get(token)
    if known is not None and known[0] is s:
        if time.time() < known[2]:
            return known[1]
        del _verified[token]
        raise InvalidToken("Signature has expired.")
    claims, expires = _decode(token, s)
    if len(_verified) >= _VERIFIED_MAX:
        now = time.time()
        for stale in [t for t, (_, _, exp) in _verified.items() if exp <= now]:
            del _verified[stale]
        if len(_verified) >= _VERIFIED_MAX:
            _verified.clear()
    _verified[token] = (s, claims, expires)
    return claims


def _decode(token: str, s: Settings) -> tuple[AccessClaims, int]:
    from jose import JWTError, jwt

    try:
        kid = jwt.get_unverified_header(token).get("kid")
        key = _verification_keys(s).get(kid or "")
        if key is None:
            raise InvalidToken("unknown key")
        claims = jwt.decode(
            token, key, algorithms=[s.jwt_algorithm], audience=s.jwt_audience, issuer=s.jwt_issuer,
            options=REQUIRED_CLAIMS,
        )
        if claims.get("typ") != "access":
            raise InvalidToken("not an access token")
        scope = claims.get("scp")
        return AccessClaims(
            user_id=int(claims["sub"]), session_id=uuid.UUID(claims["sid"]), account_scope=int(scope) if scope else None
        ), int(claims["exp"])
    # Malformed claims: a `kid` that is a list (TypeError), a `sid` that is a number (AttributeError), ...
    except (JWTError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise InvalidToken(str(exc)) from exc


class LinkExpired(InvalidToken):
    """A signed link whose time is up: answered 410 Gone rather than 403."""


def sign_link(claims: dict[str, Any], *, purpose: str, ttl_seconds: int, settings: Settings | None = None) -> tuple[str, datetime]:
    """A short-lived token to put in a URL (HS256 with SECRET_KEY) and when it expires.
    `purpose` (e.g. "report") is its type and audience, so a link is never an access token
    and an access token never a link."""
    from jose import jwt

    s = settings or get_settings()
    now = utcnow().replace(microsecond=0)
    expires = now + timedelta(seconds=ttl_seconds)
    body = {
        "iss": s.jwt_issuer, "aud": f"{s.jwt_audience}:{purpose}", "typ": purpose,
        "iat": int(now.timestamp()), "exp": int(expires.timestamp()), **claims,
    }
    return jwt.encode(body, s.secret_key, algorithm="HS256", headers={"kid": _kid(s.secret_key)}), expires


def read_link(token: str, *, purpose: str, settings: Settings | None = None) -> dict[str, Any]:
    """The claims of a link made by `sign_link` for `purpose`: InvalidToken when it was altered,
    signed by an unknown key or made for something else; LinkExpired when its time is up."""
    from jose import ExpiredSignatureError, JWTError, jwt

    s = settings or get_settings()
    keys = {_kid(k): k for k in (s.secret_key, *s.previous_secret_keys)}
    try:
        key = keys.get(jwt.get_unverified_header(token).get("kid") or "")
        if key is None:
            raise InvalidToken("unknown key")
        claims: dict[str, Any] = jwt.decode(
            token, key, algorithms=["HS256"], audience=f"{s.jwt_audience}:{purpose}", issuer=s.jwt_issuer,
            options=REQUIRED_CLAIMS,
        )
    except ExpiredSignatureError as exc:
        raise LinkExpired(str(exc)) from exc
    except (JWTError, ValueError) as exc:
        raise InvalidToken(str(exc)) from exc
    if claims.get("typ") != purpose:
        raise InvalidToken(f"not a {purpose} link")
    return claims
