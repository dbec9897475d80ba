"""A team's activity (members, logins, viewings, labs, completion of the team's
assignments) and its Excel report; every report's Summary sheet and date range."""

from datetime import datetime, timedelta, timezone
from io import BytesIO

from httpx import AsyncClient
from openpyxl import load_workbook

from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.security import utcnow
from backend.learning.models import Assignment, AssignmentTarget, ContentItem, ContentKind, LearningModule, ModuleItem
from backend.seats.models import Team, TeamMember
from tests.conftest import Api
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for

TEAM = """query T($t: ID!, $since: Date, $until: Date) { teamActivity(teamId: $t, since: $since, until: $until) {
  team { name } since until totals { logins viewingsStarted viewedCompletely labsStarted labsCompleted }
  members { nodes { user { firstName } status totals { logins viewedCompletely labsCompleted lastLoginAt } assignmentsDone assignmentsTotal } }
  assignments { moduleName assignedCount completedCount } downloadPath } }"""


def _day(n: int) -> datetime:
    """Noon UTC, `n` days ago."""
    d = utcnow().date() - timedelta(days=n)
    return datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc)


async def _setup():  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin, seats=5)
    ann = await make_seat_user(sub, await make_user("ann@example.com", first="Ann", last="Lee"))
    bob = await make_seat_user(sub, await make_user("bob@example.com", first="Bob", last="Ray"))
    cy = await make_seat_user(sub, await make_user("cy@example.com", first="Cy", last="Out"))  # not in the team
    team = await Team.create(subscription=sub, name="Network")
    for u in (ann, bob):
        await TeamMember.create(team=team, user=u)
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="osi", title="The OSI model")
    lab = await ContentItem.create(kind=ContentKind.LAB, slug="vlan", title="VLAN lab")
    module = await LearningModule.create(subscription=sub, name="Basics")
    await ModuleItem.create(module=module, content=ep, position=0)
    a = await Assignment.create(subscription=sub, module=module, due_on=utcnow().date() + timedelta(days=5))
    await AssignmentTarget.create(assignment=a, team=team)
    rows = [
        (ann, ActivityKind.LOGIN, None, 10), (ann, ActivityKind.VIEWED_COMPLETELY, ep, 10), (ann, ActivityKind.LOGIN, None, 2),
        (ann, ActivityKind.LAB_COMPLETED, lab, 2), (bob, ActivityKind.LOGIN, None, 1), (cy, ActivityKind.LOGIN, None, 1),
    ]
    for user, kind, content, ago in rows:
        await ActivityEvent.create(subscription=sub, user=user, kind=kind, content=content, occurred_at=_day(ago))
    return admin, sub, team, (ann, bob, cy)


async def test_team_activity_counts_members_and_the_teams_assignments(api: Api) -> None:
    admin, sub, team, _ = await _setup()
    data = (await api.as_(await token_for(admin))(TEAM, {"t": str(team.id)}))["teamActivity"]
    assert data["team"] == {"name": "Network"} and (data["since"], data["until"]) == (None, None)
    assert data["totals"] == {"logins": 3, "viewingsStarted": 0, "viewedCompletely": 1, "labsStarted": 0, "labsCompleted": 1}
    assert [(m["user"]["firstName"], m["status"], m["totals"]["logins"], m["assignmentsDone"], m["assignmentsTotal"]) for m in data["members"]["nodes"]] == [
        ("Ann", "ACTIVE", 2, 1, 1), ("Bob", "ACTIVE", 1, 0, 1),
    ]
    assert data["members"]["nodes"][0]["totals"]["lastLoginAt"].startswith(_day(2).date().isoformat())
    assert data["assignments"] == [{"moduleName": "Basics", "assignedCount": 2, "completedCount": 1}]
    assert data["downloadPath"] == f"/reports/subscriptions/{sub.id}/teams/{team.id}/activity.xlsx"


async def test_team_activity_within_dates(api: Api) -> None:
    admin, sub, team, _ = await _setup()
    since = (utcnow().date() - timedelta(days=3)).isoformat()
    data = (await api.as_(await token_for(admin))(TEAM, {"t": str(team.id), "since": since}))["teamActivity"]
    assert data["since"] == since
    assert data["totals"]["logins"] == 2 and data["totals"]["viewedCompletely"] == 0
    assert data["downloadPath"].endswith(f"/activity.xlsx?from={since}")
    later = {"t": str(team.id), "since": since, "until": (utcnow().date() - timedelta(days=5)).isoformat()}
    assert await api.as_(await token_for(admin)).error_code(TEAM, later) == "BAD_REQUEST"


