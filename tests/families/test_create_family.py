"""createFamily: account staff create a family with its primary guardian, who is either
an existing person (primary at once) or invited (primary on accepting)."""

from __future__ import annotations

from backend.accounts.models import User
from backend.audit.models import AuditEvent
from backend.core.mail.models import OutboxEmail
from backend.families.models import Family, FamilyMember, MemberRole, MemberStatus
from backend.invitations.models import Invitation
from tests.conftest import Api, Mailbox, body_text
from tests.factories import link_token, make_account, make_user, pk, token_for
from tests.families.helpers import ACCEPT, ADD, FAMILY, INVITE, MEMBERS, active_secondary, household

CREATE = """mutation C($a: ID!, $n: String!, $p: PrimaryGuardianInput!) {
  createFamily(accountId: $a, name: $n, primary: $p) {
    family { id name accountId primaryGuardianName primaryGuardianEmail primaryGuardianStatus myRole }
    errors { code field } } }"""
ACCOUNT_FAMILIES = "query F($a: ID!) { accountFamilies(accountId: $a) { nodes { id name primaryGuardianStatus } } }"
MY_FAMILIES = "query { myFamilies { id name role } }"
PASSWORD = "a-brand-new-primary-passphrase-7"


def _vars(account_id: int, name: str = "Nguyen", email: str = "an.nguyen@example.com", first: str = "An") -> dict:
    return {"a": str(account_id), "n": name, "p": {"email": email, "firstName": first, "lastName": "Nguyen"}}


async def _counts() -> tuple[int, ...]:
    return (await Family.all().count(), await FamilyMember.all().count(), await Invitation.all().count(),
            await OutboxEmail.all().count(), await AuditEvent.all().count())


