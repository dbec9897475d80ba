"""A person whose only memberships were deactivated is told so, in plain words, at sign-in."""

from backend.accounts.models import MembershipStatus
from backend.auth.models import Session
from backend.members import service as members
from tests.conftest import Api
from tests.factories import PASSWORD, make_account, make_member, make_user

LOGIN = """mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } errors { code message } } }"""


async def test_only_deactivated_memberships_are_explained_and_no_session_starts(api: Api) -> None:
    boss = await make_user("boss@example.com")
    gym = await make_account("Riverside Gymnastics", admin=boss)
    worker = await make_member(gym, await make_user("worker@example.com"))
    await members.set_status(actor=boss, account_id=gym.id, user_id=worker.id, status=MembershipStatus.DEACTIVATED)
    data = (await api(LOGIN, {"e": "worker@example.com", "p": PASSWORD}))["login"]
    assert data == {"tokens": None, "errors": [{
        "code": "ACCESS_TURNED_OFF", "message": "Your access to Riverside Gymnastics was turned off by its administrator.",
    }]}
    assert await Session.filter(user=worker).count() == 0
    # A wrong password learns nothing about the account.
    wrong = (await api(LOGIN, {"e": "worker@example.com", "p": "not-the-password-0"}))["login"]
    assert wrong["errors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_one_active_membership_left_signs_in_as_usual(api: Api) -> None:
    boss = await make_user("boss@example.com")
    gym, pool = await make_account("Gym", admin=boss), await make_account("Pool", admin=boss)
    worker = await make_member(gym, await make_user("worker@example.com"))
    await make_member(pool, worker)
    await members.set_status(actor=boss, account_id=gym.id, user_id=worker.id, status=MembershipStatus.DEACTIVATED)
    assert (await api(LOGIN, {"e": "worker@example.com", "p": PASSWORD}))["login"]["errors"] == []
    await members.set_status(actor=boss, account_id=pool.id, user_id=worker.id, status=MembershipStatus.DEACTIVATED)
    data = (await api(LOGIN, {"e": "worker@example.com", "p": PASSWORD}))["login"]
    assert data["errors"][0]["message"] == "Your access to Gym and Pool was turned off by their administrators."


async def test_other_access_such_as_a_family_still_signs_in(api: Api) -> None:
    boss = await make_user("boss@example.com")
    gym = await make_account("Gym", admin=boss)
    person = await make_user("parent@example.com")
    await _family(gym, person)
    await make_member(gym, person)
    await members.set_status(actor=boss, account_id=gym.id, user_id=person.id, status=MembershipStatus.DEACTIVATED)
    assert (await api(LOGIN, {"e": "parent@example.com", "p": PASSWORD}))["login"]["errors"] == []


async def _family(account, person) -> None:  # type: ignore[no-untyped-def]
    from backend.families.models import Family, FamilyMember, MemberRole, MemberStatus

    family = await Family.create(account=account, name="Garcia", primary=person)
    await FamilyMember.create(family=family, user=person, role=MemberRole.PRIMARY, status=MemberStatus.ACTIVE, email=person.email)
