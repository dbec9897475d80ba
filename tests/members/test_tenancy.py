"""Nobody reads or changes another account's data; a refusal changes nothing."""

from backend.accounts.models import Membership, MembershipRole, MembershipStatus
from backend.audit.models import AuditEvent
from backend.invitations.models import Invitation
from backend.members import service as members
from tests.conftest import Api
from tests.factories import make_account, make_member, make_user, token_for

ACCOUNT = "query A($a: ID!) { account(accountId: $a) { name } }"
PENDING = "query P($a: ID!) { pendingInvitations(accountId: $a) { totalCount edges { node { email } } } }"
MEMBERS = "query M($a: ID!) { accountMembers(accountId: $a) { nodes { user { email } } } }"
AUDIT = "query L($a: ID!) { auditLog(accountId: $a) { nodes { action } } }"
INVITE = """mutation I($a: ID!) { inviteUsers(accountId: $a, input: {emails: ["x@example.com"]}) { invitedCount } }"""
DEACTIVATE = "mutation D($a: ID!, $u: ID!) { deactivateUser(accountId: $a, userId: $u) { errors { code } } }"
REMOVE = "mutation R($a: ID!, $u: ID!) { removeUser(accountId: $a, userId: $u) { ok } }"
RESEND = "mutation S($a: ID!, $i: ID!) { resendInvitation(accountId: $a, invitationId: $i) { errors { code } } }"
WITHDRAW = "mutation W($a: ID!, $i: ID!) { removeInvitation(accountId: $a, invitationId: $i) { ok } }"
PERMS = """mutation P($a: ID!, $u: ID!) { setUserPermissions(accountId: $a, userId: $u, role: ADMIN, modules: [],
  subAccountIds: []) { errors { code } } }"""
RESET = "mutation X($a: ID!, $u: ID!) { sendUserPasswordReset(accountId: $a, userId: $u) { ok } }"


async def _two_tenants() -> tuple:
    alice = await make_user("alice@a.example.com")
    bob = await make_user("bob@b.example.com")
    a = await make_account("Tenant A", admin=alice)
    b = await make_account("Tenant B", admin=bob)
    b_member = await make_member(b, await make_user("member@b.example.com"))
    return alice, a, bob, b, b_member


async def test_admin_of_a_gets_forbidden_on_b_and_nothing_changes(api: Api) -> None:
    alice, a, bob, b, b_member = await _two_tenants()
    await members.invite_users(account=b, inviter=bob, emails=["pending@b.example.com"], role=MembershipRole.USER, modules=[], sub_account_ids=[])
    b_invitation = await Invitation.get(email="pending@b.example.com")
    as_alice = api.as_(await token_for(alice))
    before = (await Membership.all().count(), await Invitation.all().count(), await AuditEvent.all().count())

    assert (await as_alice(ACCOUNT, {"a": str(a.id)}))["account"]["name"] == "Tenant A"
    for doc, variables in [
        (ACCOUNT, {"a": str(b.id)}),
        (PENDING, {"a": str(b.id)}),
        (MEMBERS, {"a": str(b.id)}),
        (AUDIT, {"a": str(b.id)}),
        (INVITE, {"a": str(b.id)}),
        (DEACTIVATE, {"a": str(b.id), "u": str(b_member.id)}),
        (REMOVE, {"a": str(b.id), "u": str(b_member.id)}),
        (RESEND, {"a": str(b.id), "i": str(b_invitation.id)}),
        (WITHDRAW, {"a": str(b.id), "i": str(b_invitation.id)}),
        (PERMS, {"a": str(b.id), "u": str(b_member.id)}),
        (RESET, {"a": str(b.id), "u": str(b_member.id)}),
    ]:
        body = await as_alice.raw(doc, variables)
        assert body["data"] is None, body
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", doc

    after = (await Membership.all().count(), await Invitation.all().count(), await AuditEvent.all().count())
    assert after == before
    assert (await Membership.get(user=b_member, account=b)).status == MembershipStatus.ACTIVE
    assert (await Invitation.get(id=b_invitation.id)).send_count == 1


async def test_admin_of_a_cannot_touch_b_invitations_through_a(api: Api) -> None:
    alice, a, bob, b, _ = await _two_tenants()
    await members.invite_users(account=b, inviter=bob, emails=["pending@b.example.com"], role=MembershipRole.USER, modules=[], sub_account_ids=[])
    inv = await Invitation.get()
    body = await api.as_(await token_for(alice)).raw(WITHDRAW, {"a": str(a.id), "i": str(inv.id)})
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert (await Invitation.get()).status.value == "pending"


async def test_admin_of_a_cannot_reach_b_members_through_a(api: Api) -> None:
    alice, a, bob, b, b_member = await _two_tenants()
    body = await api.as_(await token_for(alice)).raw(DEACTIVATE, {"a": str(a.id), "u": str(b_member.id)})
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert (await Membership.get(user=b_member)).status == MembershipStatus.ACTIVE


async def test_plain_user_cannot_manage_users(api: Api) -> None:
    alice, a, *_ = await _two_tenants()
    user = await make_member(a, await make_user("plain@a.example.com"), modules=["reports"])
    as_user = api.as_(await token_for(user))
    assert (await as_user(ACCOUNT, {"a": str(a.id)}))["account"]["name"] == "Tenant A"
    assert await as_user.error_code(PENDING, {"a": str(a.id)}) == "FORBIDDEN"
    assert await as_user.error_code(INVITE, {"a": str(a.id)}) == "FORBIDDEN"
    assert await Invitation.all().count() == 0


async def test_anonymous_is_unauthenticated(api: Api) -> None:
    _, a, *_ = await _two_tenants()
    assert await api.error_code(MEMBERS, {"a": str(a.id)}) == "UNAUTHENTICATED"


async def test_deactivated_membership_is_refused_on_the_next_request(api: Api) -> None:
    alice, a, *_ = await _two_tenants()
    user = await make_member(a, await make_user("plain@a.example.com"))
    token = await token_for(user)
    assert (await api.as_(token)(ACCOUNT, {"a": str(a.id)}))["account"]["name"] == "Tenant A"
    await members.set_status(actor=alice, account_id=a.id, user_id=user.id, status=MembershipStatus.DEACTIVATED)
    assert await api.as_(token).error_code(ACCOUNT, {"a": str(a.id)}) == "FORBIDDEN"


async def test_malformed_ids_are_refused_cleanly(api: Api) -> None:
    alice, a, *_ = await _two_tenants()
    body = await api.as_(await token_for(alice)).raw(ACCOUNT, {"a": "not-a-number"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_bugs_are_masked_but_coded_errors_are_not() -> None:
    from graphql import GraphQLError

    from backend.core.errors import Forbidden
    from backend.schema import should_mask

    assert should_mask(GraphQLError("boom", original_error=ValueError("secret detail")))
    assert not should_mask(GraphQLError("no", original_error=Forbidden()))
    assert not should_mask(GraphQLError("Cannot query field"))


async def test_query_depth_and_alias_limits(api: Api) -> None:
    aliases = "query { " + " ".join(f"a{i}: me {{ user {{ id }} }}" for i in range(25)) + " }"
    body = await api.raw(aliases)
    assert body["errors"] and "aliases" in body["errors"][0]["message"].lower()
    assert MembershipRole.ADMIN  # imported for readers; role names are part of the API
