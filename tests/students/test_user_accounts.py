"""userAccounts: every person of the account with type, username, status, last sign-in and
credentials; filters, search, a Relay connection at a constant number of SQL statements."""

from __future__ import annotations

from typing import Any

from backend.families.models import FamilyMember, MemberRole, Student
from tests.conftest import Api, SmsInbox
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
from tests.factories import token_for
from tests.families.helpers import families
from tests.students.helpers import SMS, personal, ref, school

LIST = """query L($a: ID!, $t: UserAccountType, $s: SignInStatus, $q: String, $n: Int! = 50, $after: String) {
  userAccounts(accountId: $a, userType: $t, status: $s, search: $q, first: $n, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id userType firstName lastName familyName username status lastSignInAt
                          credentialsChannel credentialsSentAt phone } } } }"""


def nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["node"] for e in data["userAccounts"]["edges"]]


async def test_students_guardians_and_staff_with_their_sign_in(api: Api, sms: SmsInbox) -> None:
    s = await school(api)
    await personal(s, s.sofia, "sofia@example.com", "+14155550142")
    await s.staff_api(SMS, {"a": s.aid, "p": [ref(s.sofia)]})
    data = await s.staff_api(LIST, {"a": s.aid})
    people = {(n["userType"], n["firstName"]): n for n in nodes(data)}
    assert data["userAccounts"]["totalCount"] == 7  # 3 students, 2 guardians, admin + staff
    assert set(people) >= {("STUDENT", "Sofia"), ("STUDENT", "Mateo"), ("STUDENT", "Lucia"), ("GUARDIAN", "Maria"),
                           ("GUARDIAN", "Luis"), ("STAFF", "Olga")}
    sofia = people[("STUDENT", "Sofia")]
    assert sofia["id"] == ref(s.sofia) and sofia["username"] == "sofia@example.com" and sofia["status"] == "CREDENTIALS_SENT"
    assert sofia["credentialsChannel"] == "SMS" and sofia["credentialsSentAt"] and sofia["phone"] == "+14155550142"
    assert sofia["familyName"] == "Garcia" and sofia["lastSignInAt"] is None
    assert people[("STUDENT", "Mateo")]["status"] == "NO_LOGIN" and people[("STUDENT", "Mateo")]["username"] is None
    assert people[("GUARDIAN", "Maria")]["status"] == "ACTIVE"
    olga = people[("STAFF", "Olga")]
    assert olga["status"] == "ACTIVE" and olga["lastSignInAt"]  # the staff client signed in


async def test_filters_and_search(api: Api) -> None:
    s = await school(api)
    students = nodes(await s.staff_api(LIST, {"a": s.aid, "t": "STUDENT"}))
    assert [n["firstName"] for n in students] == ["Mateo", "Sofia", "Lucia"]  # by last name, then first
    assert [n["firstName"] for n in nodes(await s.staff_api(LIST, {"a": s.aid, "q": "LOPEZ"}))] == ["Lucia", "Luis"]
    assert nodes(await s.staff_api(LIST, {"a": s.aid, "t": "GUARDIAN", "q": "garc"}))[0]["firstName"] == "Maria"
    assert nodes(await s.staff_api(LIST, {"a": s.aid, "s": "INVITED"})) == []
    assert {n["userType"] for n in nodes(await s.staff_api(LIST, {"a": s.aid, "s": "NO_LOGIN"}))} == {"STUDENT"}
    assert nodes(await s.staff_api(LIST, {"a": s.aid, "q": "_"})) == []  # LIKE wildcards are matched literally
    assert nodes(await s.staff_api(LIST, {"a": s.aid, "q": "%"})) == []


async def test_cursor_pagination_walks_everyone_once_at_constant_cost(api: Api, count_queries: Any) -> None:
    s = await school(api)
    await Student.bulk_create([Student(family=s.garcia, first_name=f"Kid{i:02d}", last_name="Zeta") for i in range(40)])
    await s.staff_api(LIST, {"a": s.aid, "n": 1})  # warm the session lookup path
    seen, after, statements = [], None, []
    while True:
        with count_queries() as q:
            data = (await s.staff_api(LIST, {"a": s.aid, "n": 7, "after": after}))["userAccounts"]
        statements.append(q.count)
        seen += [e["node"]["id"] for e in data["edges"]]
        assert data["totalCount"] == 47
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert len(seen) == 47 and len(set(seen)) == 47
    assert len(set(statements)) == 1, statements  # the same statements for every page
    with count_queries() as q:
        await s.staff_api(LIST, {"a": s.aid, "n": 47})
    assert q.count == statements[0]


async def test_only_staff_of_this_account(api: Api) -> None:
    s = await school(api)
    other = await school(api, "Other School")
    assert await other.staff_api.error_code(LIST, {"a": s.aid}) == "FORBIDDEN"
    primary = await FamilyMember.get(family=s.garcia, role=MemberRole.PRIMARY).select_related("user")
    assert await api.as_(await token_for(primary.user)).error_code(LIST, {"a": s.aid}) == "FORBIDDEN"
    assert await api.error_code(LIST, {"a": s.aid}) == "UNAUTHENTICATED"
    ours = {n["id"] for n in nodes(await s.staff_api(LIST, {"a": s.aid}))}
    assert ref(other.lucia) not in ours


async def people(api: Api, n: int) -> Listed:
    """An account of `n` people: a family's primary guardian and `n - 1` students of one name."""
    account, call = await sub_account(api)
    if n:
        (family,) = await families(account, 1)
        await Student.bulk_create([Student(family_id=family, first_name="Same", last_name="Same") for _ in range(n - 1)])
    return Listed(call, {"a": str(account.id)})


PAGE = Case("userAccounts", document("userAccounts", "$a: ID!", "accountId: $a", "id userType"), people)


async def test_pages_forward_and_backward_cover_the_list_once(api: Api) -> None:
    await check_paging(PAGE, api)


async def test_an_empty_list_is_an_empty_page(api: Api) -> None:
    await check_empty(PAGE, api)


async def test_more_than_the_maximum_page_is_refused(api: Api) -> None:
    await check_max_page(PAGE, api)


async def test_a_page_costs_the_same_statements_over_10_or_1000_people(api: Api, count_queries: Any) -> None:
    await check_constant_statements(PAGE, api, count_queries)
