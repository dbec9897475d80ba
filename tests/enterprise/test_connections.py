"""`enterprisePeople`, `enterpriseMemberAccounts` and `enterpriseSubgroups` are Relay
connections: paged both ways in a stable order, at a SQL cost that does not grow with the list."""

from __future__ import annotations

from typing import Any

from backend.accounts.models import Account, User
from backend.enterprise.models import EnterpriseGroupAccount, EnterpriseSubgroup, EnterpriseSubgroupAccount, EnterpriseUser
from tests.conftest import Api
from tests.connection_checks import ARGS, PAGE, VARS, check_connection, check_empty, page
from tests.enterprise.conftest import make_group
from tests.enterprise.test_act_as_in_account import ISSUER, person_token
from tests.factories import gid, pk

PEOPLE = f"query P($g: ID!, {VARS}) {{ enterprisePeople(groupId: $g, {ARGS}) {{ {PAGE('email level')} }} }}"
ACCOUNTS = f"query A($g: ID!, {VARS}) {{ enterpriseMemberAccounts(groupId: $g, {ARGS}) {{ {PAGE('accountId name userLoginAs { email }')} }} }}"
SUBGROUPS = f"query S($g: ID!, {VARS}) {{ enterpriseSubgroups(groupId: $g, {ARGS}) {{ {PAGE('id name accountIds')} }} }}"
CREATE = """mutation C($g: ID!, $i: CreateEnterpriseUserInput!) { createEnterpriseUser(groupId: $g, input: $i) { errors { code } } }"""


async def _more_people(group_id: int, n: int, tag: str) -> None:
    await User.bulk_create([User(email=f"p{i:04}.{tag}@corp.example.com") for i in range(n)])
    users = await User.filter(email__endswith=f".{tag}@corp.example.com")
    await EnterpriseUser.bulk_create([EnterpriseUser(group_id=group_id, user=u, email=u.email) for u in users])


async def _more_accounts(group_id: int, names: list[str]) -> list[int]:
    known = await EnterpriseGroupAccount.filter(group_id=group_id).values_list("account_id", flat=True)
    await Account.bulk_create([Account(name=n) for n in names])
    accounts = await Account.filter(name__in=names, id__not_in=list(known))
    await EnterpriseGroupAccount.bulk_create([EnterpriseGroupAccount(group_id=group_id, account=a) for a in accounts])
    return [a.id for a in accounts]


async def test_people_page_both_ways_by_email(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = api.as_(await person_token("ada@corp.example.com"))
    await _more_people(group.group.id, 3, "x")
    emails = sorted(["ada@corp.example.com", "bob@corp.example.com", "carl@corp.example.com", "una@corp.example.com"]
                    + [f"p{i:04}.x@corp.example.com" for i in range(3)])
    await check_connection(ada, PEOPLE, {"g": str(group.group.id)}, ["enterprisePeople"], emails, key=lambda n: n["email"])


async def test_member_accounts_page_both_ways_by_name_then_id(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = api.as_(await person_token("ada@corp.example.com"))
    await _more_accounts(group.group.id, ["Gym C", "Gym A", "Aardvark Gym"])  # a second "Gym A": the id decides
    rows = await EnterpriseGroupAccount.filter(group_id=group.group.id).order_by("account__name", "id").values_list("account_id", flat=True)
    await check_connection(ada, ACCOUNTS, {"g": str(group.group.id)}, ["enterpriseMemberAccounts"], [str(a) for a in rows],
                           key=lambda n: str(pk(n["accountId"])))


async def test_subgroups_page_both_ways_and_an_empty_subgroup_admin_sees_no_accounts(api: Api) -> None:
    group = await make_group(ISSUER)
    ada = api.as_(await person_token("ada@corp.example.com"))
    await check_empty(ada, SUBGROUPS, {"g": str(group.group.id)}, ["enterpriseSubgroups"])
    for name in ("North", "East", "South", "West"):
        sg = await EnterpriseSubgroup.create(group_id=group.group.id, name=name)
        await EnterpriseSubgroupAccount.create(subgroup=sg, account_id=group.gym_a)
    ids = [str(s.id) for s in await EnterpriseSubgroup.filter(group_id=group.group.id).order_by("name", "id")]
    await check_connection(ada, SUBGROUPS, {"g": str(group.group.id)}, ["enterpriseSubgroups"], ids, key=lambda n: str(pk(n["id"])))
    node = (await page(ada, SUBGROUPS, {"g": str(group.group.id)}, ["enterpriseSubgroups"], first=1))["edges"][0]["node"]
    assert node["accountIds"] == [gid("Account", group.gym_a)]
    # An admin of a subgroup holding no account manages no member accounts.
    empty = await EnterpriseSubgroup.create(group_id=group.group.id, name="Empty")
    made = await ada(CREATE, {"g": str(group.group.id), "i": {"email": "eve@corp.example.com", "level": "ADMIN", "subgroupId": str(empty.id)}})
    assert made["createEnterpriseUser"]["errors"] == []
    eve = api.as_(await person_token("eve@corp.example.com"))
    await check_empty(eve, ACCOUNTS, {"g": str(group.group.id)}, ["enterpriseMemberAccounts"])


async def test_a_page_costs_the_same_statements_for_10_or_1000_rows(api: Api, count_queries: Any) -> None:
    group = await make_group(ISSUER)
    ada = api.as_(await person_token("ada@corp.example.com"))
    variables = {"g": str(group.group.id)}

    async def statements() -> list[int]:
        counts = []
        for document, field in ((PEOPLE, "enterprisePeople"), (ACCOUNTS, "enterpriseMemberAccounts"), (SUBGROUPS, "enterpriseSubgroups")):
            with count_queries() as q:
                p = await page(ada, document, variables, [field], first=100)
            assert len(p["edges"]) == min(100, p["totalCount"])
            counts.append(q.count)
        return counts

    async def grow(n: int, tag: str) -> None:
        await _more_people(group.group.id, n, tag)
        accounts = await _more_accounts(group.group.id, [f"Account {tag} {i:04}" for i in range(n)])
        await EnterpriseSubgroup.bulk_create([EnterpriseSubgroup(group_id=group.group.id, name=f"Sub {tag} {i:04}") for i in range(n)])
        subs = await EnterpriseSubgroup.filter(group_id=group.group.id, name__startswith=f"Sub {tag}")
        await EnterpriseSubgroupAccount.bulk_create([EnterpriseSubgroupAccount(subgroup=s, account_id=a) for s, a in zip(subs, accounts)])

    await grow(10, "s")
    small = await statements()
    await grow(990, "l")
    assert await statements() == small
