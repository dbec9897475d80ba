"""People of an enterprise group sign in through its provider only: no password can be
used, set, changed or reset for them, and the portal is told to offer their provider."""

from __future__ import annotations

from datetime import timedelta

from backend.accounts.models import User
from backend.auth.models import PasswordResetToken
from backend.core.security import new_token, token_hash, utcnow
from backend.enterprise.models import EnterpriseUser
from tests.auth.test_passwords import CHANGE, REQUEST, RESET
from tests.conftest import Api, Mailbox, body_text
from tests.enterprise.conftest import make_group
from tests.enterprise.test_act_as_in_account import ISSUER, person_token
from tests.factories import PASSWORD, make_user

LOGIN = "mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } errors { code message field } } }"
NEW = "a-brand-new-passphrase-42"


async def test_password_login_is_refused_with_sso_required(api: Api) -> None:
    await make_group(ISSUER)
    result = (await api(LOGIN, {"e": "Carl@corp.example.com", "p": "whatever-they-type-1"}))["login"]
    assert result["tokens"] is None
    assert result["errors"] == [{"code": "SSO_REQUIRED", "message": "Sign in with Google: this sign-in has no password.", "field": "email"}]


async def test_reset_request_answers_the_same_for_everyone_and_gives_no_password(api: Api, mailbox: Mailbox) -> None:
    await make_group(ISSUER)
    await make_user("plain@corp.example.com")
    answers = [(await api(REQUEST, {"e": e}))["requestPasswordReset"]
               for e in ("carl@corp.example.com", "plain@corp.example.com", "nobody@corp.example.com")]
    assert answers == [{"ok": True, "errors": []}] * 3
    carl = await EnterpriseUser.get(email="carl@corp.example.com")
    assert not await PasswordResetToken.filter(user_id=carl.user_id).exists()  # type: ignore[attr-defined]
    await mailbox.deliver()
    [told] = mailbox.to("carl@corp.example.com")
    assert "sign in with Google" in body_text(told) and "/reset-password" not in body_text(told)
    assert len(mailbox.to("plain@corp.example.com")) == 1 and mailbox.to("nobody@corp.example.com") == []


async def test_change_password_is_refused(api: Api) -> None:
    await make_group(ISSUER)
    carl = api.as_(await person_token("carl@corp.example.com"))
    result = (await carl(CHANGE, {"c": "", "n": NEW}))["changePassword"]
    assert result == {"ok": False, "errors": [{"code": "SSO_REQUIRED", "field": "currentPassword"}]}
    person = await EnterpriseUser.get(email="carl@corp.example.com").select_related("user")
    assert person.user.password_hash is None


async def test_a_reset_token_from_before_cannot_set_a_password(api: Api) -> None:
    await make_group(ISSUER)
    person = await EnterpriseUser.get(email="carl@corp.example.com")
    token = new_token()
    await PasswordResetToken.create(user_id=person.user_id, token_hash=token_hash(token), expires_at=utcnow() + timedelta(minutes=5))  # type: ignore[attr-defined]
    result = (await api(RESET, {"t": token, "p": NEW}))["resetPassword"]
    assert result == {"ok": False, "errors": [{"code": "SSO_REQUIRED", "field": "token"}]}
    assert (await User.get(id=person.user_id)).password_hash is None  # type: ignore[attr-defined]


async def test_people_outside_enterprise_groups_keep_their_passwords(api: Api) -> None:
    await make_user("plain@corp.example.com")
    result = (await api(LOGIN, {"e": "plain@corp.example.com", "p": PASSWORD}))["login"]
    assert result["errors"] == [] and result["tokens"]["accessToken"]
