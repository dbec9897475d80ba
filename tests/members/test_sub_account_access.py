"""A sub-account grant gives real access in that sub-account, as the role allows, and nowhere
else; a parent account's admins reach every sub-account by default (see accounts/access.py)."""

from backend.accounts.models import Account, Membership, MembershipRole, MembershipStatus
from backend.families.models import Family
from backend.invitations.models import Invitation
from backend.members import service as members
from backend.seats.models import Subscription
from tests.conftest import Api
from tests.factories import make_account, make_member, make_user, token_for

ACCOUNT = "query A($a: ID!) { account(accountId: $a) { name } }"
FAMILIES = "query F($a: ID!) { accountFamilies(accountId: $a) { nodes { name } } }"
MEMBERS = "query M($a: ID!) { accountMembers(accountId: $a) { nodes { user { email } } } }"
SUBS = "query S($a: ID!) { subAccounts(accountId: $a) { nodes { name } } }"
CREATE_FAMILY = """mutation C($a: ID!) { createFamily(accountId: $a, name: "Ng", primary: {email: "ng@example.com", firstName: "Ana"}) {
  errors { code } } }"""
CREATE_SUBSCRIPTION = """mutation S($a: ID!) { createSubscription(accountId: $a, input: {name: "Plan", seatCount: 2,
  startsOn: "2026-01-01", endsOn: "2027-01-01"}) { errors { code } } }"""
INVITE = """mutation I($a: ID!) { inviteUsers(accountId: $a, input: {emails: ["new@example.com"]}) { invitedCount errors { code } } }"""
CAN = "query C($a: ID!, $p: Permission!) { can(accountId: $a, permission: $p) }"


async def _gym() -> tuple:
    owner = await make_user("owner@example.com")
    gym = await make_account("Gym", admin=owner)
    north = await Account.create(name="North", parent=gym)
    south = await Account.create(name="South", parent=gym)
    return owner, gym, north, south


async def _grant(account: Account, email: str, *, role: MembershipRole, modules: list[str], subs: list[int]) -> Api:
    user = await make_member(account, await make_user(email), role=role, modules=modules)
    await Membership.filter(user=user, account=account).update(sub_account_ids=subs)
    return user


async def test_a_grant_on_a_sub_account_gives_access_there_as_the_role_allows(api: Api) -> None:
    owner, gym, north, south = await _gym()
    coach = await _grant(gym, "coach@example.com", role=MembershipRole.USER, modules=["customers", "seats"], subs=[north.id])
    as_coach = api.as_(await token_for(coach))
    n = {"a": str(north.id)}
    assert (await as_coach(ACCOUNT, n))["account"]["name"] == "North"
    assert (await as_coach(FAMILIES, n))["accountFamilies"]["nodes"] == []
    assert (await as_coach(CREATE_FAMILY, n))["createFamily"]["errors"] == []
    assert (await as_coach(CREATE_SUBSCRIPTION, n))["createSubscription"]["errors"] == []
    assert await Family.filter(account=north).count() == 1 and await Subscription.filter(account=north).count() == 1
    # As the role allows: a USER never manages users, not even in the granted sub-account.
    assert await as_coach.error_code(MEMBERS, n) == "FORBIDDEN"
    assert await as_coach.error_code(INVITE, n) == "FORBIDDEN"
    assert (await as_coach(CAN, {**n, "p": "FAMILIES_MANAGE"}))["can"] is True
    assert (await as_coach(CAN, {**n, "p": "PRICING_MANAGE"}))["can"] is False


async def test_a_sibling_not_granted_is_refused_and_nothing_changes(api: Api) -> None:
    owner, gym, north, south = await _gym()
    coach = await _grant(gym, "coach@example.com", role=MembershipRole.USER, modules=["customers", "seats"], subs=[north.id])
    as_coach = api.as_(await token_for(coach))
    s = {"a": str(south.id)}
    for doc in (ACCOUNT, FAMILIES, CREATE_FAMILY, CREATE_SUBSCRIPTION):
        assert await as_coach.error_code(doc, s) == "FORBIDDEN"
    assert await Family.filter(account=south).count() == 0 and await Subscription.filter(account=south).count() == 0
    assert (await as_coach(CAN, {**s, "p": "ACCOUNT_VIEW"}))["can"] is False
    assert [x["name"] for x in (await as_coach(SUBS, {"a": str(gym.id)}))["subAccounts"]["nodes"]] == ["North"]


