"""An act-as session ends, on the next request and for refresh, when the person who started
it is deactivated or removed, when its account leaves the group, or when they are no
longer mapped to that staff user; the enterprise session moves between accounts freely."""

from __future__ import annotations

from backend.auth.models import Session
from backend.enterprise import admin, service
from backend.enterprise.models import EnterpriseGroupAccount, EnterpriseUser
from tests.conftest import Api
from tests.enterprise.conftest import Group, make_group
from tests.enterprise.test_act_as_in_account import ACT_AS, ISSUER, person_token
from tests.enterprise.test_enterprise_users import SET_ACTIVE
from tests.factories import gid

ME = "{ me { user { email } memberships { account { id } } } }"
REFRESH = "mutation R($t: String!) { refreshToken(refreshToken: $t) { tokens { accessToken } errors { code } } }"


async def act(api: Api, email: str, account_id: int) -> dict[str, str]:
    person = api.as_(await person_token(email))
    return (await person(ACT_AS, {"a": str(account_id)}))["actAsInAccount"]


async def assert_ended(api: Api, tokens: dict[str, str]) -> None:
    assert (await api.as_(tokens["accessToken"])(ME)) == {"me": None}
    refused = (await api(REFRESH, {"t": tokens["refreshToken"]}))["refreshToken"]
    assert refused == {"tokens": None, "errors": [{"code": "TOKEN_INVALID"}]}


async def assert_live(api: Api, tokens: dict[str, str]) -> None:
    assert (await api.as_(tokens["accessToken"])(ME))["me"] is not None


async def test_deactivating_the_person_ends_their_act_as_sessions_at_once(api: Api) -> None:
    group = await make_group(ISSUER)
    in_a, in_b = await act(api, "carl@corp.example.com", group.gym_a), await act(api, "carl@corp.example.com", group.gym_b)
    una = await act(api, "una@corp.example.com", group.gym_a)  # same staff user, another person
    ada = api.as_(await person_token("ada@corp.example.com"))
    carl = await EnterpriseUser.get(email="carl@corp.example.com")
    assert (await ada(SET_ACTIVE, {"p": str(carl.id), "a": False}))["setEnterpriseUserActive"]["errors"] == []
    await assert_ended(api, in_a)
    await assert_ended(api, in_b)
    await assert_live(api, una)
    assert await Session.filter(acting_user_id=carl.user_id, revoked_reason="enterprise_deactivated").count() == 2  # type: ignore[attr-defined]


async def test_the_check_runs_on_every_request_even_without_revocation(api: Api) -> None:
    """A change made outside the service (an operator's SQL) is honoured all the same."""
    group = await make_group(ISSUER)
    tokens = await act(api, "carl@corp.example.com", group.gym_a)
    await EnterpriseUser.filter(email="carl@corp.example.com").update(active=False)
    await assert_ended(api, tokens)


async def test_removing_the_person_ends_their_sessions_and_leaves_no_password_path(api: Api) -> None:
    group = await make_group(ISSUER)
    tokens = await act(api, "carl@corp.example.com", group.gym_a)
    carl = await EnterpriseUser.get(email="carl@corp.example.com")
    ada = await EnterpriseUser.get(email="ada@corp.example.com").select_related("user")
    manager = await admin.group_admin(user=ada.user, group_id=group.group.id)
    await admin.remove_person(manager, enterprise_user_id=carl.id)
    await assert_ended(api, tokens)
    assert not await EnterpriseUser.exists(id=carl.id)
    login = 'mutation { login(email: "carl@corp.example.com", password: "anything-at-all-123") { errors { code } } }'
    assert (await api(login))["login"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]


async def test_removing_the_account_from_the_group_ends_act_as_there_only(api: Api) -> None:
    group = await make_group(ISSUER)
    in_a, in_b = await act(api, "carl@corp.example.com", group.gym_a), await act(api, "carl@corp.example.com", group.gym_b)
    assert await service.remove_account(group_id=group.group.id, account_id=group.gym_b) is True
    await assert_ended(api, in_b)
    await assert_live(api, in_a)
    carl = api.as_(await person_token("carl@corp.example.com"))
    assert await carl.error_code(ACT_AS, {"a": str(group.gym_b)}) == "FORBIDDEN"


async def test_changing_the_login_as_user_ends_sessions_as_the_old_one(api: Api) -> None:
    group = await make_group(ISSUER)
    tokens = await act(api, "carl@corp.example.com", group.gym_a)
    await EnterpriseGroupAccount.filter(group_id=group.group.id, account_id=group.gym_a).update(
        user_login_as_id=group.office_admin.id
    )
    await assert_ended(api, tokens)


async def test_the_enterprise_session_switches_accounts_without_signing_in_again(api: Api) -> None:
    group: Group = await make_group(ISSUER)
    person = api.as_(await person_token("ada@corp.example.com"))
    first = (await person(ACT_AS, {"a": str(group.gym_a)}))["actAsInAccount"]
    second = (await person(ACT_AS, {"a": str(group.gym_b)}))["actAsInAccount"]
    assert [m["account"]["id"] for m in (await api.as_(first["accessToken"])(ME))["me"]["memberships"]] == [gid("Account", group.gym_a)]
    assert [m["account"]["id"] for m in (await api.as_(second["accessToken"])(ME))["me"]["memberships"]] == [gid("Account", group.gym_b)]
    # Each stays contained, and refreshing keeps the scope.
    renewed = (await api(REFRESH, {"t": second["refreshToken"]}))["refreshToken"]["tokens"]["accessToken"]
    assert [m["account"]["id"] for m in (await api.as_(renewed)(ME))["me"]["memberships"]] == [gid("Account", group.gym_b)]
    # An act-as session cannot mint another one.
    assert await api.as_(first["accessToken"]).error_code(ACT_AS, {"a": str(group.gym_a)}) == "FORBIDDEN"
