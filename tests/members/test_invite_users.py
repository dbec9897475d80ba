from datetime import timedelta

from backend.accounts.models import Account
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
PENDING = "query P($a: ID!) { pendingInvitations(accountId: $a) { id email status } }"


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
    pending = (await as_admin(PENDING, {"a": str(account.id)}))["pendingInvitations"]
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


async def test_user_type_never_holds_admin_modules(api: Api) -> None:
    admin, account = await _admin()
    asked = ["PRICING", "PAYMENT", "USER_MANAGEMENT", "REPORTS", "SCHEDULING"]
    await api.as_(await token_for(admin))(
        INVITE, {"a": str(account.id), "input": {"emails": ["u@example.com"], "role": "USER", "modules": asked}}
    )
    assert (await Invitation.get(email="u@example.com")).grants["modules"] == ["scheduling", "reports"]


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


async def test_invitations_are_rate_limited_per_admin(api: Api, settings_env) -> None:
    settings_env(RATE_LIMIT_INVITATIONS="3/hour")
    admin, account = await _admin()
    emails = [f"p{i}@example.com" for i in range(5)]
    data = await api.as_(await token_for(admin))(INVITE, {"a": str(account.id), "input": {"emails": emails}})
    outcomes = [r["outcome"] for r in data["inviteUsers"]["results"]]
    assert outcomes == ["INVITED"] * 3 + ["RATE_LIMITED"] * 2
    assert await Invitation.all().count() == 3
