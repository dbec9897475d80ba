from backend.audit.models import AuditEvent
from backend.families.models import (
    ActiveFamily,
    FamilyMember,
    LedgerEntry,
    MemberStatus,
    PaymentMethod,
    Student,
)
from backend.invitations.models import Invitation, InvitationStatus
from tests.conftest import Api, Mailbox, body_text
from tests.families.helpers import (
    ACCEPT,
    ACCESS,
    ADD,
    BALANCE,
    FAMILY,
    INVITE,
    MEMBERS,
    RESEND,
    REVOKE,
    SECONDARY_PASSWORD,
    TRANSACTIONS,
    active_secondary,
    household,
    invited_secondary,
    secondary_row,
)

ADD_CARD = """mutation C($f: ID!) { addPaymentMethod(familyId: $f, brand: "Amex", last4: "0005") { paymentMethod { id } } }"""
RESET = "mutation P($s: ID!) { sendSecondaryPasswordReset(secondaryId: $s) { ok errors { code } } }"
ADD_STUDENT = """mutation S($f: ID!) { addStudent(familyId: $f, firstName: "Kid", lastName: "G") { student { id } errors { code } } }"""


async def test_primary_revokes_access_ends_at_once_cards_deleted_email_sent(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    f = str(h.family.id)
    sid, jose = await active_secondary(h, api, mailbox)
    await h.primary_api(ACCESS, {"s": sid, "l": True, "p": True})
    await jose(ADD_CARD, {"f": f})
    assert (await jose(FAMILY, {}))["family"]["name"] == "Garcia"
    mailbox.clear()

    revoked = (await h.primary_api(REVOKE, {"s": sid}))["revokeSecondary"]
    assert revoked == {"secondary": {"status": "REVOKED"}, "errors": []}
    # The token Jose already holds no longer opens the family.
    assert await jose.error_code(FAMILY, {"f": f}) == "NOT_FOUND"
    assert await jose.error_code(BALANCE, {"f": f}) == "NOT_FOUND"
    assert await jose.error_code(TRANSACTIONS, {"f": f}) == "NOT_FOUND"
    assert await PaymentMethod.filter(family=h.family).count() == 0
    assert not await ActiveFamily.filter(family=h.family, user__email="jose@example.com").exists()
    [msg] = await mailbox.deliver()
    assert msg["X-Envelope-To"] == "jose@example.com"
    assert "contact the primary guardian" in body_text(msg) and "garcia.primary@example.com" in body_text(msg)
    event = await AuditEvent.get(action="family.secondary_revoked")
    assert event.actor_id == h.primary.id and event.detail["payment_methods_deleted"] == 1
    # Revoked shows in the primary's list, and cannot be revoked twice.
    statuses = {m["id"]: m["status"] for m in (await h.primary_api(MEMBERS, {}))["familyMembers"]["nodes"]}
    assert statuses[sid] == "REVOKED"
    assert (await h.primary_api(REVOKE, {"s": sid}))["revokeSecondary"]["errors"] == [{"code": "NOT_PENDING"}]


async def test_staff_may_revoke_but_never_invite_resend_or_grant(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, jose = await active_secondary(h, api, mailbox)
    added = await h.primary_api(ADD, {"f": str(h.family.id), "input": {"email": "rosa@example.com", "firstName": "Rosa"}})
    rosa = added["addSecondary"]["secondary"]["id"]
    mailbox.clear()
    assert await h.staff_api.error_code(INVITE, {"s": rosa}) == "NOT_FOUND"
    assert await h.staff_api.error_code(RESEND, {"s": rosa}) == "NOT_FOUND"
    assert await h.staff_api.error_code(ACCESS, {"s": sid, "l": True, "p": True}) == "NOT_FOUND"
    assert await h.staff_api.error_code(RESET, {"s": sid}) == "NOT_FOUND"
    assert (await secondary_row(rosa)).status == MemberStatus.NOT_INVITED
    assert not (await secondary_row(sid)).view_full_ledger

    assert (await h.staff_api(REVOKE, {"s": sid}))["revokeSecondary"]["secondary"]["status"] == "REVOKED"
    assert await jose.error_code(FAMILY, {"f": str(h.family.id)}) == "NOT_FOUND"
    assert (await AuditEvent.get(action="family.secondary_revoked")).detail["by"] == "staff"
    assert len(await mailbox.deliver()) == 1


async def test_revoking_an_invited_secondary_kills_the_link(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, token = await invited_secondary(h, mailbox)
    mailbox.clear()
    await h.primary_api(REVOKE, {"s": sid})
    assert (await Invitation.get()).status == InvitationStatus.REVOKED
    data = (await api(ACCEPT, {"t": token, "p": SECONDARY_PASSWORD}))["acceptInvitation"]
    assert data["errors"][0]["code"] == "INVITATION_REVOKED"
    assert await mailbox.deliver() == []  # never had access: nothing to tell


async def test_a_guardian_of_another_family_can_do_nothing(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, _ = await active_secondary(h, api, mailbox)
    other = await household(api, "Lopez", account=h.account)
    f = str(h.family.id)
    before = (
        await FamilyMember.all().count(), await Invitation.all().count(), await Student.all().count(),
        await LedgerEntry.all().count(), await PaymentMethod.all().count(),
    )
    for doc, variables in [
        (FAMILY, {"f": f}), (MEMBERS, {"f": f}), (BALANCE, {"f": f}), (TRANSACTIONS, {"f": f}),
        (ADD, {"f": f, "input": {"email": "x@example.com", "firstName": "X"}}), (INVITE, {"s": sid}),
        (RESEND, {"s": sid}), (ACCESS, {"s": sid, "l": True, "p": True}), (REVOKE, {"s": sid}),
        (RESET, {"s": sid}), (ADD_CARD, {"f": f}), (ADD_STUDENT, {"f": f}),
    ]:
        assert await other.primary_api.error_code(doc, variables) == "NOT_FOUND", doc
    after = (
        await FamilyMember.all().count(), await Invitation.all().count(), await Student.all().count(),
        await LedgerEntry.all().count(), await PaymentMethod.all().count(),
    )
    assert after == before
    assert (await secondary_row(sid)).status == MemberStatus.ACTIVE


async def test_primary_sends_a_password_reset_only_after_acceptance(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, token = await invited_secondary(h, mailbox)
    assert (await h.primary_api(RESET, {"s": sid}))["sendSecondaryPasswordReset"]["errors"] == [{"code": "NOT_PENDING"}]
    await api(ACCEPT, {"t": token, "p": SECONDARY_PASSWORD})
    mailbox.clear()
    assert (await h.primary_api(RESET, {"s": sid}))["sendSecondaryPasswordReset"] == {"ok": True, "errors": []}
    [msg] = await mailbox.deliver()
    assert msg["X-Envelope-To"] == "jose@example.com" and "valid for 15 minutes" in body_text(msg)
