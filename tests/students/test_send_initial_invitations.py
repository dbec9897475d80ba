"""sendInitialInvitations: the invitation e-mail; the student verifies, sets a password and
signs in to the student home. Guardians: the primary's family invitation again."""

from __future__ import annotations

from backend.families.models import FamilyMember, MemberRole, MemberStatus
from backend.invitations.models import Invitation, InvitationStatus
from backend.students.models import SignInStatus, StudentSignIn
from tests.conftest import Api, Mailbox, SmsInbox, body_text
from tests.factories import link_token
from tests.students.helpers import HOME, INVITE, LOGIN, NEW_PASSWORD, SMS, personal, ref, school

ACCEPT = """mutation A($t: String!, $p: String, $adult: Boolean!) {
  acceptInvitation(token: $t, password: $p, confirmAdult: $adult, acceptTerms: true) { tokens { accessToken } errors { code } } }"""


async def test_invitation_email_verify_set_password_student_home(api: Api, mailbox: Mailbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com")
    data = (await s.staff_api(INVITE, {"a": s.aid, "p": [ref(s.sofia), ref(s.mateo)]}))["sendInitialInvitations"]
    assert [(r["sent"], r["reason"], r["username"]) for r in data["results"]] == [
        (True, None, "sofia@example.com"), (False, "PERSONAL_EMAIL_NOT_ENABLED", None)]
    row = await StudentSignIn.get(student_id=s.sofia.id)
    assert row.status == SignInStatus.INVITED and row.credentials_channel.value == "email"  # type: ignore[union-attr]
    await mailbox.deliver()
    [msg] = mailbox.to("sofia@example.com")
    assert "Hillside School" in body_text(msg) and "your username is sofia@example.com" in body_text(msg)
    token = link_token(body_text(msg), "/accept-invitation")
    # A student is not asked to confirm being an adult.
    accepted = (await api(ACCEPT, {"t": token, "p": NEW_PASSWORD, "adult": False}))["acceptInvitation"]
    assert accepted["errors"] == []
    assert (await StudentSignIn.get(student_id=s.sofia.id)).status == SignInStatus.ACTIVE
    tokens = (await api(LOGIN, {"e": "sofia@example.com", "p": NEW_PASSWORD}))["login"]["tokens"]
    home = (await api.as_(tokens["accessToken"])(HOME))["studentHome"]
    assert home["firstName"] == "Sofia" and home["username"] == "sofia@example.com"
    again = (await s.staff_api(INVITE, {"a": s.aid, "p": [ref(s.sofia)]}))["sendInitialInvitations"]["results"][0]
    assert again["reason"] == "ALREADY_ACTIVE"


async def test_sending_again_replaces_the_link(api: Api, mailbox: Mailbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com")
    await s.staff_api(INVITE, {"a": s.aid, "p": [ref(s.sofia)]})
    await mailbox.deliver()
    old = link_token(body_text(mailbox.to("sofia@example.com")[-1]), "/accept-invitation")
    await s.staff_api(INVITE, {"a": s.aid, "p": [ref(s.sofia)]})
    await mailbox.deliver()
    new = link_token(body_text(mailbox.to("sofia@example.com")[-1]), "/accept-invitation")
    assert old != new and await Invitation.filter(target=f"student:{s.sofia.id}").count() == 1
    assert (await api(ACCEPT, {"t": old, "p": NEW_PASSWORD, "adult": False}))["acceptInvitation"]["errors"] == [{"code": "TOKEN_INVALID"}]


async def test_after_sms_credentials_the_invitation_is_refused_and_sms_voids_a_pending_link(
    api: Api, mailbox: Mailbox, sms: SmsInbox
) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await s.staff_api(INVITE, {"a": s.aid, "p": [ref(s.sofia)]})
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    assert (await Invitation.get(target=f"student:{s.sofia.id}")).status == InvitationStatus.REVOKED
    r = (await s.staff_api(INVITE, {"a": s.aid, "p": [ref(s.sofia)]}))["sendInitialInvitations"]["results"][0]
    assert r["reason"] == "HAS_ONE_TIME_PASSWORD"


async def test_guardians_primary_invited_again_secondary_left_to_the_primary(api: Api, mailbox: Mailbox) -> None:
    from backend.families import office

    s = await school(api)
    family = await office.create_family(actor=s.staff, account_id=s.account.id, name="Nguyen", email="an@example.com", first_name="An")
    an = await FamilyMember.get(family=family, role=MemberRole.PRIMARY)
    rosa = await FamilyMember.create(family=s.garcia, role=MemberRole.SECONDARY, email="rosa@example.com", first_name="Rosa",
                                     status=MemberStatus.NOT_INVITED)
    maria = await FamilyMember.get(family=s.garcia, role=MemberRole.PRIMARY)
    people = [f"guardian:{an.id}", f"guardian:{rosa.id}", f"guardian:{maria.id}"]
    results = (await s.staff_api(INVITE, {"a": s.aid, "p": people}))["sendInitialInvitations"]["results"]
    assert [(r["sent"], r["reason"]) for r in results] == [(True, None), (False, "PRIMARY_INVITES_SECONDARY"), (False, "ALREADY_ACTIVE")]
    await mailbox.deliver()
    assert len(mailbox.to("an@example.com")) == 2 and mailbox.to("rosa@example.com") == []
