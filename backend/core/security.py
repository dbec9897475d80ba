"""Password hashing, one-time tokens and signed access tokens."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
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
    if s.jwt_algorithm in _HMAC:
        return _hmac_encode(claims, key, s.jwt_algorithm, kid)
    from jose import jwt  # RS256: python-jose and cryptography load only where they are used

    return str(jwt.encode(claims, key, algorithm=s.jwt_algorithm, headers={"kid": kid}))


# HS256 (the default) with the standard library: python-jose would load cryptography (8 MB
# of every API process) for an HMAC. RS256 stays with python-jose. The tests check both
# against python-jose's tokens.
_HMAC = {"HS256": hashlib.sha256}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _hmac_encode(claims: dict[str, Any], key: str, algorithm: str, kid: str) -> str:
    header = {"alg": algorithm, "typ": "JWT", "kid": kid}
    signing_input = f"{_b64(json.dumps(header, separators=(',', ':')).encode())}.{_b64(json.dumps(claims, separators=(',', ':')).encode())}"
    signature = hmac.new(key.encode(), signing_input.encode(), _HMAC[algorithm]).digest()
    return f"{signing_input}.{_b64(signature)}"


def _hmac_decode(token: str, s: Settings) -> dict[str, Any]:
    """The claims of an HS256 token signed with one of our keys; the registered claims are
    checked as python-jose checks them with REQUIRED_CLAIMS (exp, aud, iss and sub present)."""
    header_part, payload_part, signature_part = token.split(".")
    header = json.loads(_unb64(header_part))
    if not isinstance(header, dict) or header.get("alg") != s.jwt_algorithm:
        raise InvalidToken("wrong algorithm")
    key = _verification_keys(s).get(header.get("kid") or "")
    if key is None:
        raise InvalidToken("unknown key")
    expected = hmac.new(key.encode(), f"{header_part}.{payload_part}".encode(), _HMAC[s.jwt_algorithm]).digest()
    if not hmac.compare_digest(expected, _unb64(signature_part)):
        raise InvalidToken("bad signature")
    claims = json.loads(_unb64(payload_part))
    if not isinstance(claims, dict):
        raise InvalidToken("claims are not an object")
    now = time.time()
    exp, nbf, iat = claims.get("exp"), claims.get("nbf", 0), claims.get("iat", 0)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (exp, nbf, iat)):
        raise InvalidToken("exp, nbf and iat must be numbers")
    if now > exp or now < nbf:  # type: ignore[operator]
        raise InvalidToken("expired or not yet valid")
    aud = claims.get("aud")
    if not (aud == s.jwt_audience or (isinstance(aud, list) and s.jwt_audience in aud)):
        raise InvalidToken("wrong audience")
    if claims.get("iss") != s.jwt_issuer:
        raise InvalidToken("wrong issuer")
    if not isinstance(claims.get("sub"), str):
        raise InvalidToken("no subject")
    return claims


# A token lacking any of these is refused (jose otherwise checks them only when present).
REQUIRED_CLAIMS = {"require_exp": True, "require_aud": True, "require_iss": True, "require_sub": True}


class InvalidToken(Exception):
    """The bearer token is malformed, expired, of the wrong type or signed by an unknown key."""


# Verified tokens, by their text: a client sends the same token on every request until it
# expires, and checking the signature again is a third of what identifying it costs. The
# answer is reused only under the same settings (keys, issuer, audience) and until the
# token's `exp`; whether its session is still live is asked of the database every time.
_verified: dict[str, tuple[Settings, AccessClaims, int]] = {}
_VERIFIED_MAX = 4096


def decode_access_token(token: str, settings: Settings | None = None) -> AccessClaims:
    s = settings or get_settings()
    known = _verified.get(token)
    if known is not None and known[0] is s and time.time() < known[2]:
        return known[1]
    claims, expires = _decode(token, s)
    if len(_verified) >= _VERIFIED_MAX:
        _verified.clear()
    _verified[token] = (s, claims, expires)
    return claims


def _decode(token: str, s: Settings) -> tuple[AccessClaims, int]:
    try:
        claims = _hmac_decode(token, s) if s.jwt_algorithm in _HMAC else _jose_decode(token, s)
        if claims.get("typ") != "access":
            raise InvalidToken("not an access token")
        scope = claims.get("scp")
        return AccessClaims(
            user_id=int(claims["sub"]), session_id=uuid.UUID(claims["sid"]), account_scope=int(scope) if scope else None
        ), int(claims["exp"])
    except InvalidToken:
        raise
    except (KeyError, ValueError, TypeError) as exc:  # malformed: base64, JSON, parts, claims
        raise InvalidToken(str(exc)) from exc


def _jose_decode(token: str, s: Settings) -> dict[str, Any]:
    from jose import JWTError, jwt

    try:
        kid = jwt.get_unverified_header(token).get("kid")
        key = _verification_keys(s).get(kid or "")
        if key is None:
            raise InvalidToken("unknown key")
        return dict(jwt.decode(
            token, key, algorithms=[s.jwt_algorithm], audience=s.jwt_audience, issuer=s.jwt_issuer,
            options=REQUIRED_CLAIMS,
        ))
    except JWTError as exc:
        raise InvalidToken(str(exc)) from exc
