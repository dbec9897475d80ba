from datetime import timedelta

from backend.accounts.models import Account, MembershipRole
from backend.core.security import utcnow
from backend.invitations.models import Invitation, InvitationStatus
from tests.conftest import Api, Mailbox
from tests.factories import make_account, make_member, make_user, token_for

INVITE = """
mutation Invite($a: ID!, $input: InviteUsersInput!) {
  inviteUsers(accountId: $a, input: $input) {
    invitedCount results { email outcome message } errors { code field }
  }
}"""
PENDING = "query P($a: ID!) { pendingInvitations(accountId: $a) { edges { node { id email status } } } }"


async def _admin() -> tuple:
    admin = await make_user("boss@example.com")
    account = await make_account("Acme", admin=admin)
    return admin, account


async def test_each_address_is_answered_with_a_reason(api: Api, mailbox: Mailbox) -> None:
    admin, account = await _admin()
    await make_member(account, await make_user("member@example.com"))
    as_admin = api.as_(await token_for(admin))
    await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["pending@example.com"]}})
    await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["stale@example.com"]}})
    await Invitation.filter(email="stale@example.com").update(expires_at=utcnow() - timedelta(hours=1))

    emails = [
        "New@Example.com", "member@example.com", "pending@example.com", "stale@example.com",
        "temp@mailinator.com", "not-an-email", "new@example.com", "  ",
    ]
    data = (await as_admin(INVITE, {"a": str(account.id), "input": {"emails": emails}}))["inviteUsers"]
    assert [(r["email"], r["outcome"]) for r in data["results"]] == [
        ("new@example.com", "INVITED"),
        ("member@example.com", "ALREADY_MEMBER"),
        ("pending@example.com", "ALREADY_INVITED"),
        ("stale@example.com", "PREVIOUSLY_INVITED"),
        ("temp@mailinator.com", "DISPOSABLE_EMAIL"),
        ("not-an-email", "INVALID_EMAIL"),
        ("new@example.com", "DUPLICATE"),
    ]
    assert data["invitedCount"] == 1 and data["errors"] == []
    pending = [e["node"] for e in (await as_admin(PENDING, {"a": str(account.id)}))["pendingInvitations"]["edges"]]
    assert sorted(p["email"] for p in pending) == ["new@example.com", "pending@example.com", "stale@example.com"]
    assert {p["email"]: p["status"] for p in pending}["stale@example.com"] == "EXPIRED"
    await mailbox.deliver()
    assert len(mailbox.to("new@example.com")) == 1 and not mailbox.to("temp@mailinator.com")


async def test_account_user_links_last_seven_days_or_the_account_setting(api: Api) -> None:
    admin, account = await _admin()
    as_admin = api.as_(await token_for(admin))
    await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["a@example.com"]}})
    inv = await Invitation.get(email="a@example.com")
    assert abs((inv.expires_at - utcnow()) - timedelta(days=7)) < timedelta(minutes=1)
    await Account.filter(id=account.id).update(invitation_hours={"account_user": 24})
    await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["b@example.com"]}})
    inv = await Invitation.get(email="b@example.com")
    assert abs((inv.expires_at - utcnow()) - timedelta(hours=24)) < timedelta(minutes=1)


async def test_user_type_asking_for_admin_modules_is_refused_by_name(api: Api, mailbox: Mailbox) -> None:
    admin, account = await _admin()
    as_admin = api.as_(await token_for(admin))
    asked = ["PAYMENT", "REPORTS", "SCHEDULING"]
    data = await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["u@example.com"], "role": "USER", "modules": asked}})
    assert data["inviteUsers"]["errors"] == [{"code": "MODULE_NOT_ALLOWED", "field": "modules"}]
    assert data["inviteUsers"]["invitedCount"] == 0 and data["inviteUsers"]["results"] == []
    assert await Invitation.all().count() == 0 and await mailbox.deliver() == []
    ok = await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["u@example.com"], "role": "USER", "modules": ["REPORTS", "SCHEDULING"]}})
    assert ok["inviteUsers"]["invitedCount"] == 1
    assert (await Invitation.get(email="u@example.com")).grants["modules"] == ["scheduling", "reports"]


