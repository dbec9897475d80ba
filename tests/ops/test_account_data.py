"""Per-account export and erasure of a person's personal data, both audited."""

import json
import subprocess
import sys

from backend.accounts.models import User, UserStatus
from backend.audit.models import AuditEvent
from backend.core.errors import NotFound
from backend.core.mail.models import OutboxEmail
from backend.families.models import FamilyMember
from backend.invitations.models import Invitation
from backend.ops.erasure import erase_person, pseudonym
from backend.ops.export import export_account
from tests.conftest import Api, Mailbox
from tests.factories import PASSWORD, make_account, make_seat_user, make_subscription, make_user, pk, token_for
from tests.families.helpers import active_secondary, household

INVITE = """mutation I($a: ID!, $e: [String!]!) { inviteUsers(accountId: $a, input: {emails: $e}) { invitedCount } }"""
LOGIN = """mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"""
ME = "query { me { user { email } } }"


async def test_export_has_the_accounts_people_families_seats_invitations_and_audit(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, _ = await active_secondary(h, api, mailbox)
    other = await make_account("Other Gym", admin=await make_user("other.admin@example.com"))
    sub = await make_subscription(h.account, h.primary, seats=2)
    seated = await make_seat_user(sub, first="Seated")
    admin = await User.get(memberships__account_id=h.account.id, memberships__role="admin")
    await api.as_(await token_for(admin))(INVITE, {"a": str(h.account.id), "e": ["pending.person@example.com"]})

    data = await export_account(account_id=h.account.id, requested_by="test: ticket 42")

    emails = {p["email"] for p in data["people"]}
    assert {"garcia.primary@example.com", "jose@example.com", "staff.garcia@example.com", seated.email} <= emails
    assert "other.admin@example.com" not in json.dumps(data)  # another tenant's person
    assert [f["name"] for f in data["families"]] == ["Garcia"]
    assert {m["email"] for m in data["family_members"]} >= {"garcia.primary@example.com", "jose@example.com"}
    assert [s["name"] for s in data["subscriptions"]] == ["Team plan"] and seated.id in [s["user_id"] for s in data["seats"]]
    assert "pending.person@example.com" in [i["email"] for i in data["invitations"]]
    assert data["audit_log"] and all(e["action"] for e in data["audit_log"])
    text = json.dumps(data)
    assert "password_hash" not in text and "token_hash" not in text and PASSWORD not in text
    assert other.id not in [a["id"] for a in data["sub_accounts"]]
    [event] = await AuditEvent.filter(action="account.exported", account_id=h.account.id)
    assert event.detail["requested_by"] == "test: ticket 42" and event.detail["counts"]["families"] == 1


async def test_exporting_a_missing_account_is_not_found() -> None:
    try:
        await export_account(account_id=999999, requested_by="test")
    except NotFound:
        pass
    else:
        raise AssertionError("expected NotFound")
    assert not await AuditEvent.filter(action="account.exported").exists()


async def test_erasure_replaces_every_copy_of_the_person_and_keeps_the_audit_trail(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, jose_api = await active_secondary(h, api, mailbox)
    jose = await User.get(email="jose@example.com")
    admin = await User.get(memberships__account_id=h.account.id, memberships__role="admin")
    # Queued, not yet sent: an invitation to the same address in another account.
    other = await make_account("Second Gym", admin=admin)
    await api.as_(await token_for(admin))(INVITE, {"a": str(other.id), "e": ["jose@example.com"]})
    events_before = await AuditEvent.all().count()
    audited_ids = set(await AuditEvent.filter(target_user_id=jose.id).values_list("id", flat=True))

    name = await erase_person(email="Jose@Example.com", requested_by="test: dsr 7")

    assert name == pseudonym(jose.id)
    jose = await User.get(id=jose.id)
    assert (jose.email, jose.first_name, jose.password_hash, jose.status) == (
        f"{name}@erased.invalid", "Erased", None, UserStatus.DISABLED)
    assert (await FamilyMember.get(id=pk(sid))).email == f"{name}@erased.invalid"
    for table in (User, FamilyMember, Invitation, OutboxEmail):
        assert not await table.filter(**{"to_email" if table is OutboxEmail else "email": "jose@example.com"}).exists()
    for event in await AuditEvent.all():
        assert "jose@example.com" not in json.dumps(event.detail).lower() and event.target_email != "jose@example.com"
    # The trail is whole: every event kept, still about the same person, plus the erasure itself.
    assert await AuditEvent.all().count() == events_before + 1
    assert audited_ids <= set(await AuditEvent.filter(target_user_id=jose.id).values_list("id", flat=True))
    [erased] = await AuditEvent.filter(action="person.erased")
    assert erased.target_user_id == jose.id and erased.detail == {"requested_by": "test: dsr 7"}
    # Signed out everywhere and cannot sign in again.
    assert (await jose_api.raw(ME)) == {"data": {"me": None}}
    assert (await api(LOGIN, {"e": "jose@example.com", "p": "secondary-own-passphrase-5"}))["login"]["errors"] == [
        {"code": "INVALID_CREDENTIALS"}]


async def test_erasing_someone_unknown_changes_nothing() -> None:
    before = await AuditEvent.all().count()
    try:
        await erase_person(email="nobody@example.com", requested_by="test")
    except NotFound:
        pass
    else:
        raise AssertionError("expected NotFound")
    assert await AuditEvent.all().count() == before


def test_erase_person_on_the_command_line_needs_yes() -> None:
    result = subprocess.run([sys.executable, "-m", "backend.cli", "erase-person", "someone@example.com"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--yes" in result.stderr
