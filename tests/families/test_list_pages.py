"""familyMembers, familyTransactions, accountFamilies and familiesWithGuardian are Relay
connections: forward and backward, empty, past the end, the maximum page size, constant SQL
statements per page. Office staff (the parent account's admin) ask; each list lives in a fresh
sub-account, so it holds exactly `n` items."""

from __future__ import annotations

from typing import Any

import pytest

from backend.core.security import utcnow
from backend.families.models import FamilyMember, LedgerEntry, LedgerKind, MemberRole, MemberStatus
from tests.conftest import Api
from tests.connections import (
    Case,
    Listed,
    check_constant_statements,
    check_empty,
    check_max_page,
    check_paging,
    document,
    sub_account,
)
from tests.families.helpers import GUARDIAN, families


async def account_families(api: Api, n: int) -> Listed:
    account, call = await sub_account(api)
    await families(account, n)
    return Listed(call, {"a": str(account.id)})


async def with_guardian(api: Api, n: int) -> Listed:
    account, call = await sub_account(api)
    await families(account, n)
    return Listed(call, {"a": str(account.id), "e": GUARDIAN})


async def family_members(api: Api, n: int) -> Listed:
    """A family of `n` guardians: its primary and `n - 1` secondaries of the same first name."""
    account, call = await sub_account(api)
    (family,) = await families(account, 1)
    await FamilyMember.bulk_create([
        FamilyMember(family_id=family, role=MemberRole.SECONDARY, status=MemberStatus.ACTIVE, email=f"s{i}@example.com", first_name="Same")
        for i in range(n - 1)
    ])
    return Listed(call, {"f": str(family)})


async def transactions(api: Api, n: int) -> Listed:
    account, call = await sub_account(api)
    (family,) = await families(account, 1)
    at = utcnow()  # the same time for all: the id breaks the ties
    await LedgerEntry.bulk_create([
        LedgerEntry(family_id=family, kind=LedgerKind.CHARGE, amount_cents=100 + i, description=f"Fee {i}", created_at=at) for i in range(n)
    ])
    return Listed(call, {"f": str(family)})


CASES = [
    Case("familyMembers", document("familyMembers", "$f: ID", "familyId: $f", "id role email"), family_members, smallest=1),
    Case("familyTransactions", document("familyTransactions", "$f: ID", "familyId: $f", "id amountCents"), transactions),
    Case("accountFamilies", document("accountFamilies", "$a: ID!", "accountId: $a", "id name primaryGuardianEmail"), account_families),
    Case("familiesWithGuardian", document("familiesWithGuardian", "$a: ID!, $e: String!", "accountId: $a, email: $e", "id name"), with_guardian),
]
each = pytest.mark.parametrize("case", CASES, ids=str)


@each
async def test_pages_forward_and_backward_cover_the_list_once(api: Api, case: Case) -> None:
    await check_paging(case, api)


@each
async def test_an_empty_list_is_an_empty_page(api: Api, case: Case) -> None:
    await check_empty(case, api)


@each
async def test_more_than_the_maximum_page_is_refused(api: Api, case: Case) -> None:
    await check_max_page(case, api)


@each
async def test_a_page_costs_the_same_statements_over_10_or_1000_items(api: Api, case: Case, count_queries: Any) -> None:
    await check_constant_statements(case, api, count_queries)