async def test_an_existing_person_becomes_primary_at_once(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    an = await make_user("an.nguyen@example.com", first="An", last="Nguyen")
    data = (await h.staff_api(CREATE, _vars(h.account.id, email=" An.Nguyen@Example.com ")))["createFamily"]
    assert data["errors"] == []
    family = data["family"]
    assert family["name"] == "Nguyen" and family["myRole"] == "STAFF"
    assert family["primaryGuardianStatus"] == "ACTIVE" and family["primaryGuardianEmail"] == "an.nguyen@example.com"

    an_api = api.as_(await token_for(an))
    assert (await an_api(FAMILY, {"f": family["id"]}))["family"]["myRole"] == "PRIMARY"
    assert (await an_api(MY_FAMILIES))["myFamilies"] == [{"id": family["id"], "name": "Nguyen", "role": "PRIMARY"}]
    assert await Invitation.all().count() == 0
    await mailbox.deliver()
    assert "primary guardian" in mailbox.to("an.nguyen@example.com")[-1]["Subject"]
    event = await AuditEvent.filter(action="family.created", actor_id=h.staff.id).get()
    assert event.detail["family_id"] == pk(family["id"]) and event.detail["primary_invited"] is False


async def test_a_new_person_is_invited_accepts_and_is_primary(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    data = (await h.staff_api(CREATE, _vars(h.account.id)))["createFamily"]
    assert data["errors"] == []
    fid = data["family"]["id"]
    assert data["family"]["primaryGuardianStatus"] == "INVITED" and data["family"]["primaryGuardianName"] == "An Nguyen"
    # Nobody has primary access while the invitation is pending, and the staff member is not primary.
    assert (await h.staff_api(FAMILY, {"f": fid}))["family"]["myRole"] == "STAFF"
    assert (await h.staff_api(MY_FAMILIES))["myFamilies"] == []
    listed = (await h.staff_api(ACCOUNT_FAMILIES, {"a": str(h.account.id)}))["accountFamilies"]["nodes"]
    assert {"id": fid, "name": "Nguyen", "primaryGuardianStatus": "INVITED"} in listed

    await mailbox.deliver()
    msg = mailbox.to("an.nguyen@example.com")[-1]
    assert "primary guardian" in body_text(msg) and "Nguyen family" in body_text(msg)
    accepted = (await api(ACCEPT, {"t": link_token(body_text(msg), "/accept-invitation"), "p": PASSWORD}))["acceptInvitation"]
    assert accepted["errors"] == []

    an = api.as_(accepted["tokens"]["accessToken"])
    assert (await an(FAMILY, {"f": fid}))["family"]["myRole"] == "PRIMARY"
    assert (await Family.get(id=pk(fid))).primary_id == (await User.get(email="an.nguyen@example.com")).id  # type: ignore[attr-defined]
    members = (await h.staff_api(MEMBERS, {"f": fid}))["familyMembers"]["nodes"]
    assert [(m["role"], m["status"]) for m in members] == [("PRIMARY", "ACTIVE")]
    # ... and, as primary, can invite a secondary user.
    added = (await an(ADD, {"f": fid, "input": {"email": "bao@example.com", "firstName": "Bao"}}))["addSecondary"]
    assert (await an(INVITE, {"s": added["secondary"]["id"]}))["inviteSecondary"]["secondary"]["status"] == "INVITED"


async def test_family_names_may_repeat_in_an_account(api: Api) -> None:
    h = await household(api, name="Garcia")
    data = (await h.staff_api(CREATE, _vars(h.account.id, name="Garcia", email="other.garcia@example.com")))["createFamily"]
    assert data["errors"] == [] and data["family"]["id"] != str(h.family.id)


async def test_invalid_input_is_refused_and_nothing_is_written(api: Api) -> None:
    h = await household(api)
    before = await _counts()
    for variables, code, field in (
        (_vars(h.account.id, name="  "), "REQUIRED", "name"),
        (_vars(h.account.id, email="not-an-email"), "INVALID_EMAIL", "primary.email"),
        (_vars(h.account.id, first=" "), "REQUIRED", "primary.firstName"),
    ):
        data = (await h.staff_api(CREATE, variables))["createFamily"]
        assert data["family"] is None and data["errors"] == [{"code": code, "field": field}]
    assert await _counts() == before


async def test_an_email_with_a_pending_invitation_elsewhere_still_gets_its_own(api: Api, mailbox: Mailbox) -> None:
    """Each family is its own invitation target, so two families may invite the same person."""
    h = await household(api)
    for name in ("Nguyen", "Tran"):
        assert (await h.staff_api(CREATE, _vars(h.account.id, name=name)))["createFamily"]["errors"] == []
    assert await Invitation.filter(email="an.nguyen@example.com").count() == 2


async def test_who_may_not_create_a_family(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    _, secondary = await active_secondary(h, api, mailbox)
    other = await household(api, name="Lopez", account=await make_account("Other Gym", admin=await make_user()))
    await mailbox.deliver()
    before = await _counts()
    refusals = (
        (secondary, "FORBIDDEN"),  # a secondary user of a family in the account
        (other.primary_api, "FORBIDDEN"),  # the primary guardian of a family elsewhere
        (other.staff_api, "FORBIDDEN"),  # staff of another account
        (api, "UNAUTHENTICATED"),  # nobody signed in
    )
    for client, code in refusals:
        assert await client.error_code(CREATE, _vars(h.account.id)) == code
    # Nor may the primary guardian of a family in this very account.
    assert await h.primary_api.error_code(CREATE, _vars(h.account.id)) == "FORBIDDEN"
    assert await _counts() == before
    assert not await FamilyMember.filter(role=MemberRole.PRIMARY, status=MemberStatus.INVITED).exists()


RESEND_PRIMARY = """mutation R($f: ID!, $e: String) { resendPrimaryInvite(familyId: $f, email: $e) {
  family { primaryGuardianEmail primaryGuardianStatus } errors { code } } }"""


async def test_staff_resend_an_expired_primary_invitation_with_a_corrected_email(api: Api, mailbox: Mailbox) -> None:
    from datetime import timedelta

    from backend.core.security import utcnow

    h = await household(api)
    fid = (await h.staff_api(CREATE, _vars(h.account.id, email="an.nguyen@exmaple.com")))["createFamily"]["family"]["id"]
    await mailbox.deliver()
    old = link_token(body_text(mailbox.to("an.nguyen@exmaple.com")[-1]), "/accept-invitation")
    await Invitation.all().update(expires_at=utcnow() - timedelta(hours=1))
    listed = (await h.staff_api(ACCOUNT_FAMILIES, {"a": str(h.account.id)}))["accountFamilies"]["nodes"]
    assert {"id": fid, "name": "Nguyen", "primaryGuardianStatus": "INVITATION_EXPIRED"} in listed

    resent = (await h.staff_api(RESEND_PRIMARY, {"f": fid, "e": "an.nguyen@example.com"}))["resendPrimaryInvite"]
    assert resent == {"family": {"primaryGuardianEmail": "an.nguyen@example.com", "primaryGuardianStatus": "INVITED"}, "errors": []}
    await mailbox.deliver()
    new = link_token(body_text(mailbox.to("an.nguyen@example.com")[-1]), "/accept-invitation")
    assert (await api(ACCEPT, {"t": old, "p": PASSWORD}))["acceptInvitation"]["errors"][0]["code"] == "TOKEN_INVALID"
    assert (await api(ACCEPT, {"t": new, "p": PASSWORD}))["acceptInvitation"]["errors"] == []
    again = (await h.staff_api(RESEND_PRIMARY, {"f": fid}))["resendPrimaryInvite"]
    assert again["errors"] == [{"code": "NOT_PENDING"}]


async def test_only_staff_of_the_account_resend_a_primary_invitation(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    fid = (await h.staff_api(CREATE, _vars(h.account.id)))["createFamily"]["family"]["id"]
    other = await household(api, "Lopez", account=await make_account("Elsewhere", admin=await make_user()))
    before = await _counts()
    for client in (other.staff_api, other.primary_api, h.primary_api):
        assert await client.error_code(RESEND_PRIMARY, {"f": fid}) == "FORBIDDEN"
    assert await _counts() == before
    assert (await Invitation.get()).send_count == 1
