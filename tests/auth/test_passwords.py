from datetime import timedelta

from backend.accounts.models import User
from backend.auth.models import PasswordResetToken
from backend.core.security import token_hash, utcnow, verify_password
from tests.conftest import Api, Mailbox, body_text
from tests.factories import PASSWORD, link_token, make_user, token_for

REQUEST = "mutation R($e: String!) { requestPasswordReset(email: $e) { ok errors { code } } }"
RESET = "mutation R($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { ok errors { code field } } }"
CHANGE = """mutation C($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n) { ok errors { code field } } }"""
ME = "query { me { user { email } } }"
NEW = "a-brand-new-passphrase-42"


async def test_password_hashes_are_argon2id_with_owasp_parameters() -> None:
    user = await make_user()
    assert user.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


async def test_reset_link_arrives_by_smtp_works_once_and_ends_sessions(api: Api, mailbox: Mailbox) -> None:
    user = await make_user("ada@example.com", first="Ada")
    old_session = await token_for(user)
    assert (await api(REQUEST, {"e": "ADA@example.com"}))["requestPasswordReset"] == {"ok": True, "errors": []}

    [msg] = await mailbox.deliver()
    assert msg["To"] == "Test Person <ada@example.com>" or "ada@example.com" in msg["To"]
    assert "Reset your Portico password" in msg["Subject"]
    text = body_text(msg)
    assert "valid for 15 minutes" in text
    token = link_token(text, "/reset-password")
    assert len(token) >= 43  # 256 bits, URL-safe
    assert await PasswordResetToken.filter(token_hash=token_hash(token)).exists()
    assert not await PasswordResetToken.filter(token_hash=token).exists()  # stored hashed only

    assert (await api(RESET, {"t": token, "p": NEW}))["resetPassword"] == {"ok": True, "errors": []}
    assert verify_password(NEW, (await User.get(id=user.id)).password_hash)
    assert (await api.as_(old_session)(ME))["me"] is None  # sessions ended

    again = await api(RESET, {"t": token, "p": "yet-another-passphrase-7"})
    assert again["resetPassword"]["errors"][0]["code"] == "TOKEN_USED"
    assert verify_password(NEW, (await User.get(id=user.id)).password_hash)


async def test_reset_request_for_unknown_email_answers_the_same_and_sends_nothing(api: Api, mailbox: Mailbox) -> None:
    assert (await api(REQUEST, {"e": "ghost@example.com"}))["requestPasswordReset"] == {"ok": True, "errors": []}
    assert await mailbox.deliver() == []


async def test_expired_reset_link_is_refused(api: Api, mailbox: Mailbox) -> None:
    await make_user("ada@example.com")
    await api(REQUEST, {"e": "ada@example.com"})
    token = link_token(body_text((await mailbox.deliver())[0]), "/reset-password")
    await PasswordResetToken.all().update(expires_at=utcnow() - timedelta(seconds=1))
    data = await api(RESET, {"t": token, "p": NEW})
    assert data["resetPassword"]["errors"][0]["code"] == "TOKEN_EXPIRED"


async def test_reset_requests_are_rate_limited(api: Api) -> None:
    await make_user("ada@example.com")
    codes = [(await api(REQUEST, {"e": "ada@example.com"}))["requestPasswordReset"]["errors"] for _ in range(6)]
    assert codes[:5] == [[]] * 5
    assert codes[5] == [{"code": "RATE_LIMITED"}]
    assert await PasswordResetToken.all().count() == 5


