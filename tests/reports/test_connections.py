"""The activity lists that grow are Relay connections: a person's events
(`seatUserActivity.events`, newest first) and a team's members (`teamActivity.members`).
`subscriptionUsage` stays a list: `days` bounds it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from backend.accounts.models import User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.security import utcnow
from backend.seats.models import SeatHolder, SeatStatus, Team, TeamMember
from tests.conftest import Api
from tests.connection_checks import ARGS, PAGE, VARS, check_connection, check_empty, page
from tests.factories import make_account, make_seat_user, make_subscription, make_user, pk, token_for

EVENTS = f"""query E($s: ID!, $u: ID!, {VARS}) {{ seatUserActivity(subscriptionId: $s, userId: $u) {{
  logins events({ARGS}) {{ {PAGE("id kind occurredAt content { title }")} }} }} }}"""
MEMBERS = f"""query M($t: ID!, {VARS}) {{ teamActivity(teamId: $t) {{ totals {{ logins }}
  members({ARGS}) {{ {PAGE("user { email } totals { logins }")} }} }} }}"""


async def _setup(seats: int = 2000):  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com")
    return admin, await make_subscription(await make_account("Acme", admin=admin), admin, seats=seats)


async def _events(sub: Any, user: User, n: int) -> None:
    """`n` logins, two an hour (two at the same moment: the id breaks that tie)."""
    start = utcnow() - timedelta(days=60)
    await ActivityEvent.bulk_create([
        ActivityEvent(subscription=sub, user=user, kind=ActivityKind.LOGIN, occurred_at=start + timedelta(hours=i // 2))
        for i in range(n)
    ])


async def test_a_persons_events_page_newest_first_both_ways(api: Api) -> None:
    admin, sub = await _setup()
    ann = await make_seat_user(sub, await make_user("ann@example.com"))
    client = api.as_(await token_for(admin))
    await check_empty(client, EVENTS, {"s": str(sub.id), "u": str(ann.id)}, ["seatUserActivity", "events"])
    start = utcnow() - timedelta(days=3)
    for hours in (0, 5, 5, 2, 9):
        await ActivityEvent.create(subscription=sub, user=ann, kind=ActivityKind.LOGIN, occurred_at=start + timedelta(hours=hours))
    ids = [str(e.id) for e in await ActivityEvent.filter(user=ann).order_by("-occurred_at", "-id")]
    await check_connection(client, EVENTS, {"s": str(sub.id), "u": str(ann.id)}, ["seatUserActivity", "events"], ids, key=lambda n: str(pk(n["id"])))


async def test_a_team_activitys_members_page_both_ways_and_the_totals_count_everyone(api: Api) -> None:
    admin, sub = await _setup()
    client = api.as_(await token_for(admin))
    team = await Team.create(subscription=sub, name="Network")
    await check_empty(client, MEMBERS, {"t": str(team.id)}, ["teamActivity", "members"])
    people = [await make_seat_user(sub, await make_user(f"{n.lower()}@example.com", first=n)) for n in ("Eve", "Al", "Di", "Bo", "Cy")]
    for u in people:
        await TeamMember.create(team=team, user=u)
        await ActivityEvent.create(subscription=sub, user=u, kind=ActivityKind.LOGIN, occurred_at=utcnow())
    emails = ["al@example.com", "bo@example.com", "cy@example.com", "di@example.com", "eve@example.com"]
    await check_connection(client, MEMBERS, {"t": str(team.id)}, ["teamActivity", "members"], emails, key=lambda n: n["user"]["email"])
    data = (await client(MEMBERS, {"t": str(team.id), "first": 1}))["teamActivity"]
    assert data["totals"]["logins"] == 5 and data["members"]["edges"][0]["node"]["totals"]["logins"] == 1


async def test_a_page_costs_the_same_statements_for_10_or_1000_rows(api: Api, count_queries: Any) -> None:
    admin, sub = await _setup()
    client = api.as_(await token_for(admin))
    counts: dict[str, list[int]] = {"events": [], "members": []}
    for n in (10, 1000):
        person = await make_seat_user(sub, await make_user(f"person{n}@example.com"))
        await _events(sub, person, n)
        with count_queries() as q:
            p = await page(client, EVENTS, {"s": str(sub.id), "u": str(person.id)}, ["seatUserActivity", "events"], first=100)
        counts["events"].append(q.count)
        assert (len(p["edges"]), p["totalCount"]) == (min(n, 100), n)
        team = await Team.create(subscription=sub, name=f"Team {n}")
        await User.bulk_create([User(email=f"m{i:04}.t{n}@example.com", first_name=f"M{i:04}") for i in range(n)])
        members = await User.filter(email__endswith=f".t{n}@example.com")
        await SeatHolder.bulk_create([SeatHolder(subscription=sub, user=u, seat_status=SeatStatus.ACTIVE) for u in members])
        await TeamMember.bulk_create([TeamMember(team=team, user=u) for u in members])
        with count_queries() as q:
            p = await page(client, MEMBERS, {"t": str(team.id)}, ["teamActivity", "members"], first=100)
        counts["members"].append(q.count)
        assert (len(p["edges"]), p["totalCount"]) == (min(n, 100), n)
    assert counts["events"][0] == counts["events"][1] and counts["members"][0] == counts["members"][1], counts