async def test_a_member_without_named_sub_accounts_reaches_all_of_them(api: Api) -> None:
    owner, gym, north, south = await _gym()
    clerk = await _grant(gym, "clerk@example.com", role=MembershipRole.USER, modules=["customers"], subs=[])
    as_clerk = api.as_(await token_for(clerk))
    for sub in (north, south):
        assert (await as_clerk(FAMILIES, {"a": str(sub.id)}))["accountFamilies"]["nodes"] == []


async def test_a_parent_admin_who_did_not_create_the_sub_account_reaches_it(api: Api) -> None:
    owner, gym, north, south = await _gym()
    # North was created by the owner; a second admin of the parent, added later, still manages it.
    second = await make_member(gym, await make_user("second@example.com"), role=MembershipRole.ADMIN)
    assert not await Membership.exists(user=second, account=north)
    as_second = api.as_(await token_for(second))
    n = {"a": str(north.id)}
    assert (await as_second(MEMBERS, n))["accountMembers"]["nodes"] == []
    assert (await as_second(INVITE, n))["inviteUsers"] == {"invitedCount": 1, "errors": []}
    assert await Invitation.filter(account=north, email="new@example.com").count() == 1
    assert [x["name"] for x in (await as_second(SUBS, {"a": str(gym.id)}))["subAccounts"]["nodes"]] == ["North", "South"]


async def test_a_parent_admin_limited_to_some_sub_accounts_is_refused_in_the_others(api: Api) -> None:
    owner, gym, north, south = await _gym()
    limited = await _grant(gym, "limited@example.com", role=MembershipRole.ADMIN, modules=[], subs=[north.id])
    as_limited = api.as_(await token_for(limited))
    assert (await as_limited(MEMBERS, {"a": str(north.id)}))["accountMembers"]["nodes"] == []
    assert await as_limited.error_code(MEMBERS, {"a": str(south.id)}) == "FORBIDDEN"
    assert await as_limited.error_code(INVITE, {"a": str(south.id)}) == "FORBIDDEN"
    assert await Invitation.all().count() == 0
    # In the parent itself they are a full admin.
    assert len((await as_limited(MEMBERS, {"a": str(gym.id)}))["accountMembers"]["nodes"]) == 2


async def test_a_grant_covers_the_sub_accounts_below_it(api: Api) -> None:
    owner, gym, north, south = await _gym()
    north_east = await Account.create(name="North East", parent=north)
    south_east = await Account.create(name="South East", parent=south)
    coach = await _grant(gym, "coach@example.com", role=MembershipRole.USER, modules=["customers"], subs=[north.id])
    as_coach = api.as_(await token_for(coach))
    assert (await as_coach(FAMILIES, {"a": str(north_east.id)}))["accountFamilies"]["nodes"] == []
    assert await as_coach.error_code(FAMILIES, {"a": str(south_east.id)}) == "FORBIDDEN"


async def test_deactivated_in_the_sub_account_itself_beats_a_grant_from_above(api: Api) -> None:
    owner, gym, north, south = await _gym()
    second = await make_member(gym, await make_user("second@example.com"), role=MembershipRole.ADMIN)
    await make_member(north, second, role=MembershipRole.USER)
    await members.set_status(actor=owner, account_id=north.id, user_id=second.id, status=MembershipStatus.DEACTIVATED)
    as_second = api.as_(await token_for(second))
    assert await as_second.error_code(ACCOUNT, {"a": str(north.id)}) == "FORBIDDEN"
    assert (await as_second(ACCOUNT, {"a": str(south.id)}))["account"]["name"] == "South"


async def test_a_deactivated_parent_membership_reaches_nothing(api: Api) -> None:
    owner, gym, north, south = await _gym()
    second = await make_member(gym, await make_user("second@example.com"), role=MembershipRole.ADMIN)
    token = await token_for(second)
    await members.set_status(actor=owner, account_id=gym.id, user_id=second.id, status=MembershipStatus.DEACTIVATED)
    assert await api.as_(token).error_code(MEMBERS, {"a": str(north.id)}) == "FORBIDDEN"


async def test_an_unrelated_account_is_never_reached(api: Api) -> None:
    owner, gym, north, south = await _gym()
    other_owner = await make_user("other@example.com")
    other = await make_account("Other", admin=other_owner)
    other_sub = await Account.create(name="Other North", parent=other)
    as_owner = api.as_(await token_for(owner))
    assert await as_owner.error_code(MEMBERS, {"a": str(other_sub.id)}) == "FORBIDDEN"
    assert (await as_owner(CAN, {"a": str(other_sub.id), "p": "ACCOUNT_VIEW"}))["can"] is False