async def test_password_rules(api: Api, mailbox: Mailbox) -> None:
    user = await make_user()
    token = await token_for(user)
    cases = {
        "short-pw": "PASSWORD_TOO_SHORT",
        "x" * 129: "PASSWORD_TOO_LONG",
        "password1234": "PASSWORD_TOO_COMMON",
        "aaaaaaaaaaaaaaaa": "PASSWORD_TOO_COMMON",
    }
    for password, code in cases.items():
        data = await api.as_(token)(CHANGE, {"c": PASSWORD, "n": password})
        assert data["changePassword"]["errors"] == [{"code": code, "field": "newPassword"}], password
    # 128 characters is allowed and not truncated: the 127-character prefix does not verify.
    long = "".join(f"{i:x}{c}" for i, c in enumerate("Zq9!mK2#pV7$tR4&" * 4))[:128]
    assert (await api.as_(token)(CHANGE, {"c": PASSWORD, "n": long}))["changePassword"]["ok"] is True
    stored = (await User.get(id=user.id)).password_hash
    assert verify_password(long, stored) and not verify_password(long[:-1], stored)


async def test_change_password_needs_the_current_one_and_ends_other_sessions(api: Api, mailbox: Mailbox) -> None:
    user = await make_user("ada@example.com")
    here, elsewhere = await token_for(user), await token_for(user)
    wrong = await api.as_(here)(CHANGE, {"c": "not-my-password-1", "n": NEW})
    assert wrong["changePassword"]["errors"] == [{"code": "WRONG_PASSWORD", "field": "currentPassword"}]
    assert (await api.as_(here)(CHANGE, {"c": PASSWORD, "n": NEW}))["changePassword"]["ok"] is True
    assert (await api.as_(here)(ME))["me"] is not None
    assert (await api.as_(elsewhere)(ME))["me"] is None
    [msg] = await mailbox.deliver()
    assert msg["Subject"] == "Your Portico password was changed"


async def test_change_password_needs_sign_in(api: Api) -> None:
    assert await api.error_code(CHANGE, {"c": "x", "n": "y"}) == "UNAUTHENTICATED"


CHANGE_MSG = """mutation C($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n) { ok errors { code field message } } }"""


async def test_guessable_passwords_are_refused_with_the_reason(api: Api) -> None:
    user = await make_user("margaret.hill@example.com", first="Margaret", last="Hill")
    token = await token_for(user)
    for weak in ("123412341234", "qwertyqwerty", "margaretmargaretmargaret", "margaret.hill@example.com1",
                 "hillmargaret2026"):
        [error] = (await api.as_(token)(CHANGE_MSG, {"c": PASSWORD, "n": weak}))["changePassword"]["errors"]
        assert error["code"] == "PASSWORD_TOO_COMMON" and error["field"] == "newPassword", weak
        assert error["message"].startswith("This password is too easy to guess."), error
    [error] = (await api.as_(token)(CHANGE_MSG, {"c": PASSWORD, "n": "margaretmargaretmargaret"}))["changePassword"]["errors"]
    assert "your name or email" in error["message"]
    assert verify_password(PASSWORD, (await User.get(id=user.id)).password_hash)  # unchanged
    assert (await api.as_(token)(CHANGE_MSG, {"c": PASSWORD, "n": NEW}))["changePassword"]["ok"] is True
LINK_PROBLEM = "query P($t: String!) { passwordResetLinkProblem(token: $t) }"


async def test_a_reset_link_is_checked_before_anything_is_typed(api, mailbox) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from backend.auth.models import PasswordResetToken
    from backend.core.security import utcnow
    from tests.conftest import body_text
    from tests.factories import link_token, make_user

    await make_user("checker@example.com")
    await api('mutation { requestPasswordReset(email: "checker@example.com") { ok } }')
    token = link_token(body_text((await mailbox.deliver())[-1]), "/reset-password")
    assert (await api(LINK_PROBLEM, {"t": token}))["passwordResetLinkProblem"] is None
    assert (await api(LINK_PROBLEM, {"t": "not-a-token"}))["passwordResetLinkProblem"] == "TOKEN_INVALID"
    await PasswordResetToken.all().update(expires_at=utcnow() - timedelta(minutes=1))
    assert (await api(LINK_PROBLEM, {"t": token}))["passwordResetLinkProblem"] == "TOKEN_EXPIRED"
    await PasswordResetToken.all().update(used_at=utcnow())
    assert (await api(LINK_PROBLEM, {"t": token}))["passwordResetLinkProblem"] == "TOKEN_USED"
