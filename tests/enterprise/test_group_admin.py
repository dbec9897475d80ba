"""Group admins run their group without code: people, levels, subgroups, login-as users."""

from __future__ import annotations

import pytest

from backend.audit.models import AuditEvent
from backend.core.errors import DomainError, ErrorCode, Forbidden
from backend.enterprise import admin
from backend.enterprise.models import EnterpriseGroup, EnterpriseGroupAccount, EnterpriseLevel, EnterpriseSubgroup, EnterpriseUser
from tests.conftest import Api
from tests.enterprise.conftest import Group, make_group
from tests.enterprise.test_act_as_in_account import ACT_AS, ISSUER, MY_ACCOUNTS, person_token
from tests.factories import gid, make_user

GROUPS = "{ myEnterpriseGroups { id name myLevel mySubgroupId isAdmin } }"
PEOPLE = "query P($g: ID!) { enterprisePeople(groupId: $g) { nodes { email level active subgroupId } } }"
ACCOUNTS = "query A($g: ID!) { enterpriseMemberAccounts(groupId: $g) { nodes { name userLoginAs { email } adminLoginAs { email } } } }"
SUBGROUPS = "query S($g: ID!) { enterpriseSubgroups(groupId: $g) { nodes { name accountIds } } }"
CREATE_SUBGROUP = """mutation C($g: ID!, $n: String!, $a: [ID!]!) { createEnterpriseSubgroup(groupId: $g, name: $n, accountIds: $a) {
  subgroup { id name accountIds } errors { code field } } }"""
SET_SUBGROUP = """mutation S($p: ID!, $s: ID) { setEnterpriseUserSubgroup(enterpriseUserId: $p, subgroupId: $s) {
  enterpriseUser { email subgroupId } errors { code } } }"""
SET_LEVEL = """mutation L($p: ID!, $l: EnterpriseLevel!) { setEnterpriseUserLevel(enterpriseUserId: $p, level: $l) {
  enterpriseUser { email level } errors { code } } }"""
LOGIN_AS = """mutation L($g: ID!, $a: ID!, $u: String, $d: String) {
  setLoginAsUsers(groupId: $g, accountId: $a, userLoginAs: $u, adminLoginAs: $d) {
    account { name userLoginAs { email } adminLoginAs { email } } errors { code field } } }"""
CREATE = """mutation C($g: ID!, $i: CreateEnterpriseUserInput!) { createEnterpriseUser(groupId: $g, input: $i) {
  enterpriseUser { email level subgroupId } errors { code } } }"""
REMOVE = "mutation R($p: ID!) { removeEnterpriseUser(enterpriseUserId: $p) { errors { code } } }"
PROVIDERS = "query P($g: ID!) { enterpriseIdentityProviders(groupId: $g) { key displayName } }"


async def _ada(api: Api) -> Api:
    return api.as_(await person_token("ada@corp.example.com"))


