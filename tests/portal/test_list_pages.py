"""The portal's API calls read the first page of each list the API now pages (as lists, the way
the pages use them), against the real app: the office ledger shows the 5 latest entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from backend.accounts import service as accounts
from backend.accounts.models import Account, MembershipRole
from backend.app import create_app
from backend.families.models import LedgerEntry, LedgerKind
from frontend.api import families as families_api
from frontend.api import members as members_api
from frontend.api import students as students_api
from tests.conftest import Api
from tests.factories import make_user, token_for
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
