"""`subscriptionUsers`, `teams` and `Team.members` are Relay connections: paged both ways, in a
stable order with the id as tie-breaker, at a SQL cost that does not grow with the list."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from backend.accounts.models import User
from backend.core.security import utcnow
from backend.invitations.models import Invitation, InvitationKind, InvitationStatus
from backend.seats.models import SeatHolder, SeatStatus, Team, TeamMember
from tests.conftest import Api
from tests.connection_checks import ARGS, PAGE, VARS, check_connection, check_empty, page
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for

USERS = f"""query U($s: ID!, $status: SeatUserFilter, $q: String! = "", {VARS}) {{
  subscriptionUsers(subscriptionId: $s, status: $status, search: $q, {ARGS}) {{ {PAGE("email status teams")} }} }}"""
TEAMS = f"""query T($s: ID!, {VARS}) {{ teams(subscriptionId: $s, {ARGS}) {{ {PAGE("name members(first: 10) { nodes { email } totalCount }")} }} }}"""
MEMBERS = f"""query M($s: ID!, {VARS}) {{ teams(subscriptionId: $s, first: 1) {{ nodes {{ members({ARGS}) {{ {PAGE("email")} }} }} }} }}"""
INVITE = """mutation I($s: ID!, $e: String!) { inviteSeatUser(subscriptionId: $s, input: {
  firstName: "Ann", lastName: "Lee", email: $e, access: SUBSCRIPTION}) { errors { code } } }"""


async def _admin_and_sub(name: str = "Acme", seats: int = 50):  # type: ignore[no-untyped-def]
    admin = await make_user(f"admin@{name.lower()}.example.com", first="Zoe", last="Admin")
    return admin, await make_subscription(await make_account(name, admin=admin), admin, seats=seats)


async def _many_seat_users(sub: Any, n: int) -> list[User]:
    """`n` people with active seats, made in two bulk statements (names P0000, P0001, ...)."""
    tag = f"s{sub.id}"
    await User.bulk_create([
        User(email=f"p{i:04}.{tag}@example.com", first_name=f"P{i:04}", last_name="Bulk") for i in range(n)
    ])
    users = await User.filter(email__endswith=f".{tag}@example.com").order_by("email")
    await SeatHolder.bulk_create([SeatHolder(subscription=sub, user=u, seat_status=SeatStatus.ACTIVE) for u in users])
    return users


async def test_seat_users_page_forward_and_backward_people_and_invitations_in_one_order(api: Api) -> None:
    admin, sub = await _admin_and_sub()
    # Three of the same name (two people, one invitation): the email decides, then people before invitations, then the id.
    for i in (1, 2):
        await make_seat_user(sub, await make_user(f"ann{i}@example.com", first="Ann", last="Lee"))
    await make_seat_user(sub, await make_user("bo@example.com", first="Bo", last="Ng"), active=False)
    await make_seat_user(sub, await make_user("cy@example.com", first="Cy", last="Ow"))
    client = api.as_(await token_for(admin))
    assert (await client(INVITE, {"s": str(sub.id), "e": "ann0@example.com"}))["inviteSeatUser"]["errors"] == []
    expected = ["ann0@example.com", "ann1@example.com", "ann2@example.com", "bo@example.com", "cy@example.com", admin.email]
    assert [e["node"]["email"] for e in (await page(client, USERS, {"s": str(sub.id)}, ["subscriptionUsers"]))["edges"]] == expected
    await check_connection(client, USERS, {"s": str(sub.id)}, ["subscriptionUsers"], expected, key=lambda n: n["email"])
    # Filters keep working, and a filter matching nobody is an empty connection.
    active = ["ann1@example.com", "ann2@example.com", "cy@example.com"]
    await check_connection(client, USERS, {"s": str(sub.id), "status": "ACTIVE"}, ["subscriptionUsers"], active, key=lambda n: n["email"])
    await check_empty(client, USERS, {"s": str(sub.id), "q": "nobody-matches"}, ["subscriptionUsers"])


async def test_a_page_of_seat_users_costs_the_same_statements_for_10_or_1000_people(api: Api, count_queries: Any) -> None:
    admin, small = await _admin_and_sub("Small")
    big = await make_subscription(await make_account("Big", admin=admin), admin, seats=2000)
    await _many_seat_users(small, 10)
    people = await _many_seat_users(big, 1000)
    team = await Team.create(subscription=big, name="Everyone")
    await TeamMember.bulk_create([TeamMember(team=team, user=u) for u in people[:200]])
    client = api.as_(await token_for(admin))
    counts, pages = [], []
    for sub in (small, big):
        for window in ({"first": 100}, {"last": 100}, {"first": 10, "after": None}):
            with count_queries() as q:
                p = await page(client, USERS, {"s": str(sub.id)}, ["subscriptionUsers"], **window)
            counts.append(q.count)
            pages.append((len(p["edges"]), p["totalCount"]))
    assert counts[:3] == counts[3:], counts
    assert pages == [(11, 11), (11, 11), (10, 11), (100, 1001), (100, 1001), (10, 1001)]


async def test_teams_and_their_members_page_both_ways(api: Api) -> None:
    admin, sub = await _admin_and_sub()
    client = api.as_(await token_for(admin))
    await check_empty(client, TEAMS, {"s": str(sub.id)}, ["teams"])
    for name in ("Blue", "Amber", "Cyan", "Blue 2"):
        await Team.create(subscription=sub, name=name)
    await check_connection(client, TEAMS, {"s": str(sub.id)}, ["teams"], ["Amber", "Blue", "Blue 2", "Cyan"], key=lambda n: n["name"])
    amber = await Team.get(subscription=sub, name="Amber")
    await check_empty(client, MEMBERS, {"s": str(sub.id)}, ["teams", "nodes", 0, "members"])  # type: ignore[list-item]
    people = [await make_seat_user(sub, await make_user(f"{n.lower()}@example.com", first=n)) for n in ("Eve", "Al", "Di", "Bo", "Cy")]
    for u in people:
        await TeamMember.create(team=amber, user=u)
    emails = ["al@example.com", "bo@example.com", "cy@example.com", "di@example.com", "eve@example.com"]
    await check_connection(client, MEMBERS, {"s": str(sub.id)}, ["teams", "nodes", 0, "members"], emails, key=lambda n: n["email"])  # type: ignore[list-item]


async def test_a_page_of_teams_costs_the_same_statements_for_10_or_150_teams(api: Api, count_queries: Any) -> None:
    admin, small = await _admin_and_sub("Small")
    big = await make_subscription(await make_account("Big", admin=admin), admin, seats=2000)
    counts = []
    for sub, n in ((small, 10), (big, 150)):
        people = await _many_seat_users(sub, n)
        await Team.bulk_create([Team(subscription=sub, name=f"Team {i:03}") for i in range(n)])
        teams = await Team.filter(subscription=sub).order_by("name")
        await TeamMember.bulk_create([TeamMember(team=t, user=u) for t in teams[:10] for u in people[:n // 2]])
    client = api.as_(await token_for(admin))
    for sub in (small, big):
        with count_queries() as q:
            p = await page(client, TEAMS, {"s": str(sub.id)}, ["teams"], first=100)
        counts.append(q.count)
        assert len(p["edges"]) == min(100, p["totalCount"])
    assert counts[0] == counts[1], counts


def _ascii_lower(text: str) -> str:
    """The list's case folding: ASCII letters only (SQLite's lower(), PostgreSQL's lower() under "C")."""
    return "".join(c.lower() if c.isascii() else c for c in text)


