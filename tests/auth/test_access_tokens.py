"""HS256 access tokens are made and checked with the standard library: they must be the
same tokens python-jose makes and checks, and a verified token is reused only until it expires."""

import time
import uuid

import pytest
from jose import jwt

from backend.core import security
from backend.core.config import Settings
from backend.core.security import InvalidToken, _kid, create_access_token, decode_access_token

KEY = "k" * 40


def test_our_tokens_verify_with_python_jose() -> None:
    s = Settings(secret_key=KEY)
    token = create_access_token(user_id=5, session_id=uuid.uuid4(), settings=s)
    claims = jwt.decode(token, KEY, algorithms=["HS256"], audience=s.jwt_audience, issuer=s.jwt_issuer)
    assert claims["sub"] == "5" and claims["typ"] == "access"
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT", "kid": _kid(KEY)}


def test_a_verified_token_is_refused_once_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings(secret_key=KEY)
    token = create_access_token(user_id=5, session_id=uuid.uuid4(), settings=s)
    assert decode_access_token(token, s).user_id == 5  # verified, and remembered
    expires = jwt.get_unverified_claims(token)["exp"]
    monkeypatch.setattr(security.time, "time", lambda: expires + 1)
    with pytest.raises(InvalidToken):
        decode_access_token(token, s)


@pytest.mark.parametrize("change", [
    {"nbf": int(time.time()) + 60}, {"exp": int(time.time()) - 1}, {"exp": "soon"}, {"iss": "someone-else"},
    {"aud": ["other"]}, {"sub": 5},
])
def test_python_jose_made_tokens_with_a_bad_claim_are_refused(change: dict[str, object]) -> None:
    s = Settings(secret_key=KEY)
    good = jwt.get_unverified_claims(create_access_token(user_id=5, session_id=uuid.uuid4(), settings=s))
    token = jwt.encode({**good, **change}, KEY, algorithm="HS256", headers={"kid": _kid(KEY)})
    with pytest.raises(InvalidToken):
        decode_access_token(token, s)


@pytest.mark.parametrize("token", ["", "a.b", "a.b.c.d", "%%%.%%%.%%%", "e30.e30.", "ZZZ.e30.e30"])
def test_malformed_tokens_are_invalid_not_errors(token: str) -> None:
    with pytest.raises(InvalidToken):
        decode_access_token(token, Settings(secret_key=KEY))
