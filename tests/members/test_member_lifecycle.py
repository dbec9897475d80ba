from backend.accounts.models import Account, Membership, MembershipStatus
from backend.audit.models import AuditEvent
from backend.invitations.models import Invitation
from tests.conftest import Api, Mailbox, body_text
from tests.factories import gid, link_token, make_account, make_member, make_user, token_for

MEMBERS = "query M($a: ID!, $s: MembershipStatus) { accountMembers(accountId: $a, status: $s) { nodes { user { email } membership { status } } } }"
DEACTIVATE = "mutation D($a: ID!, $u: ID!) { deactivateUser(accountId: $a, userId: $u) { membership { status } errors { code } } }"
REACTIVATE = "mutation R($a: ID!, $u: ID!) { reactivateUser(accountId: $a, userId: $u) { membership { status } errors { code } } }"
REMOVE = "mutation X($a: ID!, $u: ID!) { removeUser(accountId: $a, userId: $u) { ok errors { code } } }"
INVITE = """mutation I($a: ID!, $e: [String!]!) { inviteUsers(accountId: $a, input: {emails: $e}) { results { outcome } } }"""
ACCEPT = """mutation A($t: String!) { acceptInvitation(token: $t, confirmAdult: true, acceptTerms: true) { errors { code } } }"""
ACCOUNT = "query A($a: ID!) { account(accountId: $a) { name } }"
SUBS = "query S($a: ID!) { subAccounts(accountId: $a) { nodes { name } } }"
PERMS = """mutation P($a: ID!, $u: ID!, $r: MembershipRole!, $m: [Module!]!, $s: [ID!]!) {
  setUserPermissions(accountId: $a, userId: $u, role: $r, modules: $m, subAccountIds: $s) {
    membership { role modules subAccountIds } errors { code } } }"""


async def _setup() -> tuple:
    admin = await make_user("boss@example.com")
    account = await make_account("Acme", admin=admin)
    worker = await make_member(account, await make_user("worker@example.com"))
    return admin, account, worker


async def test_deactivate_keeps_history_blocks_access_and_reactivate_restores(api: Api) -> None:
    admin, account, worker = await _setup()
    as_admin, as_worker = api.as_(await token_for(admin)), api.as_(await token_for(worker))
    a, u = str(account.id), str(worker.id)
    assert (await as_admin(DEACTIVATE, {"a": a, "u": u}))["deactivateUser"]["membership"]["status"] == "DEACTIVATED"
    assert await as_worker.error_code(ACCOUNT, {"a": a}) == "FORBIDDEN"
    listed = (await as_admin(MEMBERS, {"a": a, "s": "DEACTIVATED"}))["accountMembers"]["nodes"]
    assert [m["user"]["email"] for m in listed] == ["worker@example.com"]
    # Deactivated is still a member: cannot be invited again.
    assert (await as_admin(INVITE, {"a": a, "e": ["worker@example.com"]}))["inviteUsers"]["results"][0]["outcome"] == "ALREADY_MEMBER"
    assert (await as_admin(REACTIVATE, {"a": a, "u": u}))["reactivateUser"]["membership"]["status"] == "ACTIVE"
    assert (await as_worker(ACCOUNT, {"a": a}))["account"]["name"] == "Acme"
    actions = await AuditEvent.filter(target_user_id=worker.id).order_by("id").values_list("action", flat=True)
    assert actions[-2:] == ["membership.deactivated", "membership.reactivated"]


async def test_remove_deletes_the_membership_and_the_person_can_be_invited_again(api: Api, mailbox: Mailbox) -> None:
    admin, account, worker = await _setup()
    as_admin = api.as_(await token_for(admin))
    a, u = str(account.id), str(worker.id)
    assert (await as_admin(REMOVE, {"a": a, "u": u}))["removeUser"] == {"ok": True, "errors": []}
    assert not await Membership.filter(user=worker).exists()
    assert (await as_admin(INVITE, {"a": a, "e": ["worker@example.com"]}))["inviteUsers"]["results"][0]["outcome"] == "INVITED"
    token = link_token(body_text((await mailbox.deliver())[-1]), "/accept-invitation")
    assert (await api(ACCEPT, {"t": token}))["acceptInvitation"]["errors"] == []
    assert (await Membership.get(user=worker)).status == MembershipStatus.ACTIVE
    assert await Invitation.all().count() == 1


async def test_the_last_admin_cannot_be_deactivated_or_removed(api: Api) -> None:
    admin, account, _ = await _setup()
    as_admin = api.as_(await token_for(admin))
    a, u = str(account.id), str(admin.id)
    assert (await as_admin(DEACTIVATE, {"a": a, "u": u}))["deactivateUser"]["errors"] == [{"code": "INVALID"}]
    assert (await as_admin(REMOVE, {"a": a, "u": u}))["removeUser"]["errors"] == [{"code": "INVALID"}]
    assert (await Membership.get(user=admin)).status == MembershipStatus.ACTIVE


async def test_sub_account_permissions_scope_what_a_user_sees(api: Api) -> None:
    admin, account, worker = await _setup()
    north = await Account.create(name="Acme North", parent=account)
    await Account.create(name="Acme South", parent=account)
    as_admin, as_worker = api.as_(await token_for(admin)), api.as_(await token_for(worker))
    a = str(account.id)
    assert [s["name"] for s in (await as_worker(SUBS, {"a": a}))["subAccounts"]["nodes"]] == ["Acme North", "Acme South"]
    refused = await as_admin(PERMS, {"a": a, "u": str(worker.id), "r": "USER", "m": ["REPORTS", "PAYMENT"], "s": [str(north.id)]})
    assert refused["setUserPermissions"] == {"membership": None, "errors": [{"code": "MODULE_NOT_ALLOWED"}]}
    assert [s["name"] for s in (await as_worker(SUBS, {"a": a}))["subAccounts"]["nodes"]] == ["Acme North", "Acme South"]
    changed = await as_admin(PERMS, {"a": a, "u": str(worker.id), "r": "USER", "m": ["REPORTS"], "s": [str(north.id)]})
    assert changed["setUserPermissions"]["membership"] == {"role": "USER", "modules": ["REPORTS"], "subAccountIds": [gid("Account", north.id)]}
    assert [s["name"] for s in (await as_worker(SUBS, {"a": a}))["subAccounts"]["nodes"]] == ["Acme North"]
    assert [s["name"] for s in (await as_admin(SUBS, {"a": a}))["subAccounts"]["nodes"]] == ["Acme North", "Acme South"]


async def test_members_show_their_last_sign_in(api: Api) -> None:
    admin, account, worker = await _setup()
    doc = "query M($a: ID!) { accountMembers(accountId: $a) { nodes { user { email } lastSignInAt } } }"
    rows = {r["user"]["email"]: r["lastSignInAt"] for r in (await api.as_(await token_for(admin))(doc, {"a": str(account.id)}))["accountMembers"]["nodes"]}
    assert rows["worker@example.com"] is None and rows["boss@example.com"] is not None
    await token_for(worker)
    rows = {r["user"]["email"]: r["lastSignInAt"] for r in (await api.as_(await token_for(admin))(doc, {"a": str(account.id)}))["accountMembers"]["nodes"]}
    assert rows["worker@example.com"] is not None
