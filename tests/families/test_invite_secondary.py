from datetime import timedelta

from backend.accounts.models import User
from backend.core.security import utcnow
from backend.families.models import FamilyMember, MemberStatus
from backend.invitations.models import Invitation
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_user, token_for
from tests.families.helpers import (
    ACCEPT,
    ADD,
    FAMILY,
    INVITE,
    MEMBERS,
    RESEND,
    SECONDARY_PASSWORD,
    household,
    invited_secondary,
    secondary_row,
)

ME = "query { me { activeFamily { name myRole canViewLedger canMakePayments } } }"
UPDATE = """mutation U($s: ID!, $input: SecondaryInput!) {
  updateSecondary(secondaryId: $s, input: $input) { secondary { email firstName } errors { code } } }"""


async def test_a_new_secondary_is_saved_with_an_email_before_any_invite(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    bad = await h.primary_api(ADD, {"f": str(h.family.id), "input": {"email": "nope", "firstName": "Jose"}})
    assert bad["addSecondary"]["errors"] == [{"code": "INVALID_EMAIL", "field": "email"}]
    added = await h.primary_api(ADD, {"f": str(h.family.id), "input": {"email": "Jose@Example.com", "firstName": "Jose"}})
    assert added["addSecondary"]["secondary"]["status"] == "NOT_INVITED"
    assert added["addSecondary"]["secondary"]["email"] == "jose@example.com"
    assert await mailbox.deliver() == []  # saving sends nothing
    again = await h.primary_api(ADD, {"f": str(h.family.id), "input": {"email": "jose@example.com", "firstName": "J"}})
    assert again["addSecondary"]["errors"][0]["code"] == "ALREADY_MEMBER"


async def test_invite_email_link_lasts_48_hours_and_accepting_lands_in_the_family(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, token = await invited_secondary(h, mailbox)
    [msg] = mailbox.to("jose@example.com")
    assert "Riverside Gym" in msg["Subject"] and "Garcia family" in body_text(msg)
    inv = await Invitation.get()
    assert abs((inv.expires_at - utcnow()) - timedelta(hours=48)) < timedelta(minutes=1)
    assert (await h.primary_api(MEMBERS, {"f": str(h.family.id)}))["familyMembers"]["nodes"][1]["status"] == "INVITED"

    accepted = (await api(ACCEPT, {"t": token, "p": SECONDARY_PASSWORD}))["acceptInvitation"]
    me = (await api.as_(accepted["tokens"]["accessToken"])(ME))["me"]
    # Default for a new secondary: limited account details only.
    assert me["activeFamily"] == {"name": "Garcia", "myRole": "SECONDARY", "canViewLedger": False, "canMakePayments": False}
    row = await secondary_row(sid)
    assert row.status == MemberStatus.ACTIVE and row.user_id == (await User.get(email="jose@example.com")).id
    assert (await api(ACCEPT, {"t": token, "p": SECONDARY_PASSWORD}))["acceptInvitation"]["errors"][0]["code"] == "TOKEN_USED"


async def test_resend_gives_a_fresh_link_and_corrects_the_email(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, old = await invited_secondary(h, mailbox, "jose@exmaple.com")
    await Invitation.all().update(expires_at=utcnow() - timedelta(minutes=5))
    members = (await h.primary_api(MEMBERS, {}))["familyMembers"]["nodes"]
    assert [m["status"] for m in members if m["id"] == sid] == ["INVITATION_EXPIRED"]

    resent = (await h.primary_api(RESEND, {"s": sid, "e": "jose@example.com"}))["resendSecondaryInvite"]
    assert resent["secondary"] == {"id": sid, "status": "INVITED", "email": "jose@example.com", "invitationsSent": 2}
    await mailbox.deliver()
    new = link_token(body_text(mailbox.to("jose@example.com")[-1]), "/accept-invitation")
    assert (await api(ACCEPT, {"t": old, "p": SECONDARY_PASSWORD}))["acceptInvitation"]["errors"][0]["code"] == "TOKEN_INVALID"
    assert (await api(ACCEPT, {"t": new, "p": SECONDARY_PASSWORD}))["acceptInvitation"]["errors"] == []
    assert await User.filter(email="jose@example.com").exists() and not await User.filter(email="jose@exmaple.com").exists()


async def test_contact_details_lock_once_accepted(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, token = await invited_secondary(h, mailbox)
    fixed = await h.primary_api(UPDATE, {"s": sid, "input": {"email": "jose.g@example.com", "firstName": "José"}})
    assert fixed["updateSecondary"]["secondary"] == {"email": "jose.g@example.com", "firstName": "José"}
    await h.primary_api(RESEND, {"s": sid})
    await mailbox.deliver()
    token = link_token(body_text(mailbox.to("jose.g@example.com")[-1]), "/accept-invitation")
    await api(ACCEPT, {"t": token, "p": SECONDARY_PASSWORD})
    locked = await h.primary_api(UPDATE, {"s": sid, "input": {"email": "other@example.com", "firstName": "X"}})
    assert locked["updateSecondary"]["errors"] == [{"code": "CONTACT_LOCKED"}]
    assert (await secondary_row(sid)).email == "jose.g@example.com"


async def test_existing_person_joins_a_second_family_without_a_password(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    nana = await make_user("nana@example.com")
    sid, token = await invited_secondary(h, mailbox, "nana@example.com")
    data = (await api(ACCEPT, {"t": token, "p": None}))["acceptInvitation"]
    assert data["errors"] == [] and data["tokens"] is None
    family = (await api.as_(await token_for(nana))(FAMILY, {"f": str(h.family.id)}))["family"]
    assert family["myRole"] == "SECONDARY"


async def test_only_the_primary_invites(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    added = (await h.primary_api(ADD, {"f": str(h.family.id), "input": {"email": "jose@example.com", "firstName": "Jose"}}))
    sid = added["addSecondary"]["secondary"]["id"]
    outsider = api.as_(await token_for(await make_user("outsider@example.com")))
    for client in (h.staff_api, outsider):
        assert await client.error_code(INVITE, {"s": sid}) == "NOT_FOUND"
        assert await client.error_code(RESEND, {"s": sid}) == "NOT_FOUND"
        assert await client.error_code(ADD, {"f": str(h.family.id), "input": {"email": "x@example.com", "firstName": "X"}}) == "NOT_FOUND"
    assert await Invitation.all().count() == 0
    assert await FamilyMember.filter(family=h.family).count() == 2
    assert await mailbox.deliver() == []
