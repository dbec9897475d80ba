import asyncio
from datetime import timedelta

import pytest

from backend.accounts.models import Membership, MembershipRole, User
from backend.audit.models import AuditEvent
from backend.core.security import utcnow
from backend.invitations.models import Invitation, InvitationStatus
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_account, make_user, token_for

INVITE = """
mutation Invite($account: ID!, $input: InviteUsersInput!) {
  inviteUsers(accountId: $account, input: $input) {
    invitedCount results { email outcome message invitation { id status expiresAt } } errors { code }
  }
}"""
PREVIEW = """query P($t: String!) { invitation(token: $t) {
  kind email targetName summary inviterName status existingUser } }"""
ACCEPT = """
mutation A($t: String!, $p: String, $adult: Boolean!, $terms: Boolean!) {
  acceptInvitation(token: $t, password: $p, confirmAdult: $adult, acceptTerms: $terms) {
    user { email } tokens { accessToken } errors { code field }
  }
}"""
ME = "query { me { user { email } memberships { account { name } role modules } } }"
PASSWORD = "my-own-secret-phrase-31"


async def _invite(api: Api, mailbox: Mailbox, email: str = "newbie@example.com", role: str = "USER") -> str:
    admin = await make_user("boss@example.com", first="Bea", last="Boss")
    account = await make_account("Riverside Gym", admin=admin)
    data = await api.as_(await token_for(admin))(
        INVITE, {"account": str(account.id), "input": {"emails": [email], "role": role, "modules": ["REPORTS"]}}
    )
    assert data["inviteUsers"]["invitedCount"] == 1, data
    messages = await mailbox.deliver()
    return link_token(body_text(messages[-1]), "/accept-invitation")


async def test_invitation_email_arrives_and_link_is_accepted_once(api: Api, mailbox: Mailbox) -> None:
    token = await _invite(api, mailbox)
    [msg] = mailbox.to("newbie@example.com")
    assert msg["Subject"] == "Bea Boss invited you to Riverside Gym on Portico"
    assert msg.get_body(preferencelist=("html",)) is not None
    assert not await Invitation.filter(token_hash=token).exists()  # stored hashed

    preview = (await api(PREVIEW, {"t": token}))["invitation"]
    assert preview == {
        "kind": "ACCOUNT_USER", "email": "newbie@example.com", "targetName": "Riverside Gym", "summary": "as User",
        "inviterName": "Bea Boss", "status": "PENDING", "existingUser": False,
    }

    first = (await api(ACCEPT, {"t": token, "p": PASSWORD, "adult": True, "terms": True}))["acceptInvitation"]
    assert first["errors"] == [] and first["user"]["email"] == "newbie@example.com"
    me = (await api.as_(first["tokens"]["accessToken"])(ME))["me"]
    assert me["memberships"] == [{"account": {"name": "Riverside Gym"}, "role": "USER", "modules": ["REPORTS"]}]
    user = await User.get(email="newbie@example.com")
    assert user.adult_confirmed_at is not None and user.terms_accepted_at is not None

    second = (await api(ACCEPT, {"t": token, "p": PASSWORD, "adult": True, "terms": True}))["acceptInvitation"]
    assert second["errors"] == [{"code": "TOKEN_USED", "field": "token"}]
    assert await Membership.filter(user=user).count() == 1
    assert (await api(PREVIEW, {"t": token}))["invitation"]["status"] == "ACCEPTED"
    assert await AuditEvent.filter(action="invitation.accepted.account_user", target_user_id=user.id).exists()


async def test_accepting_needs_adult_terms_and_a_good_password(api: Api, mailbox: Mailbox) -> None:
    token = await _invite(api, mailbox)
    cases = [
        ({"p": PASSWORD, "adult": False, "terms": True}, "ADULT_CONFIRMATION_REQUIRED"),
        ({"p": PASSWORD, "adult": True, "terms": False}, "TERMS_REQUIRED"),
        ({"p": None, "adult": True, "terms": True}, "REQUIRED"),
        ({"p": "qwerty123456", "adult": True, "terms": True}, "PASSWORD_TOO_COMMON"),
    ]
    for variables, code in cases:
        data = (await api(ACCEPT, {"t": token, **variables}))["acceptInvitation"]
        assert data["errors"][0]["code"] == code
    assert not await User.filter(email="newbie@example.com").exists()
    assert (await Invitation.get()).status == InvitationStatus.PENDING