async def test_my_groups_and_my_level(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = await _ada(api)
    assert (await ada(GROUPS))["myEnterpriseGroups"] == [
        {"id": gid("EnterpriseGroupType", group.group.id), "name": "Corp Gyms", "myLevel": "ADMIN", "mySubgroupId": None, "isAdmin": True}
    ]
    outsider = api.as_(await person_token_for_new_user())
    assert (await outsider(GROUPS))["myEnterpriseGroups"] == []


async def person_token_for_new_user() -> str:
    from tests.factories import token_for

    return await token_for(await make_user("someone@example.com"))


async def test_people_with_level_status_and_subgroup(api: Api) -> None:
    group = await make_group(ISSUER)
    rows = (await (await _ada(api))(PEOPLE, {"g": str(group.group.id)}))["enterprisePeople"]["nodes"]
    assert [(r["email"], r["level"], r["active"]) for r in rows] == [
        ("ada@corp.example.com", "ADMIN", True), ("bob@corp.example.com", "USER", False),
        ("carl@corp.example.com", "USER", True), ("una@corp.example.com", "USER", True),
    ]
    carl = api.as_(await person_token("carl@corp.example.com"))  # USER level
    assert await carl.error_code(PEOPLE, {"g": str(group.group.id)}) == "FORBIDDEN"


async def test_set_login_as_users_accepts_only_active_staff_of_the_account(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = await _ada(api)
    vars_ = {"g": str(group.group.id), "a": str(group.gym_a)}
    swapped = (await ada(LOGIN_AS, {**vars_, "u": "office@corp.example.com", "d": "office@corp.example.com"}))["setLoginAsUsers"]
    assert swapped == {"account": {"name": "Gym A", "userLoginAs": {"email": "office@corp.example.com"},
                                   "adminLoginAs": {"email": "office@corp.example.com"}}, "errors": []}
    await make_user("stranger@corp.example.com")
    refused = (await ada(LOGIN_AS, {**vars_, "u": "stranger@corp.example.com"}))["setLoginAsUsers"]
    assert refused == {"account": None, "errors": [{"code": "NOT_ACCOUNT_STAFF", "field": "userLoginAs"}]}
    link = await EnterpriseGroupAccount.get(group_id=group.group.id, account_id=group.gym_a)
    assert link.user_login_as_id == group.office_admin.id  # type: ignore[attr-defined]
    outside = {"g": str(group.group.id), "a": str(group.outside), "u": "frontdesk@corp.example.com"}
    assert await ada.error_code(LOGIN_AS, outside) == "FORBIDDEN"  # not a member account of the group
    assert await AuditEvent.filter(action="enterprise.login_as_set").count() == 1


async def test_changing_level_changes_whom_they_act_as_and_ends_the_old_session(api: Api) -> None:
    group = await make_group(ISSUER)
    carl_person = await EnterpriseUser.get(email="carl@corp.example.com")
    carl = api.as_(await person_token("carl@corp.example.com"))
    before = (await carl(ACT_AS, {"a": str(group.gym_a)}))["actAsInAccount"]
    assert before["user"]["email"] == "frontdesk@corp.example.com"
    result = (await (await _ada(api))(SET_LEVEL, {"p": str(carl_person.id), "l": "ADMIN"}))["setEnterpriseUserLevel"]
    assert result == {"enterpriseUser": {"email": "carl@corp.example.com", "level": "ADMIN"}, "errors": []}
    assert (await api.as_(before["accessToken"])("{ me { user { email } } }")) == {"me": None}
    after = (await carl(ACT_AS, {"a": str(group.gym_a)}))["actAsInAccount"]
    assert after["user"]["email"] == "office@corp.example.com"
    assert await AuditEvent.filter(action="enterprise.user_level_set").count() == 1


async def _subgroup_a(api: Api, group: Group) -> str:
    made = (await (await _ada(api))(CREATE_SUBGROUP, {"g": str(group.group.id), "n": "North", "a": [str(group.gym_a)]}))
    assert made["createEnterpriseSubgroup"]["errors"] == []
    return made["createEnterpriseSubgroup"]["subgroup"]["id"]


async def test_a_subgroup_admin_sees_and_reaches_only_its_accounts(api: Api) -> None:
    group = await make_group(ISSUER)
    north = await _subgroup_a(api, group)
    ada = await _ada(api)
    # Dana: admin of the North subgroup.
    created = (await ada(CREATE, {"g": str(group.group.id), "i": {"email": "dana@corp.example.com", "level": "ADMIN", "subgroupId": north}}))
    assert created["createEnterpriseUser"]["enterpriseUser"] == {"email": "dana@corp.example.com", "level": "ADMIN", "subgroupId": north}
    dana = api.as_(await person_token("dana@corp.example.com"))
    assert [a["name"] for a in (await dana(ACCOUNTS, {"g": str(group.group.id)}))["enterpriseMemberAccounts"]["nodes"]] == ["Gym A"]
    assert [a["name"] for a in (await dana(MY_ACCOUNTS))["myEnterpriseAccounts"]] == ["Gym A"]
    assert await dana.error_code(ACT_AS, {"a": str(group.gym_b)}) == "FORBIDDEN"
    assert (await dana(ACT_AS, {"a": str(group.gym_a)}))["actAsInAccount"]["user"]["email"] == "office@corp.example.com"
    # Her people: only the subgroup's; she cannot manage whole-group people or subgroups.
    assert [p["email"] for p in (await dana(PEOPLE, {"g": str(group.group.id)}))["enterprisePeople"]["nodes"]] == ["dana@corp.example.com"]
    carl = await EnterpriseUser.get(email="carl@corp.example.com")
    assert await dana.error_code(SET_LEVEL, {"p": str(carl.id), "l": "ADMIN"}) == "FORBIDDEN"
    assert await dana.error_code(CREATE_SUBGROUP, {"g": str(group.group.id), "n": "Mine", "a": []}) == "FORBIDDEN"
    assert await dana.error_code(LOGIN_AS, {"g": str(group.group.id), "a": str(group.gym_b), "u": "office@corp.example.com"}) == "FORBIDDEN"
    assert (await dana(SUBGROUPS, {"g": str(group.group.id)}))["enterpriseSubgroups"]["nodes"] == [{"name": "North", "accountIds": [gid("Account", group.gym_a)]}]
    # People she adds land in her subgroup.
    added = (await dana(CREATE, {"g": str(group.group.id), "i": {"email": "eli@corp.example.com"}}))["createEnterpriseUser"]
    assert added["enterpriseUser"]["subgroupId"] == north


async def test_moving_a_person_into_a_subgroup_ends_act_as_outside_it(api: Api) -> None:
    group = await make_group(ISSUER)
    north = await _subgroup_a(api, group)
    carl_person = await EnterpriseUser.get(email="carl@corp.example.com")
    carl = api.as_(await person_token("carl@corp.example.com"))
    in_b = (await carl(ACT_AS, {"a": str(group.gym_b)}))["actAsInAccount"]
    moved = (await (await _ada(api))(SET_SUBGROUP, {"p": str(carl_person.id), "s": north}))["setEnterpriseUserSubgroup"]
    assert moved == {"enterpriseUser": {"email": "carl@corp.example.com", "subgroupId": north}, "errors": []}
    assert (await api.as_(in_b["accessToken"])("{ me { user { email } } }")) == {"me": None}


async def test_subgroups_hold_only_the_groups_accounts_and_removal_is_audited(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = await _ada(api)
    bad = (await ada(CREATE_SUBGROUP, {"g": str(group.group.id), "n": "South", "a": [str(group.outside)]}))
    assert bad["createEnterpriseSubgroup"] == {"subgroup": None, "errors": [{"code": "INVALID", "field": "accountIds"}]}
    assert await EnterpriseSubgroup.all().count() == 0
    bob = await EnterpriseUser.get(email="bob@corp.example.com")
    assert (await ada(REMOVE, {"p": str(bob.id)}))["removeEnterpriseUser"] == {"errors": []}
    assert not await EnterpriseUser.exists(id=bob.id)
    assert await AuditEvent.filter(action="enterprise.user_removed").count() == 1
    assert (await ada(PROVIDERS, {"g": str(group.group.id)}))["enterpriseIdentityProviders"] == []


async def test_operators_only_add_accounts(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = await EnterpriseUser.get(email="ada@corp.example.com").select_related("user")
    manager = await admin.group_admin(user=ada.user, group_id=group.group.id)
    assert manager.actor_id == ada.user.id and manager.whole_group
    with pytest.raises(Forbidden):
        await admin.add_account(manager, account_id=group.outside)
    assert not await EnterpriseGroupAccount.exists(account_id=group.outside)
    assert EnterpriseLevel.ADMIN == ada.level


async def test_the_session_load_says_who_is_an_enterprise_user(api: Api) -> None:
    """The portal reads this with `me` instead of asking for enterprise accounts on every page."""
    group = await make_group(ISSUER)
    doc = "{ me { isEnterpriseUser actAsAccountId } }"
    ada = await _ada(api)
    assert (await ada(doc))["me"] == {"isEnterpriseUser": True, "actAsAccountId": None}
    acting = api.as_((await ada(ACT_AS, {"a": str(group.gym_b)}))["actAsInAccount"]["accessToken"])
    assert (await acting(doc))["me"] == {"isEnterpriseUser": False, "actAsAccountId": gid("Account", group.gym_b)}
    plain = api.as_(await person_token_for_new_user())
    assert (await plain(doc))["me"] == {"isEnterpriseUser": False, "actAsAccountId": None}


async def test_a_removed_person_can_be_added_again_by_their_group_only(api: Api) -> None:
    from backend.accounts.models import User, UserStatus

    group = await make_group(ISSUER)
    ada = await _ada(api)
    bob = await EnterpriseUser.get(email="bob@corp.example.com")
    assert (await ada(REMOVE, {"p": str(bob.id)}))["removeEnterpriseUser"] == {"errors": []}
    assert (await User.get(id=bob.user_id)).status == UserStatus.DISABLED  # type: ignore[attr-defined]
    # Another group cannot take over the removed person's sign-in.
    other = await EnterpriseGroup.create(name="Other Gyms", issuer="")
    from backend.enterprise import service
    with pytest.raises(DomainError) as refused:
        await service.register_person(group_id=other.id, email="bob@corp.example.com", first_name="B", last_name="",
                                      level=EnterpriseLevel.USER)
    assert refused.value.code == ErrorCode.ALREADY_MEMBER
    # Their own group adds them back: the same sign-in, active again.
    again = (await ada(CREATE, {"g": str(group.group.id), "i": {"email": "bob@corp.example.com", "firstName": "Bob"}}))
    assert again["createEnterpriseUser"]["errors"] == [] and again["createEnterpriseUser"]["enterpriseUser"]["email"] == "bob@corp.example.com"
    back = await EnterpriseUser.get(email="bob@corp.example.com")
    assert back.user_id == bob.user_id and (await User.get(id=bob.user_id)).status == UserStatus.ACTIVE  # type: ignore[attr-defined]
