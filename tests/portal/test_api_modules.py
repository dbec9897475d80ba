"""The portal's API modules against the real API (in process): every answer validates
against the generated client's models and comes back as the dicts the pages read."""

from __future__ import annotations

import functools

import httpx
import pytest

from backend.accounts.models import MembershipRole
from backend.app import create_app
from backend.families import service as families_service
from frontend.api import PayloadError
from frontend.api import auth as auth_api
from frontend.api import enterprise as enterprise_api
from frontend.api import families as families_api
from frontend.api import learning as learning_api
from frontend.api import members as members_api
from frontend.api import seats as seats_api
from frontend.api import students as students_api
from frontend.api import teams as teams_api
from tests.factories import PASSWORD, gid, make_account, make_member, make_seat_user, make_subscription, make_user, token_for


@pytest.fixture(autouse=True)
def portal_reaches_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    transport = httpx.ASGITransport(app=create_app(manage_db=False))
    monkeypatch.setattr(httpx, "AsyncClient", functools.partial(httpx.AsyncClient, transport=transport))
    monkeypatch.setenv("API_URL", "http://api.test")


async def test_sign_in_and_user_management() -> None:
    admin = await make_user("ada@example.com", first="Ada")
    account = await make_account("Riverside Gym", admin=admin)
    tokens = await auth_api.login(email="ada@example.com", password=PASSWORD)
    assert tokens["user"]["email"] == "ada@example.com" and tokens["accessToken"]
    token = tokens["accessToken"]
    me = await auth_api.me(token=token)
    assert me is not None and [m["account"]["name"] for m in me["memberships"]] == ["Riverside Gym"]

    account_id = str(account.id)
    invited = await members_api.invite_users(token=token, account_id=account_id, emails=["bo@example.com"], role="USER",
                                             modules=["CUSTOMERS"], sub_account_ids=[])
    assert invited["invitedCount"] == 1 and invited["results"][0]["email"] == "bo@example.com"
    page = await members_api.pending_invitations(token=token, account_id=account_id)
    assert [row["email"] for row in page["rows"]] == ["bo@example.com"] and page["total"] == 1 and page["next"] is None
    staff = await make_member(account, await make_user("cy@example.com"), role=MembershipRole.USER)
    members = await members_api.account_members(token=token, account_id=account_id)
    assert {m["user"]["email"] for m in members} == {"ada@example.com", "cy@example.com"}
    await members_api.set_user_permissions(token=token, account_id=account_id, user_id=str(staff.id), role="USER",
                                           modules=["CUSTOMERS"], sub_account_ids=[])
    assert await members_api.sub_accounts(token=token, account_id=account_id) == []
    refreshed = await auth_api.refresh(refresh_token=tokens["refreshToken"])
    assert refreshed["user"]["email"] == "ada@example.com"
    assert await auth_api.reset_link_problem(token="no-such-token") == "TOKEN_INVALID"


async def test_seats_teams_and_learning() -> None:
    admin = await make_user("ada@example.com")
    account = await make_account(admin=admin)
    subscription = await make_subscription(account, admin)
    await make_seat_user(subscription, admin, admin=True)
    learner = await make_seat_user(subscription, first="Lee", last="Learner")
    token, sub = await token_for(admin), str(subscription.id)

    mine = await seats_api.my_subscriptions(token=token)
    assert mine[0]["isAdmin"] is True and mine[0]["subscription"]["seatCount"] == 3
    assert (await seats_api.subscription(token=token, subscription_id=sub))["features"] == ["Video library", "Practice labs"]
    people = await seats_api.users(token=token, subscription_id=sub, status="ACTIVE", search="")
    assert {p["lastName"] for p in people} >= {"Learner"} and all(p["status"] == "ACTIVE" for p in people)
    assert len(await seats_api.usage(token=token, subscription_id=sub, days=7)) == 7
    activity = await seats_api.user_activity(token=token, subscription_id=sub, user_id=str(learner.id))
    assert activity["seatUser"]["lastName"] == "Learner" and activity["logins"] == 0
    after = await seats_api.deactivate_seat(token=token, subscription_id=sub, user_id=str(learner.id))
    assert after["seatsAllocated"] == 1

    team = await teams_api.create_team(token=token, subscription_id=sub, name="Coaches", description="")
    team = await teams_api.add_team_members(token=token, team_id=team["id"], user_ids=[str(admin.id)])
    assert [m["email"] for m in team["members"]] == ["ada@example.com"]
    assert (await teams_api.team_activity(token=token, team_id=team["id"]))["team"]["name"] == "Coaches"
    assert [t["name"] for t in await teams_api.teams(token=token, subscription_id=sub)] == ["Coaches"]

    assert isinstance(await learning_api.content_items(token=token), list)
    with pytest.raises(PayloadError) as refused:
        await learning_api.create_learning_module(token=token, subscription_id=sub, name="Basics", description="", content_ids=[])
    assert (refused.value.code, refused.value.field) == ("REQUIRED", "contentIds")
    assert await learning_api.learning_modules(token=token, subscription_id=sub) == []
    assert await learning_api.assignments(token=token, subscription_id=sub) == []
    assert [s["subscription"]["id"] for s in await learning_api.my_learning(token=token)] == [gid("Subscription", sub)]


async def test_families_and_the_office() -> None:
    owner = await make_user()
    account = await make_account("Riverside Gym", admin=owner)
    primary = await make_user("maria@example.com", first="Maria", last="Garcia")
    family = await families_service.create_family(account=account, primary=primary, name="Garcia")
    token, family_id = await token_for(primary), str(family.id)

    assert [f["name"] for f in await families_api.my_families(token=token)] == ["Garcia"]
    overview = await families_api.overview(token=token, family_id=family_id)
    assert overview["family"]["myRole"] == "PRIMARY" and overview["familyBalance"]["balanceCents"] == 0
    assert await families_api.transactions(token=token, family_id=family_id) == []
    secondary = await families_api.add_secondary(token=token, family_id=family_id, email="jose@example.com", first_name="Jose",
                                                 last_name="")
    assert (secondary["email"], secondary["status"]) == ("jose@example.com", "NOT_INVITED")
    changed = await families_api.set_account_access(token=token, secondary_id=secondary["id"], view_full_ledger=True,
                                                    can_make_payments=False)
    assert changed["viewFullLedger"] is True
    assert await families_api.balance_cents(token=token, family_id=family_id) == 0

    staff = await make_member(account, await make_user("desk@example.com"), modules=["customers"])
    staff_token = await token_for(staff)
    found = await families_api.account_families(token=staff_token, account_id=str(account.id), search="garc")
    assert [f["primaryGuardianEmail"] for f in found] == ["maria@example.com"]
    assert (await families_api.staff_detail(token=staff_token, family_id=family_id))["familyStudents"] == []


async def test_signed_out_lookups() -> None:
    assert await enterprise_api.sso_provider() == ""
    assert await enterprise_api.sso_providers() == []
    student = await make_user()
    assert (await students_api.my_sign_in(token=await token_for(student)))["mustChangePassword"] is False
