"""The portal's API calls read the first page of each list the API now pages (as lists, the way
the pages use them), against the real app: the office ledger shows the 5 latest entries; seat
users and teams follow the cursor past the first page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from backend.accounts import service as accounts
from backend.accounts.models import Account, MembershipRole, User
from backend.app import create_app
from backend.families.models import LedgerEntry, LedgerKind
from backend.seats.models import SeatHolder, SeatStatus, Team, TeamMember
from frontend.api import families as families_api
from frontend.api import members as members_api
from frontend.api import seats as seats_api
from frontend.api import students as students_api
from frontend.api import teams as teams_api
from tests.conftest import Api
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for
from tests.families.helpers import household


@pytest.fixture(autouse=True)
def portal_talks_to_the_test_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The portal's client, but over the in-process app (the same database transaction as the test)."""
    transport, real = httpx.ASGITransport(app=create_app(manage_db=False)), httpx.AsyncClient

    def client(**kwargs: Any) -> httpx.AsyncClient:
        return real(transport=transport, base_url="http://api.test", timeout=kwargs.get("timeout", 30))

    monkeypatch.setattr("frontend.api.client.httpx.AsyncClient", client)
    yield


async def test_family_lists_come_back_as_lists(api: Api) -> None:
    h = await household(api)
    await LedgerEntry.bulk_create([
        LedgerEntry(family=h.family, kind=LedgerKind.CHARGE, amount_cents=100 * (i + 1), description=f"Fee {i}") for i in range(7)
    ])
    primary, staff, family = h.primary_api.token or "", h.staff_api.token or "", str(h.family.id)
    overview = await families_api.overview(token=primary, family_id=family)
    assert [m["role"] for m in overview["familyMembers"]] == ["PRIMARY"]
    assert len(await families_api.transactions(token=primary, family_id=family)) == 7
    detail = await families_api.staff_detail(token=staff, family_id=family)
    assert [t["description"] for t in detail["familyTransactions"]] == ["Fee 6", "Fee 5", "Fee 4", "Fee 3", "Fee 2"]
    account = str(h.account.id)
    assert [f["name"] for f in await families_api.account_families(token=staff, account_id=account)] == ["Garcia"]
    found = await families_api.families_with_guardian(token=staff, account_id=account, email="garcia.primary@example.com")
    assert [f["name"] for f in found] == ["Garcia"]
    assert [m["email"] for m in await families_api.family_members(token=staff, family_id=family)] == ["garcia.primary@example.com"]


async def test_user_management_lists_come_back_as_lists(api: Api) -> None:
    admin = await make_user("boss@example.com")
    h = await household(api)
    await Account.create(name="North", parent=h.account)
    await accounts.add_member(account=h.account, user=admin, role=MembershipRole.ADMIN, actor_id=None)
    token, account = await token_for(admin), str(h.account.id)
    emails = [m["user"]["email"] for m in await members_api.account_members(token=token, account_id=account)]
    assert "boss@example.com" in emails and "staff.garcia@example.com" in emails
    assert [s["name"] for s in await members_api.sub_accounts(token=token, account_id=account)] == ["North"]
    pending = await members_api.pending_invitations(token=token, account_id=account)
    assert pending == {"rows": [], "total": 0, "next": None}
    people = await students_api.user_accounts(token=token, account_id=account, first=2)
    assert len(people["edges"]) == 2 and people["pageInfo"]["hasNextPage"] is True


async def test_seat_users_and_teams_follow_the_cursor_past_the_first_page(api: Api) -> None:
    admin = await make_user("boss@example.com", first="Zoe", last="Admin")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin, seats=200)
    await make_seat_user(sub, admin, admin=True)
    await User.bulk_create([User(email=f"p{i:03}@example.com", first_name=f"P{i:03}", last_name="Bulk") for i in range(120)])
    people = await User.filter(email__startswith="p", email__endswith="@example.com").order_by("email")
    await SeatHolder.bulk_create([SeatHolder(subscription=sub, user=u, seat_status=SeatStatus.ACTIVE) for u in people])
    await Team.bulk_create([Team(subscription=sub, name=f"Team {i:02}") for i in range(55)])
    first = await Team.get(subscription=sub, name="Team 00")
    await TeamMember.bulk_create([TeamMember(team=first, user=u) for u in people[:3]])
    token, sub_id = await token_for(admin), str(sub.id)
    seat_users = await seats_api.users(token=token, subscription_id=sub_id, status=None, search="")
    assert len(seat_users) == 121 and len({u["email"] for u in seat_users}) == 121  # pages of 100: two pages, no repeats
    found = await teams_api.teams(token=token, subscription_id=sub_id)
    assert [t["name"] for t in found] == [f"Team {i:02}" for i in range(55)]  # pages of 50: two pages
    assert [m["email"] for m in found[0]["members"]] == ["p000@example.com", "p001@example.com", "p002@example.com"]


async def test_account_members_and_office_families_follow_the_cursor_past_the_first_page(api: Api) -> None:
    from backend.accounts.models import Membership
    from backend.families.models import Family, FamilyMember, MemberRole

    h = await household(api)
    admin = await make_user("boss@example.com")
    await accounts.add_member(account=h.account, user=admin, role=MembershipRole.ADMIN, actor_id=None)
    await User.bulk_create([User(email=f"m{i:03}@example.com", first_name="M", last_name=f"{i:03}") for i in range(120)])
    people = await User.filter(email__startswith="m", email__endswith="@example.com").order_by("email")
    await Membership.bulk_create([Membership(user=u, account=h.account) for u in people])
    await Family.bulk_create([Family(account=h.account, name=f"Family {i:03}", primary_id=h.family.primary_id) for i in range(110)])  # type: ignore[attr-defined]
    made = await Family.filter(account=h.account, name__startswith="Family ")
    await FamilyMember.bulk_create([
        FamilyMember(family=f, role=MemberRole.PRIMARY, email=f"{f.name.replace(' ', '.').lower()}@example.com") for f in made
    ])
    token, staff, account = await token_for(admin), h.staff_api.token or "", str(h.account.id)
    members = await members_api.account_members(token=token, account_id=account)
    emails = [m["user"]["email"] for m in members]
    assert len(emails) == len(set(emails)) == 123  # 120 + boss + the household's staff + primary: two pages of 100
    families = await families_api.account_families(token=staff, account_id=account)
    assert len({f["id"] for f in families}) == len(families) == 111  # 110 + Garcia
