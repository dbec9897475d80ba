""""Forgot password" from someone invited who never accepted: a fresh invitation link that
sets up the account and the password in one go; the same neutral answer for everyone."""

from backend.accounts.models import User
from backend.invitations.models import Invitation, InvitationStatus
from backend.seats.models import SeatHolder, SeatStatus
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_account, make_subscription, make_user, token_for

REQUEST = 'mutation R($e: String!) { requestPasswordReset(email: $e) { ok errors { code } } }'
INVITE = """mutation I($s: ID!, $input: InviteSeatUserInput!) { inviteSeatUser(subscriptionId: $s, input: $input) { errors { code } } }"""
ACCEPT = """mutation A($t: String!, $p: String) { acceptInvitation(token: $t, password: $p, confirmAdult: true, acceptTerms: true) {
  user { email } tokens { accessToken } errors { code } } }"""


async def test_invited_but_never_accepted_gets_a_fresh_invitation_link(api: Api, mailbox: Mailbox) -> None:
    admin = await make_user("seatadmin@example.com", first="Sia", last="Admin")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin)
    invite = {"firstName": "Dana", "lastName": "Diaz", "email": "dana@example.com", "access": "SUBSCRIPTION"}
    assert (await api.as_(await token_for(admin))(INVITE, {"s": str(sub.id), "input": invite}))["inviteSeatUser"]["errors"] == []
    first = link_token(body_text((await mailbox.deliver())[-1]), "/accept-invitation")
    mailbox.clear()

    answer = (await api(REQUEST, {"e": "Dana@Example.com"}))["requestPasswordReset"]
    assert answer == {"ok": True, "errors": []}
    [msg] = await mailbox.deliver()
    assert msg["X-Envelope-To"] == "dana@example.com"
    assert msg["Subject"] == "Sia Admin invited you to Team plan on Portico"
    fresh = link_token(body_text(msg), "/accept-invitation")
    assert fresh != first
    assert (await api(ACCEPT, {"t": first, "p": "a-long-and-private-phrase-77"}))["acceptInvitation"]["errors"] == [{"code": "TOKEN_INVALID"}]
    accepted = (await api(ACCEPT, {"t": fresh, "p": "a-long-and-private-phrase-77"}))["acceptInvitation"]
    assert accepted["errors"] == [] and accepted["tokens"]["accessToken"]
    holder = await SeatHolder.get(subscription_id=sub.id, user__email="dana@example.com")
    assert holder.seat_status == SeatStatus.ACTIVE


async def test_the_answer_is_the_same_for_unknown_revoked_and_malformed_addresses(api: Api, mailbox: Mailbox) -> None:
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin)
    invite = {"firstName": "Rae", "lastName": "Ng", "email": "rae@example.com", "access": "SUBSCRIPTION"}
    await api.as_(await token_for(admin))(INVITE, {"s": str(sub.id), "input": invite})
    await Invitation.filter(email="rae@example.com").update(status=InvitationStatus.REVOKED)
    await mailbox.deliver()
    mailbox.clear()
    for email in ("nobody@example.com", "rae@example.com", "not an email"):
        assert (await api(REQUEST, {"e": email}))["requestPasswordReset"] == {"ok": True, "errors": []}
    assert await mailbox.deliver() == []
    assert not await User.exists(email="rae@example.com")
