"""accountMembers, auditLog, subAccounts and pendingInvitations are Relay connections: forward
and backward, empty, past the end, the maximum page size, constant SQL statements per page.

Each list lives in a fresh sub-account (see `tests.connections.sub_account`), so it holds exactly
`n` items, none at all included."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from backend.accounts.models import Account, Membership, MembershipRole, User
from backend.audit.models import AuditEvent
from backend.core.security import token_hash, utcnow
from backend.invitations.models import Invitation, InvitationKind
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


async def members(api: Api, n: int) -> Listed:
    account, call = await sub_account(api)
    tag = uuid.uuid4().hex[:8]
    await User.bulk_create([User(email=f"m{i:04d}.{tag}@example.com") for i in range(n)])
    users = await User.filter(email__endswith=f".{tag}@example.com").values_list("id", flat=True)
    await Membership.bulk_create([Membership(user_id=u, account_id=account.id, role=MembershipRole.USER) for u in users])
    return Listed(call, {"a": str(account.id)})


async def audit_log(api: Api, n: int) -> Listed:
    account, call = await sub_account(api)
    at = utcnow()  # the same time for all: the id breaks the ties
    await AuditEvent.bulk_create([AuditEvent(action=f"test.{i}", account_id=account.id, created_at=at) for i in range(n)])
    return Listed(call, {"a": str(account.id)})


async def sub_accounts(api: Api, n: int) -> Listed:
    account, call = await sub_account(api)
    await Account.bulk_create([Account(name="Same name", parent_id=account.id) for _ in range(n)])
    return Listed(call, {"a": str(account.id)})


async def invitations(api: Api, n: int) -> Listed:
    account, call = await sub_account(api)
    expires, tag = utcnow() + timedelta(days=7), uuid.uuid4().hex
    await Invitation.bulk_create([
        Invitation(kind=InvitationKind.ACCOUNT_USER, account_id=account.id, target=f"account_user:{account.id}",
                   email=f"i{i}@example.com", token_hash=token_hash(f"{tag}{i}"), expires_at=expires)
        for i in range(n)
    ])
    return Listed(call, {"a": str(account.id)})


CASES = [
    Case("accountMembers", document("accountMembers", "$a: ID!", "accountId: $a", "user { id email } membership { role }"), members),
    Case("auditLog", document("auditLog", "$a: ID!", "accountId: $a", "id action"), audit_log),
    Case("subAccounts", document("subAccounts", "$a: ID!", "accountId: $a", "id name"), sub_accounts),
    Case("pendingInvitations", document("pendingInvitations", "$a: ID!", "accountId: $a", "id email invitedById"), invitations),
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