async def test_expired_and_unknown_links_are_refused(api: Api, mailbox: Mailbox) -> None:
    token = await _invite(api, mailbox)
    await Invitation.all().update(expires_at=utcnow() - timedelta(minutes=1))
    assert (await api(PREVIEW, {"t": token}))["invitation"]["status"] == "EXPIRED"
    data = (await api(ACCEPT, {"t": token, "p": PASSWORD, "adult": True, "terms": True}))["acceptInvitation"]
    assert data["errors"][0]["code"] == "TOKEN_EXPIRED"
    assert await api.error_code(PREVIEW, {"t": "nope"}) == "NOT_FOUND"
    data = (await api(ACCEPT, {"t": "nope", "p": PASSWORD, "adult": True, "terms": True}))["acceptInvitation"]
    assert data["errors"][0]["code"] == "TOKEN_INVALID"
    assert not await User.filter(email="newbie@example.com").exists()


async def test_existing_person_joins_without_a_new_password(api: Api, mailbox: Mailbox) -> None:
    existing = await make_user("newbie@example.com")
    old_hash = existing.password_hash
    token = await _invite(api, mailbox)
    assert (await api(PREVIEW, {"t": token}))["invitation"]["existingUser"] is True
    data = (await api(ACCEPT, {"t": token, "adult": True, "terms": True}))["acceptInvitation"]
    assert data["errors"] == [] and data["tokens"] is None
    assert (await User.get(id=existing.id)).password_hash == old_hash
    assert await Membership.filter(user=existing).count() == 1


async def test_signed_in_person_cannot_take_someone_elses_invitation(api: Api, mailbox: Mailbox) -> None:
    token = await _invite(api, mailbox)
    other = await make_user("other@example.com")
    data = (await api.as_(await token_for(other))(ACCEPT, {"t": token, "adult": True, "terms": True}))
    assert data["acceptInvitation"]["errors"][0]["code"] == "INVALID"
    assert await Membership.filter(user=other).count() == 0


async def test_resend_issues_a_new_link_and_kills_the_old_one(api: Api, mailbox: Mailbox) -> None:
    old = await _invite(api, mailbox)
    admin = await User.get(email="boss@example.com")
    inv = await Invitation.get()
    resend = """mutation R($a: ID!, $i: ID!) { resendInvitation(accountId: $a, invitationId: $i) {
      invitation { sendCount status } errors { code } } }"""
    data = await api.as_(await token_for(admin))(resend, {"a": str(inv.account_id), "i": str(inv.id)})
    assert data["resendInvitation"]["invitation"] == {"sendCount": 2, "status": "PENDING"}
    new = link_token(body_text((await mailbox.deliver())[-1]), "/accept-invitation")
    assert new != old
    refused = (await api(ACCEPT, {"t": old, "p": PASSWORD, "adult": True, "terms": True}))["acceptInvitation"]
    assert refused["errors"][0]["code"] == "TOKEN_INVALID"
    accepted = (await api(ACCEPT, {"t": new, "p": PASSWORD, "adult": True, "terms": True}))["acceptInvitation"]
    assert accepted["errors"] == []


@pytest.mark.committed
async def test_two_racing_acceptances_one_wins(api: Api, mailbox: Mailbox) -> None:
    token = await _invite(api, mailbox)
    results = await asyncio.gather(
        *[api(ACCEPT, {"t": token, "p": PASSWORD, "adult": True, "terms": True}) for _ in range(5)]
    )
    outcomes = sorted(
        "ok" if r["acceptInvitation"]["errors"] == [] else r["acceptInvitation"]["errors"][0]["code"] for r in results
    )
    assert outcomes == ["TOKEN_USED"] * 4 + ["ok"]
    assert await User.filter(email="newbie@example.com").count() == 1
    assert await Membership.filter(user__email="newbie@example.com").count() == 1
    assert (await Invitation.get()).status == InvitationStatus.ACCEPTED


async def test_admin_invite_grants_all_modules(api: Api, mailbox: Mailbox) -> None:
    token = await _invite(api, mailbox, role="ADMIN")
    data = (await api(ACCEPT, {"t": token, "p": PASSWORD, "adult": True, "terms": True}))["acceptInvitation"]
    me = (await api.as_(data["tokens"]["accessToken"])(ME))["me"]
    assert me["memberships"][0]["role"] == "ADMIN"
    assert {"PRICING", "PAYMENT", "USER_MANAGEMENT"} <= set(me["memberships"][0]["modules"])
    assert (await Membership.get(user__email="newbie@example.com")).role == MembershipRole.ADMIN
