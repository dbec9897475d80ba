"""The seat admin's user list: filters, order, search, a constant number of queries; usage; resets."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from tortoise import connections

from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.security import utcnow
from backend.learning.models import Assignment, AssignmentTarget, ContentItem, ContentKind, LearningModule, ModuleItem
from backend.seats.models import Team, TeamMember
from tests.conftest import Api, Mailbox, body_text
from tests.factories import gid, link_token, make_account, make_seat_user, make_subscription, make_user, token_for

USERS = """query U($s: ID!, $status: SeatUserFilter, $q: String! = "") {
  subscriptionUsers(subscriptionId: $s, status: $status, search: $q) {
    nodes { email firstName status isAdmin hasContentAccess teams user { id fullName createdAt } } } }"""
INVITE = """mutation I($s: ID!, $e: String!) { inviteSeatUser(subscriptionId: $s, input: {
  firstName: "Ivy", lastName: "Invited", email: $e, access: SUBSCRIPTION}) { errors { code } } }"""
USAGE = "query G($s: ID!, $d: Int!) { subscriptionUsage(subscriptionId: $s, days: $d) { day activeUsers logins viewings viewedCompletely labs } }"
RESET = "mutation R($s: ID!, $u: ID!) { sendSeatUserPasswordReset(subscriptionId: $s, userId: $u) { ok errors { code } } }"


async def _setup(seats: int = 50):  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com", first="Sia", last="Admin")
    sub = await make_subscription(await make_account("Acme Learning", admin=admin), admin, seats=seats)
    return admin, sub


@contextmanager
def count_queries(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every SQL statement run on the current connection while inside the block."""
    calls: list[str] = []
    cls = type(connections.get("default"))
    for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_many"):
        original = getattr(cls, name)

        async def counted(self, query, *args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(query)
            return await _original(self, query, *args, **kwargs)

        monkeypatch.setattr(cls, name, counted)
    try:
        yield calls
    finally:
        monkeypatch.undo()


async def test_filters_order_and_search(api: Api) -> None:
    admin, sub = await _setup()
    zed = await make_seat_user(sub, await make_user("zed@example.com", first="Zed", last="Young"))
    amy = await make_seat_user(sub, await make_user("amy@corp.example.com", first="Amy", last="Ng"))
    await make_seat_user(sub, await make_user("max@example.com", first="Max", last="Old"), active=False)
    team = await Team.create(subscription=sub, name="Blue")
    await TeamMember.create(team=team, user=zed)
    as_admin = api.as_(await token_for(admin))
    assert (await as_admin(INVITE, {"s": str(sub.id), "e": "ivy@example.com"}))["inviteSeatUser"]["errors"] == []

    everyone = (await as_admin(USERS, {"s": str(sub.id)}))["subscriptionUsers"]["nodes"]
    assert [(r["firstName"], r["status"], r["isAdmin"]) for r in everyone] == [
        ("Amy", "ACTIVE", False), ("Ivy", "INVITED", False), ("Max", "DEACTIVATED", False),
        ("Sia", "NONE", True), ("Zed", "ACTIVE", False),
    ]
    assert everyone[-1]["teams"] == ["Blue"] and everyone[1]["user"] is None
    zed_user = everyone[-1]["user"]
    assert zed_user["id"] == gid("User", zed.id) and zed_user["fullName"] == "Zed " + zed.last_name
    assert zed_user["createdAt"].startswith(zed.created_at.isoformat()[:16])  # read as a plain row, same value
    by = lambda status, q="": as_admin(USERS, {"s": str(sub.id), "status": status, "q": q})  # noqa: E731
    assert [r["email"] for r in (await by("ACTIVE"))["subscriptionUsers"]["nodes"]] == [amy.email, zed.email]
    assert [r["email"] for r in (await by("INVITED"))["subscriptionUsers"]["nodes"]] == ["ivy@example.com"]
    assert [r["email"] for r in (await by("DEACTIVATED"))["subscriptionUsers"]["nodes"]] == ["max@example.com"]
    assert [r["email"] for r in (await by("ADMINS"))["subscriptionUsers"]["nodes"]] == ["seatadmin@example.com"]
    assert [r["email"] for r in (await by(None, "corp"))["subscriptionUsers"]["nodes"]] == [amy.email]
    assert [r["email"] for r in (await by(None, "zed young"))["subscriptionUsers"]["nodes"]] == [zed.email]
    assert [r["email"] for r in (await by("ACTIVE", "ivy"))["subscriptionUsers"]["nodes"]] == []


async def _people(sub, n: int) -> None:  # type: ignore[no-untyped-def]
    team = await Team.create(subscription=sub, name=f"Team {n}")
    module = await LearningModule.create(subscription=sub, name=f"Module {n}")
    item = await ContentItem.create(kind=ContentKind.EPISODE, slug=f"ep-{n}", title="Episode")
    await ModuleItem.create(module=module, content=item)
    assignment = await Assignment.create(subscription=sub, module=module, due_on=utcnow().date())
    await AssignmentTarget.create(assignment=assignment, team=team)
    for i in range(n):
        u = await make_seat_user(sub, active=i % 3 != 0, first=f"P{i:03}")
        await TeamMember.create(team=team, user=u)
        await AssignmentTarget.create(assignment=assignment, user=u)
        await ActivityEvent.create(subscription=sub, user=u, kind=ActivityKind.VIEWED_COMPLETELY, content=item, occurred_at=utcnow())


TEAMS = "query T($s: ID!) { teams(subscriptionId: $s) { nodes { name members { nodes { email } } } } }"
ASSIGNMENTS = "query A($s: ID!) { assignments(subscriptionId: $s) { nodes { completedCount people { user { email } complete } } } }"


@pytest.mark.parametrize("document", [TEAMS, ASSIGNMENTS])
async def test_teams_and_assignments_cost_the_same_queries_for_3_or_30_people(api: Api, monkeypatch: pytest.MonkeyPatch, document: str) -> None:
    admin, small = await _setup()
    big = await make_subscription(await make_account("Big Co", admin=admin), admin, seats=50)
    await _people(small, 3)
    await _people(big, 30)
    as_admin = api.as_(await token_for(admin))
    counts = []
    for sub in (small, big):
        with count_queries(monkeypatch) as calls:
            await as_admin(document, {"s": str(sub.id)})
        counts.append(len(calls))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("status", [None, "ACTIVE", "ADMINS"])
async def test_the_user_list_costs_the_same_queries_for_3_or_30_people(api: Api, monkeypatch: pytest.MonkeyPatch, status) -> None:  # type: ignore[no-untyped-def]
    admin, small = await _setup()
    big = await make_subscription(await make_account("Big Co", admin=admin), admin, seats=50)
    await _people(small, 3)
    await _people(big, 30)
    as_admin = api.as_(await token_for(admin))
    counts = []
    for sub, n in ((small, 3), (big, 30)):
        with count_queries(monkeypatch) as calls:
            rows = (await as_admin(USERS, {"s": str(sub.id), "status": status}))["subscriptionUsers"]["nodes"]
        assert status or len(rows) == n + 1
        counts.append(len(calls))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 8


async def test_usage_is_a_daily_series(api: Api) -> None:
    admin, sub = await _setup()
    ann, bob = await make_seat_user(sub), await make_seat_user(sub)
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="ep-1", title="Subnetting")
    now = utcnow()
    yesterday = now - timedelta(days=1)
    for user, kind, at in [
        (ann, ActivityKind.LOGIN, yesterday), (ann, ActivityKind.VIEWING_STARTED, yesterday),
        (bob, ActivityKind.LOGIN, now), (ann, ActivityKind.LOGIN, now), (bob, ActivityKind.VIEWING_STARTED, now),
        (bob, ActivityKind.VIEWED_COMPLETELY, now), (bob, ActivityKind.LOGIN, now - timedelta(days=10)),
    ]:
        await ActivityEvent.create(subscription=sub, user=user, kind=kind, occurred_at=at, content=None if kind == ActivityKind.LOGIN else ep)
    series = (await api.as_(await token_for(admin))(USAGE, {"s": str(sub.id), "d": 7}))["subscriptionUsage"]
    assert len(series) == 7 and series[-1]["day"] == now.date().isoformat()
    assert series[-1] == {"day": now.date().isoformat(), "activeUsers": 2, "logins": 2, "viewings": 1, "viewedCompletely": 1, "labs": 0}
    assert series[-2]["activeUsers"] == 1 and series[-2]["viewings"] == 1
    assert sum(d["logins"] for d in series) == 3  # the one ten days ago is outside the window


