"""Inviting to a subscription: the email arrives, accepting grants the access asked."""

from backend.invitations.models import Invitation, InvitationStatus
from backend.seats.models import SeatHolder, SeatStatus, Team, TeamMember
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_account, make_seat_user, make_subscription, make_user, token_for

INVITE = """mutation I($s: ID!, $input: InviteSeatUserInput!) { inviteSeatUser(subscriptionId: $s, input: $input) {
  invitation { email firstName lastName kind status } errors { code field } } }"""
ACCEPT = """mutation A($t: String!, $p: String) { acceptInvitation(token: $t, password: $p, confirmAdult: true, acceptTerms: true) {
  user { email } tokens { accessToken } errors { code } } }"""
MINE = "query { mySubscriptions { status isAdmin hasContentAccess subscription { name seatsAllocated } } }"
PASSWORD = "a-long-and-private-phrase-77"


async def _setup(api: Api, seats: int = 2):  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com", first="Sia", last="Admin")
    sub = await make_subscription(await make_account("Acme Learning", admin=admin), admin, seats=seats)
    team = await Team.create(subscription=sub, name="Network team")
    return api.as_(await token_for(admin)), sub, team


def _input(email: str = "dana@example.com", access: str = "SUBSCRIPTION", team=None) -> dict:  # type: ignore[no-untyped-def]
    return {"firstName": "Dana", "lastName": "Diaz", "email": email, "access": access, "teamId": str(team.id) if team else None}


async def _accept(api: Api, mailbox: Mailbox, email: str, password: str | None = PASSWORD) -> dict:
    messages = await mailbox.deliver()
    [msg] = [m for m in messages if email in m["X-Envelope-To"]][-1:]
    return (await api(ACCEPT, {"t": link_token(body_text(msg), "/accept-invitation"), "p": password}))["acceptInvitation"]