async def test_only_the_subscriptions_seat_admins_see_a_team(api: Api) -> None:
    _, _, team, (ann, *_) = await _setup()
    outsider = await make_user("outsider@example.com")
    await make_subscription(await make_account("Other", admin=outsider), outsider)
    for who in (ann, outsider):  # not a seat admin here: the team reads as not existing (no oracle)
        assert await api.as_(await token_for(who)).error_code(TEAM, {"t": str(team.id)}) == "NOT_FOUND"
    assert await api.error_code(TEAM, {"t": str(team.id)}) == "UNAUTHENTICATED"


def _sheets(body: bytes) -> dict[str, list[tuple]]:
    wb = load_workbook(BytesIO(body), read_only=True)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


async def test_team_report_has_a_summary_with_per_person_totals_and_the_raw_events(http: AsyncClient) -> None:
    admin, sub, team, _ = await _setup()
    response = await http.get(f"/reports/subscriptions/{sub.id}/teams/{team.id}/activity.xlsx", headers={"Authorization": f"Bearer {await token_for(admin)}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == f'attachment; filename="activity-team-{team.id}.xlsx"'
    sheets = _sheets(response.content)
    assert list(sheets) == ["Summary", "Events"]
    summary = sheets["Summary"]
    assert summary[0] == ("Activity of team Network",) and summary[1] == ("Period", "All time")
    assert summary[4][:8] == ("First name", "Last name", "Email", "Logins", "Viewings started", "Viewed completely", "Labs started", "Labs completed")
    assert [r[:8] for r in summary[5:]] == [
        ("Ann", "Lee", "ann@example.com", 2, 0, 1, 0, 1), ("Bob", "Ray", "bob@example.com", 1, 0, 0, 0, 0),
        ("Total", None, "2 people", 3, 0, 1, 0, 1),
    ]
    assert [(r[1], r[4]) for r in sheets["Events"][1:]] == [("Ann", "Login"), ("Ann", "Viewed completely"), ("Ann", "Login"), ("Ann", "Lab completed"), ("Bob", "Login")]


async def test_every_report_takes_a_date_range_and_refuses_a_bad_one(http: AsyncClient) -> None:
    admin, sub, team, (ann, *_) = await _setup()
    headers = {"Authorization": f"Bearer {await token_for(admin)}"}
    since = (utcnow().date() - timedelta(days=3)).isoformat()
    response = await http.get(f"/reports/subscriptions/{sub.id}/logins.xlsx?from={since}", headers=headers)
    sheets = _sheets(response.content)
    assert sheets["Summary"][1] == ("Period", f"{since} to today")
    assert [r[:4] for r in sheets["Summary"][5:]] == [("Ann", "Lee", "ann@example.com", 1), ("Bob", "Ray", "bob@example.com", 1), ("Cy", "Out", "cy@example.com", 1), ("Total", None, "3 people", 3)]
    assert [r[1] for r in sheets["Logins"][1:]] == ["Ann", "Bob", "Cy"]
    person = _sheets((await http.get(f"/reports/subscriptions/{sub.id}/users/{ann.id}/activity.xlsx?to={since}", headers=headers)).content)
    assert [r[1] for r in person["Viewing history"][1:]] == ["Viewed completely"]
    for bad in ("from=yesterday", f"from={since}&to=2000-01-01"):
        assert (await http.get(f"/reports/subscriptions/{sub.id}/logins.xlsx?{bad}", headers=headers)).status_code == 400
    other = await Team.create(subscription=await make_subscription(await make_account("Else", admin=admin), admin, name="Else"), name="Else")
    assert (await http.get(f"/reports/subscriptions/{sub.id}/teams/{other.id}/activity.xlsx", headers=headers)).status_code == 404
    assert (await http.get(f"/reports/subscriptions/{sub.id}/teams/{team.id}/activity.xlsx", headers={"Authorization": f"Bearer {await token_for(ann)}"})).status_code == 404
