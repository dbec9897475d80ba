"""myEnterpriseAccounts and actAsInAccount: acting as the group's mapped staff user."""

from __future__ import annotations

from backend.audit.models import AuditEvent
from backend.auth.models import Session
from backend.enterprise.models import EnterpriseUser
from tests.conftest import Api
from tests.enterprise.conftest import Group, make_group
from tests.factories import gid, make_user, token_for

ISSUER = "https://idp.example.com"
MY_ACCOUNTS = "{ myEnterpriseAccounts { accountId name canAct permissions loginAs { email } } }"
ACT_AS = "mutation A($a: ID!) { actAsInAccount(accountId: $a) { accessToken refreshToken user { email } } }"
ME = "{ me { user { email } memberships { account { name } permissions } } }"


async def person_token(email: str) -> str:
    person = await EnterpriseUser.get(email=email).select_related("user")
    return await token_for(person.user)


async def test_my_accounts_show_the_mapped_staff_user_and_its_permissions(api: Api) -> None:
    await make_group(ISSUER)
    carl = api.as_(await person_token("carl@corp.example.com"))
    rows = (await carl(MY_ACCOUNTS))["myEnterpriseAccounts"]
    assert [(r["name"], r["loginAs"]["email"], r["canAct"]) for r in rows] == [
        ("Gym A", "frontdesk@corp.example.com", True), ("Gym B", "frontdesk@corp.example.com", True),
    ]
    # Same staff user, different permissions per account (the spec's point).
    assert rows[0]["permissions"] == ["ACCOUNT_VIEW", "FAMILIES_MANAGE"]
    assert rows[1]["permissions"] == ["ACCOUNT_VIEW", "REPORTS_VIEW"]
    ada = api.as_(await person_token("ada@corp.example.com"))
    admin_rows = (await ada(MY_ACCOUNTS))["myEnterpriseAccounts"]
    assert {r["loginAs"]["email"] for r in admin_rows} == {"office@corp.example.com"}
    assert "USERS_MANAGE" in admin_rows[0]["permissions"]


async def test_user_level_acts_as_the_user_login_as_staff_user(api: Api) -> None:
    group = await make_group(ISSUER)
    carl = api.as_(await person_token("carl@corp.example.com"))
    tokens = (await carl(ACT_AS, {"a": str(group.gym_b)}))["actAsInAccount"]
    assert tokens["user"] == {"email": "frontdesk@corp.example.com"}
    me = (await api.as_(tokens["accessToken"])(ME))["me"]
    assert me["user"] == {"email": "frontdesk@corp.example.com"}
    gym_b = next(m for m in me["memberships"] if m["account"]["name"] == "Gym B")
    assert "REPORTS_VIEW" in gym_b["permissions"] and "USERS_MANAGE" not in gym_b["permissions"]
    event = await AuditEvent.get(action="enterprise.act_as")
    assert (event.account_id, event.target_user_id) == (group.gym_b, group.front_desk.id)  # type: ignore[attr-defined]


async def test_admin_level_acts_as_the_admin_login_as_staff_user(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = api.as_(await person_token("ada@corp.example.com"))
    tokens = (await ada(ACT_AS, {"a": str(group.gym_a)}))["actAsInAccount"]
    assert tokens["user"] == {"email": "office@corp.example.com"}
    me = (await api.as_(tokens["accessToken"])(ME))["me"]
    assert "USERS_MANAGE" in me["memberships"][0]["permissions"]


async def refused(api: Api, token: str, account_id: int) -> str:
    sessions = await Session.all().count()
    code = await api.as_(token).error_code(ACT_AS, {"a": str(account_id)})
    assert await Session.all().count() == sessions
    assert not await AuditEvent.exists(action="enterprise.act_as")
    return code


async def test_an_account_outside_the_group_is_forbidden(api: Api) -> None:
    group: Group = await make_group(ISSUER)
    assert await refused(api, await person_token("carl@corp.example.com"), group.outside) == "FORBIDDEN"


async def test_an_inactive_enterprise_user_is_forbidden(api: Api) -> None:
    group = await make_group(ISSUER)
    bob = await person_token("bob@corp.example.com")
    assert await refused(api, bob, group.gym_a) == "FORBIDDEN"
    assert await api.as_(bob).error_code(MY_ACCOUNTS) == "FORBIDDEN"


async def test_a_missing_mapping_is_forbidden(api: Api) -> None:
    from backend.enterprise.models import EnterpriseGroupAccount

    group = await make_group(ISSUER)
    await EnterpriseGroupAccount.filter(account_id=group.gym_a).update(user_login_as_id=None)
    carl = await person_token("carl@corp.example.com")
    assert await refused(api, carl, group.gym_a) == "FORBIDDEN"
    rows = (await api.as_(carl)(MY_ACCOUNTS))["myEnterpriseAccounts"]
    assert rows[0] == {"accountId": gid("Account", group.gym_a), "name": "Gym A", "canAct": False, "permissions": [], "loginAs": None}


async def test_people_outside_any_group_are_forbidden(api: Api) -> None:
    group = await make_group(ISSUER)
    stranger = await token_for(await make_user("stranger@example.com"))
    assert await refused(api, stranger, group.gym_a) == "FORBIDDEN"
    assert await api.error_code(ACT_AS, {"a": str(group.gym_a)}) == "UNAUTHENTICATED"