async def test_invited_person_gets_a_seat_and_their_team_on_accepting(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, team = await _setup(api)
    data = (await as_admin(INVITE, {"s": str(sub.id), "input": _input(team=team)}))["inviteSeatUser"]
    assert data == {"invitation": {"email": "dana@example.com", "firstName": "Dana", "lastName": "Diaz", "kind": "SEAT", "status": "PENDING"}, "errors": []}
    await mailbox.deliver()
    [msg] = mailbox.to("dana@example.com")
    assert msg["Subject"] == "Sia Admin invited you to Team plan on Portico"
    assert "with a seat on the subscription" in body_text(msg)

    token = link_token(body_text(msg), "/accept-invitation")
    accepted = (await api(ACCEPT, {"t": token, "p": PASSWORD}))["acceptInvitation"]
    assert accepted["errors"] == []
    mine = (await api.as_(accepted["tokens"]["accessToken"])(MINE))["mySubscriptions"]
    assert mine == [{"status": "ACTIVE", "isAdmin": False, "hasContentAccess": True, "subscription": {"name": "Team plan", "seatsAllocated": 1}}]
    holder = await SeatHolder.get(subscription_id=sub.id, user__email="dana@example.com")
    assert await TeamMember.exists(team_id=team.id, user_id=holder.user_id)


async def test_admin_access_uses_no_seat_and_both_uses_one(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api)
    await as_admin(INVITE, {"s": str(sub.id), "input": _input("adam@example.com", "ADMIN")})
    await as_admin(INVITE, {"s": str(sub.id), "input": _input("bo@example.com", "BOTH")})
    assert (await _accept(api, mailbox, "adam@example.com"))["errors"] == []
    assert (await _accept(api, mailbox, "bo@example.com"))["errors"] == []
    adam = await SeatHolder.get(user__email="adam@example.com")
    bo = await SeatHolder.get(user__email="bo@example.com")
    assert (adam.seat_status, adam.is_admin) == (SeatStatus.NONE, True)
    assert (bo.seat_status, bo.is_admin) == (SeatStatus.ACTIVE, True)
    assert await SeatHolder.filter(subscription_id=sub.id, seat_status=SeatStatus.ACTIVE).count() == 1


async def test_inviting_a_seat_holder_as_admin_adds_rights_to_the_same_person(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api, seats=1)
    ann = await make_seat_user(sub, await make_user("ann@example.com", password=PASSWORD))
    data = (await as_admin(INVITE, {"s": str(sub.id), "input": _input("ann@example.com", "ADMIN")}))["inviteSeatUser"]
    assert data["errors"] == []  # no free seat is needed to become an admin
    accepted = await _accept(api, mailbox, "ann@example.com", password=None)
    assert accepted["errors"] == [] and accepted["tokens"] is None
    holders = await SeatHolder.filter(user_id=ann.id)
    assert [(h.seat_status, h.is_admin) for h in holders] == [(SeatStatus.ACTIVE, True)]
    again = (await as_admin(INVITE, {"s": str(sub.id), "input": _input("ann@example.com", "BOTH")}))["inviteSeatUser"]
    assert again["errors"] == [{"code": "ALREADY_MEMBER", "field": "email"}]


async def test_no_free_seat_refuses_the_invitation_and_sends_nothing(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api, seats=1)
    await make_seat_user(sub)
    data = (await as_admin(INVITE, {"s": str(sub.id), "input": _input()}))["inviteSeatUser"]
    assert data == {"invitation": None, "errors": [{"code": "NO_FREE_SEAT", "field": "access"}]}
    assert await Invitation.all().count() == 0
    assert await mailbox.deliver() == []


async def test_accepting_when_the_seats_ran_out_is_refused_and_stays_pending(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api, seats=1)
    await as_admin(INVITE, {"s": str(sub.id), "input": _input()})
    await make_seat_user(sub)  # someone took the last seat meanwhile
    refused = await _accept(api, mailbox, "dana@example.com")
    assert refused["errors"] == [{"code": "NO_FREE_SEAT"}]
    assert not await SeatHolder.exists(user__email="dana@example.com")
    assert (await Invitation.get()).status == InvitationStatus.PENDING


async def test_only_seat_admins_invite(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api)
    user = await make_seat_user(sub)
    for who in (user, await make_user("outsider@example.com")):
        code = await api.as_(await token_for(who)).error_code(INVITE, {"s": str(sub.id), "input": _input()})
        assert code == "NOT_FOUND"
    assert await Invitation.all().count() == 0


async def test_resend_and_revoke_a_seat_invitation(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api)
    await as_admin(INVITE, {"s": str(sub.id), "input": _input()})
    old = link_token(body_text((await mailbox.deliver())[-1]), "/accept-invitation")
    inv = await Invitation.get()
    resend = """mutation R($s: ID!, $i: ID!) { resendSeatInvitation(subscriptionId: $s, invitationId: $i) {
      invitation { sendCount } errors { code } } }"""
    revoke = "mutation X($s: ID!, $i: ID!) { revokeSeatInvitation(subscriptionId: $s, invitationId: $i) { ok errors { code } } }"
    v = {"s": str(sub.id), "i": str(inv.id)}
    outsider = await make_user("outsider@example.com")
    assert await api.as_(await token_for(outsider)).error_code(resend, v) == "NOT_FOUND"
    assert (await as_admin(resend, v))["resendSeatInvitation"] == {"invitation": {"sendCount": 2}, "errors": []}
    new = link_token(body_text((await mailbox.deliver())[-1]), "/accept-invitation")
    assert new != old
    assert (await api(ACCEPT, {"t": old, "p": PASSWORD}))["acceptInvitation"]["errors"] == [{"code": "TOKEN_INVALID"}]
    assert (await as_admin(revoke, v))["revokeSeatInvitation"] == {"ok": True, "errors": []}
    assert (await api(ACCEPT, {"t": new, "p": PASSWORD}))["acceptInvitation"]["errors"] == [{"code": "INVITATION_REVOKED"}]
    assert not await SeatHolder.exists(user__email="dana@example.com")


async def test_the_invitee_without_a_free_seat_is_told_plainly_and_every_seat_admin_gets_the_notice(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api, seats=1)
    other_admin = await make_seat_user(sub, await make_user("second.admin@example.com", first="Sam"), active=False, admin=True)
    await as_admin(INVITE, {"s": str(sub.id), "input": _input()})
    await make_seat_user(sub)  # the last seat went to someone else meanwhile
    messages = await mailbox.deliver()
    token = link_token(body_text([m for m in messages if "dana@example.com" in m["X-Envelope-To"]][-1]), "/accept-invitation")
    mailbox.clear()
    doc = """mutation A($t: String!, $p: String) { acceptInvitation(token: $t, password: $p, confirmAdult: true, acceptTerms: true) {
      user { email } errors { code message } } }"""
    refused = (await api(doc, {"t": token, "p": PASSWORD}))["acceptInvitation"]
    assert refused["user"] is None
    assert [e["code"] for e in refused["errors"]] == ["NO_FREE_SEAT"]
    assert "Your administrator has been told; you will get an email when a seat is yours." in refused["errors"][0]["message"]
    notices = await mailbox.deliver()
    assert sorted(m["X-Envelope-To"] for m in notices) == ["seatadmin@example.com", "second.admin@example.com"]
    assert all(m["Subject"] == "No free seat for Dana Diaz on Team plan" for m in notices)
    assert "choose Resend for dana@example.com" in body_text(notices[0])
    assert not await SeatHolder.exists(user__email="dana@example.com")
    assert (await Invitation.get()).status == InvitationStatus.PENDING
    assert other_admin.email == "second.admin@example.com"


async def test_the_seat_meter_counts_pending_invitations_for_the_invite_dialog(api: Api, mailbox: Mailbox) -> None:
    as_admin, sub, _ = await _setup(api, seats=3)
    await make_seat_user(sub)
    for email in ("a@example.com", "b@example.com"):
        await as_admin(INVITE, {"s": str(sub.id), "input": _input(email)})
    doc = "query S($s: ID!) { subscription(subscriptionId: $s) { seatCount seatsAllocated seatsAvailable invitationsPending } }"
    assert (await as_admin(doc, {"s": str(sub.id)}))["subscription"] == {
        "seatCount": 3, "seatsAllocated": 1, "seatsAvailable": 2, "invitationsPending": 2,
    }
