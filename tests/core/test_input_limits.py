"""Bounded input: every out-of-bounds argument is BAD_USER_INPUT and changes nothing."""

import pytest

from backend.accounts.models import Account
from backend.core.inputlimits import DEFAULT_MAX_STRING, column_lengths
from backend.seats.models import Subscription, Team
from tests.conftest import Api
from tests.factories import make_account, make_subscription, make_user, token_for

LOGIN = "mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { errors { code } } }"
RESET = "mutation R($e: String!) { requestPasswordReset(email: $e) { ok errors { code } } }"
CREATE_ACCOUNT = "mutation C($n: String!) { createAccount(name: $n) { errors { code } } }"
CREATE_TEAM = "mutation T($s: ID!, $n: String!) { createTeam(subscriptionId: $s, name: $n) { errors { code } } }"
CREATE_TEAM_LITERAL = 'mutation T($s: ID!) { createTeam(subscriptionId: $s, name: "%s") { errors { code } } }'
CREATE_SUBSCRIPTION = """mutation S($a: ID!, $i: CreateSubscriptionInput!) {
  createSubscription(accountId: $a, input: $i) { errors { code } } }"""
CREATE_FAMILY = """mutation F($a: ID!, $f: String!) { createFamily(accountId: $a, name: "Lee",
  primary: {email: "lee@example.com", firstName: $f, lastName: "Lee"}) { errors { code } } }"""
USERS = "query U($s: ID!, $q: String!) { subscriptionUsers(subscriptionId: $s, search: $q) { nodes { user { email } } } }"
ACCOUNT = "query A($a: ID!) { account(accountId: $a) { name } }"


async def _refused(api: Api, query: str, variables: dict) -> str:
    body = await api.raw(query, variables)
    assert body["data"] is None, body
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"], body
    return body["errors"][0]["message"]


async def _admin_with_subscription(api: Api) -> tuple[Api, Account, Subscription]:
    admin = await make_user("boss@example.com")
    account = await make_account("Gym", admin=admin)
    return api.as_(await token_for(admin)), account, await make_subscription(account, admin)


async def test_emails_longer_than_254_characters_are_refused_before_login_or_reset(api: Api) -> None:
    email = "a" * 250 + "@example.com"
    assert "254" in await _refused(api, LOGIN, {"e": email, "p": "whatever-password"})
    assert "254" in await _refused(api, RESET, {"e": email})


async def test_a_nul_byte_in_any_string_is_refused(api: Api) -> None:
    as_admin, account, sub = await _admin_with_subscription(api)
    await _refused(as_admin, CREATE_ACCOUNT, {"n": "Bad\x00Name"})
    await _refused(as_admin, CREATE_TEAM, {"s": str(sub.id), "n": "Team\x00"})
    await _refused(as_admin, CREATE_TEAM_LITERAL % "Te\\u0000am", {"s": str(sub.id)})
    await _refused(as_admin, USERS, {"s": str(sub.id), "q": "x\x00"})
    assert await Account.all().count() == 1 and await Team.all().count() == 0


async def test_names_longer_than_their_column_are_refused(api: Api) -> None:
    as_admin, account, sub = await _admin_with_subscription(api)
    assert column_lengths()["name"] == 120  # the shortest "name" column: teams
    assert "120" in await _refused(as_admin, CREATE_TEAM, {"s": str(sub.id), "n": "t" * 121})
    assert "200" in await _refused(as_admin, CREATE_ACCOUNT, {"n": "a" * 201})
    assert "100" in await _refused(as_admin, CREATE_FAMILY, {"a": str(account.id), "f": "f" * 101})
    features = {"name": "s" * 201, "seatCount": 3, "startsOn": "2026-01-01", "endsOn": "2027-01-01", "features": []}
    assert "200" in await _refused(as_admin, CREATE_SUBSCRIPTION, {"a": str(account.id), "i": features})
    assert await Team.all().count() == 0 and await Subscription.all().count() == 1
    # At the limit it goes through.
    ok = await as_admin(CREATE_TEAM, {"s": str(sub.id), "n": "t" * 120})
    assert ok["createTeam"]["errors"] == []


async def test_strings_without_a_column_get_the_default_cap(api: Api) -> None:
    as_admin, _, sub = await _admin_with_subscription(api)
    assert str(DEFAULT_MAX_STRING) in await _refused(as_admin, USERS, {"s": str(sub.id), "q": "q" * (DEFAULT_MAX_STRING + 1)})


async def test_lists_far_longer_than_expected_are_refused(api: Api) -> None:
    as_admin, account, _ = await _admin_with_subscription(api)
    big = {"name": "Big", "seatCount": 3, "startsOn": "2026-01-01", "endsOn": "2027-01-01",
           "features": [f"feature {i}" for i in range(5000)]}
    assert "features" in await _refused(as_admin, CREATE_SUBSCRIPTION, {"a": str(account.id), "i": big})
    assert await Subscription.all().count() == 1


@pytest.mark.parametrize("bad_id", ["³", "１２", "-1", "1e3", " 1", "2147483648", "99999999999999999999", "0x10"])
async def test_ids_that_are_not_plain_digits_in_range_are_refused(api: Api, bad_id: str) -> None:
    as_admin, account, _ = await _admin_with_subscription(api)
    await _refused(as_admin, ACCOUNT, {"a": bad_id})
    await _refused(as_admin, CREATE_TEAM, {"s": bad_id, "n": "Team"})
    assert await Team.all().count() == 0


async def test_report_urls_with_ids_beyond_the_integer_range_are_not_found(api: Api) -> None:
    as_admin, _, sub = await _admin_with_subscription(api)
    headers = {"Authorization": f"Bearer {as_admin.token}"}
    for path in ("/reports/subscriptions/99999999999999999999/viewings.xlsx",
                 f"/reports/subscriptions/{sub.id}/users/2147483648/activity.xlsx",
                 "/reports/subscriptions/%C2%B3/viewings.xlsx"):
        response = await api.client.get(path, headers=headers)
        assert response.status_code == 404, (path, response.text)