async def test_seat_users_mix_people_and_invitations_in_the_same_order_on_every_database(api: Api) -> None:
    admin, sub = await _admin_and_sub(seats=100)
    people = [  # names differing only in case, non-ASCII letters, punctuation
        ("ann", "zed", "a1@example.com"), ("Ann", "Zed", "a0@example.com"), ("ANN", "ZED", "a2@example.com"),
        ("Émile", "Roux", "emile1@example.com"), ("émile", "roux", "emile2@example.com"), ("Zoë", "Ng", "zoe@example.com"),
        ("Ängel", "Ö", "angel@example.com"), ("O'Brien", "Mac-Ian", "ob1@example.com"), ("o'brien", "mac ian", "ob2@example.com"),
        ("-dash", "", "dash@example.com"), ("Zoe", "ng", "zoe2@example.com"),
    ]
    for first, last, email in people:
        await make_seat_user(sub, await make_user(email, first=first, last=last))
    invited = [
        ("aNN", "zEd", "a1@example.com"), ("Åsa", "Öberg", "asa@example.com"), ("émile", "Roux", "emile0@example.com"),
        ("O'BRIEN", "MAC-IAN", "ob0@example.com"), ("zoë", "NG", "zoe3@example.com"),
    ]
    now = utcnow()
    for first, last, email in invited:
        await Invitation.create(
            kind=InvitationKind.SEAT, email=email, first_name=first, last_name=last, account_id=sub.account_id,
            target=f"subscription:{sub.id}", token_hash=f"t-{email}", expires_at=now + timedelta(days=1),
        )
    # Not listed: an expired (still "pending" in the table) and a revoked invitation, and one to another subscription.
    await Invitation.create(
        kind=InvitationKind.SEAT, email="expired@example.com", first_name="Aaron", last_name="Old", account_id=sub.account_id,
        target=f"subscription:{sub.id}", token_hash="t-expired", expires_at=now - timedelta(minutes=1),
    )
    await Invitation.create(
        kind=InvitationKind.SEAT, email="revoked@example.com", first_name="Abe", last_name="Gone", account_id=sub.account_id,
        target=f"subscription:{sub.id}", token_hash="t-revoked", expires_at=now + timedelta(days=1), status=InvitationStatus.REVOKED,
    )
    await Invitation.create(
        kind=InvitationKind.SEAT, email="other@example.com", first_name="Abby", last_name="Else", account_id=sub.account_id,
        target=f"subscription:{sub.id + 1000}", token_hash="t-other", expires_at=now + timedelta(days=1),
    )
    rows = [(f, la, e, False) for f, la, e in [*people, ("Zoe", "Admin", admin.email)]] + [(f, la, e, True) for f, la, e in invited]
    rows.sort(key=lambda r: (_ascii_lower(r[0]), _ascii_lower(r[1]), r[2], r[3]))
    expected = [f"{e}{' (invited)' if inv else ''}" for _, _, e, inv in rows]
    client = api.as_(await token_for(admin))

    def key(n: dict[str, Any]) -> str:
        return f"{n['email']}{' (invited)' if n['status'] == 'INVITED' else ''}"

    await check_connection(client, USERS, {"s": str(sub.id)}, ["subscriptionUsers"], expected, key=key)
    # Filters: only the invitations; a search term matches a first name, last name or email, whatever its case.
    await check_connection(client, USERS, {"s": str(sub.id), "status": "INVITED"}, ["subscriptionUsers"],
                           [e for e in expected if e.endswith("(invited)")], key=key)
    await check_connection(client, USERS, {"s": str(sub.id), "q": "O'BRIEN mac"}, ["subscriptionUsers"],
                           [e for e in expected if e.startswith("ob")], key=key)
    await check_connection(client, USERS, {"s": str(sub.id), "q": "ZED"}, ["subscriptionUsers"],
                           [e for e in expected if e.split("@")[0] in ("a0", "a1", "a2")], key=key)