async def test_seat_admin_sends_a_15_minute_password_reset(api: Api, mailbox: Mailbox) -> None:
    admin, sub = await _setup()
    ann = await make_seat_user(sub, await make_user("ann@example.com"))
    data = (await api.as_(await token_for(admin))(RESET, {"s": str(sub.id), "u": str(ann.id)}))["sendSeatUserPasswordReset"]
    assert data == {"ok": True, "errors": []}
    await mailbox.deliver()
    [msg] = mailbox.to("ann@example.com")
    assert "15 minutes" in body_text(msg)
    assert link_token(body_text(msg), "/reset-password")
    outsider = await make_user("outsider@example.com")
    assert await api.as_(await token_for(outsider)).error_code(RESET, {"s": str(sub.id), "u": str(ann.id)}) == "NOT_FOUND"


async def test_usage_days_are_utc_days_counted_in_sql(api: Api, count_queries) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, timezone

    admin, sub = await _setup()
    ann = await make_seat_user(sub)
    today_utc = utcnow().date()
    # 01:30 at +05:00 is 20:30 UTC the day before; 23:59 UTC stays on its own day.
    plus5 = timezone(timedelta(hours=5))
    early_local = datetime.combine(today_utc, datetime.min.time(), tzinfo=plus5).replace(hour=1, minute=30)
    late_utc = datetime.combine(today_utc - timedelta(days=2), datetime.min.time(), tzinfo=timezone.utc).replace(hour=23, minute=59)
    for at in (early_local, late_utc):
        await ActivityEvent.create(subscription=sub, user=ann, kind=ActivityKind.LOGIN, occurred_at=at)
    client = api.as_(await token_for(admin))
    with count_queries() as q:
        series = (await client(USAGE, {"s": str(sub.id), "d": 3}))["subscriptionUsage"]
    by_day = {d["day"]: d["logins"] for d in series}
    assert by_day == {
        (today_utc - timedelta(days=2)).isoformat(): 1,
        (today_utc - timedelta(days=1)).isoformat(): 1,
        today_utc.isoformat(): 0,
    }
    assert q.count <= 6  # the session, the permission check, and two grouped queries


async def test_each_person_shows_their_last_sign_in(api: Api) -> None:
    admin = await make_user("lastseen.admin@example.com")
    sub = await make_subscription(await make_account("Seen", admin=admin), admin)
    never = await make_seat_user(sub, await make_user("never@example.com", first="Nev"))
    seen = await make_seat_user(sub, await make_user("seen@example.com", first="Sy"))
    await token_for(seen)
    doc = "query U($s: ID!) { subscriptionUsers(subscriptionId: $s) { nodes { email lastSignInAt } } }"
    rows = {r["email"]: r["lastSignInAt"] for r in (await api.as_(await token_for(admin))(doc, {"s": str(sub.id)}))["subscriptionUsers"]["nodes"]}
    assert rows["never@example.com"] is None and never.email == "never@example.com"
    assert rows["seen@example.com"] is not None and rows["lastseen.admin@example.com"] is not None