async def test_the_refusal_names_every_admin_only_module_asked_for(api: Api) -> None:
    admin, account = await _admin()
    doc = "mutation I($a: ID!, $input: InviteUsersInput!) { inviteUsers(accountId: $a, input: $input) { errors { code message } } }"
    data = await api.as_(await token_for(admin))(
        doc, {"a": str(account.id), "input": {"emails": ["u@example.com"], "modules": ["USER_MANAGEMENT", "PRICING"]}}
    )
    [error] = data["inviteUsers"]["errors"]
    assert error["code"] == "MODULE_NOT_ALLOWED" and "PRICING" in error["message"] and "USER_MANAGEMENT" in error["message"]


async def test_too_many_addresses_are_refused_whole(api: Api) -> None:
    admin, account = await _admin()
    emails = [f"p{i}@example.com" for i in range(101)]
    data = (await api.as_(await token_for(admin))(INVITE, {"a": str(account.id), "input": {"emails": emails}}))
    assert data["inviteUsers"]["errors"] == [{"code": "TOO_MANY", "field": "emails"}]
    assert await Invitation.all().count() == 0


async def test_sub_accounts_must_belong_to_the_account(api: Api) -> None:
    admin, account = await _admin()
    sub = await Account.create(name="Acme North", parent=account)
    foreign = await make_account("Other")
    as_admin = api.as_(await token_for(admin))
    bad = await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["x@example.com"], "subAccountIds": [str(foreign.id)]}})
    assert bad["inviteUsers"]["errors"][0]["code"] == "INVALID"
    good = await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["x@example.com"], "subAccountIds": [str(sub.id)]}})
    assert good["inviteUsers"]["invitedCount"] == 1
    assert (await Invitation.get(email="x@example.com")).grants["sub_account_ids"] == [sub.id]


async def test_remove_and_resend_pending_invitations(api: Api, mailbox: Mailbox) -> None:
    admin, account = await _admin()
    as_admin = api.as_(await token_for(admin))
    await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["x@example.com"]}})
    inv = await Invitation.get()
    remove = "mutation R($a: ID!, $i: ID!) { removeInvitation(accountId: $a, invitationId: $i) { ok errors { code } } }"
    assert (await as_admin(remove, {"a": str(account.id), "i": str(inv.id)}))["removeInvitation"]["ok"] is True
    assert (await Invitation.get()).status == InvitationStatus.REVOKED
    again = await as_admin(remove, {"a": str(account.id), "i": str(inv.id)})
    assert again["removeInvitation"]["errors"] == [{"code": "NOT_PENDING"}]
    # A withdrawn invitation does not block a new one.
    data = await as_admin(INVITE, {"a": str(account.id), "input": {"emails": ["x@example.com"]}})
    assert data["inviteUsers"]["results"][0]["outcome"] == "INVITED"


async def test_invitations_are_limited_per_account_per_day(api: Api, settings_env) -> None:
    settings_env(INVITATION_DAILY_QUOTA="3")
    admin, account = await _admin()
    other_admin = await make_member(account, await make_user("second@example.com"), role=MembershipRole.ADMIN)
    emails = [f"p{i}@example.com" for i in range(2)]
    data = await api.as_(await token_for(admin))(INVITE, {"a": str(account.id), "input": {"emails": emails}})
    assert [r["outcome"] for r in data["inviteUsers"]["results"]] == ["INVITED"] * 2
    # The quota is the account's, whoever sends: a second admin gets the one left, then a clear refusal.
    more = [f"q{i}@example.com" for i in range(3)]
    data = await api.as_(await token_for(other_admin))(INVITE, {"a": str(account.id), "input": {"emails": more}})
    results = data["inviteUsers"]["results"]
    assert [r["outcome"] for r in results] == ["INVITED", "RATE_LIMITED", "RATE_LIMITED"]
    assert results[1]["message"] == "This account has used its 3 invitations for the last 24 hours; try again later."
    assert await Invitation.all().count() == 3
    # Another account has its own quota.
    elsewhere = await make_account("Elsewhere", admin=admin)
    data = await api.as_(await token_for(admin))(INVITE, {"a": str(elsewhere.id), "input": {"emails": ["z@example.com"]}})
    assert data["inviteUsers"]["invitedCount"] == 1
