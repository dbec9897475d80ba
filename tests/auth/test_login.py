from backend.auth.models import Session
from backend.core.config import Settings
from backend.core.security import InvalidToken, create_access_token, decode_access_token
from tests.conftest import Api
from tests.factories import PASSWORD, make_user, token_for

LOGIN = """
mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    tokens { accessToken refreshToken expiresIn user { email } }
    errors { code field message }
  }
}"""
ME = "query { me { user { email fullName } memberships { account { name } role } } }"
REFRESH = """
mutation Refresh($t: String!) {
  refreshToken(refreshToken: $t) { tokens { accessToken refreshToken } errors { code } }
}"""
LOGOUT = "mutation { logout { ok errors { code } } }"


async def test_login_returns_tokens_that_sign_me_in(api: Api) -> None:
    await make_user("Ada@Example.com", first="Ada", last="Lovelace")
    data = await api(LOGIN, {"email": "ada@example.com", "password": PASSWORD})
    tokens = data["login"]["tokens"]
    assert data["login"]["errors"] == []
    assert tokens["user"]["email"] == "ada@example.com"
    assert tokens["expiresIn"] == 15 * 60
    me = await api.as_(tokens["accessToken"])(ME)
    assert me["me"]["user"] == {"email": "ada@example.com", "fullName": "Ada Lovelace"}


async def test_wrong_password_and_unknown_email_get_the_same_answer(api: Api) -> None:
    await make_user("ada@example.com")
    wrong = await api(LOGIN, {"email": "ada@example.com", "password": "not-the-password-123"})
    unknown = await api(LOGIN, {"email": "nobody@example.com", "password": "not-the-password-123"})
    assert wrong["login"] == unknown["login"]
    assert wrong["login"]["tokens"] is None
    assert [e["code"] for e in wrong["login"]["errors"]] == ["INVALID_CREDENTIALS"]
    assert await Session.all().count() == 0


async def test_login_is_rate_limited_per_email(api: Api) -> None:
    await make_user("ada@example.com")
    codes = []
    for _ in range(11):
        data = await api(LOGIN, {"email": "ada@example.com", "password": "wrong-password-xyz"})
        codes.append(data["login"]["errors"][0]["code"])
    assert codes[:10] == ["INVALID_CREDENTIALS"] * 10
    assert codes[10] == "RATE_LIMITED"
    # Even the right password is refused while limited.
    data = await api(LOGIN, {"email": "ada@example.com", "password": PASSWORD})
    assert data["login"]["errors"][0]["code"] == "RATE_LIMITED"


async def test_me_is_null_without_a_token_and_with_a_forged_one(api: Api) -> None:
    assert (await api(ME))["me"] is None
    assert (await api.as_("not-a-jwt")(ME))["me"] is None
    user = await make_user()
    forged = create_access_token(
        user_id=user.id, session_id=__import__("uuid").uuid4(),
        settings=Settings(secret_key="another-secret-of-sufficient-length-xx"),
    )
    assert (await api.as_(forged)(ME))["me"] is None


async def test_refresh_rotates_and_reuse_revokes_the_chain(api: Api) -> None:
    await make_user("ada@example.com")
    first = (await api(LOGIN, {"email": "ada@example.com", "password": PASSWORD}))["login"]["tokens"]
    second = (await api(REFRESH, {"t": first["refreshToken"]}))["refreshToken"]["tokens"]
    assert second["refreshToken"] != first["refreshToken"]
    assert (await api.as_(second["accessToken"])(ME))["me"]["user"]["email"] == "ada@example.com"

    reuse = await api(REFRESH, {"t": first["refreshToken"]})
    assert reuse["refreshToken"]["errors"][0]["code"] == "TOKEN_USED"
    # The whole chain is dead: the latest refresh token and access token too.
    assert (await api(REFRESH, {"t": second["refreshToken"]}))["refreshToken"]["errors"][0]["code"] == "TOKEN_INVALID"
    assert (await api.as_(second["accessToken"])(ME))["me"] is None


async def test_logout_takes_effect_on_the_next_request(api: Api) -> None:
    user = await make_user()
    token = await token_for(user)
    assert (await api.as_(token)(ME))["me"] is not None
    assert (await api.as_(token)(LOGOUT))["logout"] == {"ok": True, "errors": []}
    assert (await api.as_(token)(ME))["me"] is None


async def test_logout_needs_a_session(api: Api) -> None:
    assert await api.error_code(LOGOUT) == "UNAUTHENTICATED"


def test_access_tokens_carry_the_claims_and_refuse_tampering() -> None:
    import uuid

    from jose import jwt

    s = Settings(secret_key="x" * 40)
    sid = uuid.uuid4()
    token = create_access_token(user_id=7, session_id=sid, settings=s)
    header = jwt.get_unverified_header(token)
    claims = jwt.get_unverified_claims(token)
    assert header["alg"] == "HS256" and header["kid"]
    assert {claims[k] for k in ("iss", "aud", "typ")} == {"portico", "portico-api", "access"}
    assert decode_access_token(token, s).session_id == sid
    # Wrong audience, "none" algorithm and an unknown key are all refused.
    for bad in (
        jwt.encode({**claims, "aud": "other"}, "x" * 40, algorithm="HS256", headers={"kid": header["kid"]}),
        jwt.encode(claims, "y" * 40, algorithm="HS256", headers={"kid": header["kid"]}),
        token.rsplit(".", 1)[0] + ".",
    ):
        try:
            decode_access_token(bad, s)
        except InvalidToken:
            continue
        raise AssertionError("token accepted")


def test_rotated_secret_still_verifies_old_tokens() -> None:
    import uuid

    old = Settings(secret_key="o" * 40)
    new = Settings(secret_key="n" * 40, previous_secret_keys=("o" * 40,))
    token = create_access_token(user_id=1, session_id=uuid.uuid4(), settings=old)
    assert decode_access_token(token, new).user_id == 1


def test_rs256_tokens_verify_with_the_public_key_only() -> None:
    import uuid

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    s = Settings(jwt_algorithm="RS256", jwt_private_key=private, jwt_public_key=public)
    token = create_access_token(user_id=3, session_id=uuid.uuid4(), settings=s)
    assert decode_access_token(token, s).user_id == 3
    # An HS256 token signed with the public key (algorithm confusion) is refused.
    from jose import jwt

    header = jwt.get_unverified_header(token)
    forged = jwt.encode(jwt.get_unverified_claims(token), "x" * 40, algorithm="HS256", headers={"kid": header["kid"]})
    try:
        decode_access_token(forged, s)
    except InvalidToken:
        return
    raise AssertionError("forged token accepted")
