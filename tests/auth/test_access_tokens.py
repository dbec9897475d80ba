"""Access tokens are signed and checked by python-jose; a verified token is remembered (by its
whole text) only until it expires, and every bad claim or malformed token is InvalidToken."""

import time
import uuid

import pytest
from jose import jwt

from backend.core import security
from backend.core.config import Settings
from backend.core.security import InvalidToken, _kid, create_access_token, decode_access_token

KEY = "k" * 40


def test_tokens_carry_our_key_id_and_claims() -> None:
    s = Settings(secret_key=KEY)
    token = create_access_token(user_id=5, session_id=uuid.uuid4(), settings=s)
    claims = jwt.decode(token, KEY, algorithms=["HS256"], audience=s.jwt_audience, issuer=s.jwt_issuer)
    assert claims["sub"] == "5" and claims["typ"] == "access"
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT", "kid": _kid(KEY)}


def test_a_remembered_token_is_refused_once_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings(secret_key=KEY)
    token = create_access_token(user_id=5, session_id=uuid.uuid4(), settings=s)
    assert decode_access_token(token, s).user_id == 5  # verified, and remembered
    assert token in security._verified
    expires = jwt.get_unverified_claims(token)["exp"]
    monkeypatch.setattr(security.time, "time", lambda: expires + 1)
    with pytest.raises(InvalidToken):
        decode_access_token(token, s)
    assert token not in security._verified


def test_a_remembered_token_with_another_signature_is_checked_again() -> None:
    s = Settings(secret_key=KEY)
    token = create_access_token(user_id=5, session_id=uuid.uuid4(), settings=s)
    decode_access_token(token, s)
    header, payload, signature = token.split(".")
    forged = f"{header}.{payload}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    with pytest.raises(InvalidToken):
        decode_access_token(forged, s)


def test_remembered_tokens_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings(secret_key=KEY)
    monkeypatch.setattr(security, "_VERIFIED_MAX", 3)
    monkeypatch.setattr(security, "_verified", {})
    for user_id in range(10):
        decode_access_token(create_access_token(user_id=user_id, session_id=uuid.uuid4(), settings=s), s)
        assert len(security._verified) <= 3


@pytest.mark.parametrize("change", [
    {"nbf": int(time.time()) + 60}, {"exp": int(time.time()) - 1}, {"exp": "soon"}, {"iss": "someone-else"},
    {"aud": ["other"]}, {"sub": 5}, {"sid": 5}, {"typ": "report"},
])
def test_tokens_with_a_bad_claim_are_refused(change: dict[str, object]) -> None:
    s = Settings(secret_key=KEY)
    good = jwt.get_unverified_claims(create_access_token(user_id=5, session_id=uuid.uuid4(), settings=s))
    token = jwt.encode({**good, **change}, KEY, algorithm="HS256", headers={"kid": _kid(KEY)})
    with pytest.raises(InvalidToken):
        decode_access_token(token, s)


@pytest.mark.parametrize("token", ["", "a.b", "a.b.c.d", "%%%.%%%.%%%", "e30.e30.", "ZZZ.e30.e30", "W10.e30.e30"])
def test_malformed_tokens_are_invalid_not_errors(token: str) -> None:
    with pytest.raises(InvalidToken):
        decode_access_token(token, Settings(secret_key=KEY))


def test_a_token_signed_by_an_unknown_key_is_refused() -> None:
    s = Settings(secret_key=KEY)
    token = create_access_token(user_id=5, session_id=uuid.uuid4(), settings=Settings(secret_key="x" * 40))
    with pytest.raises(InvalidToken):
        decode_access_token(token, s)
