"""Learning modules, assignments to people and teams, and completion metrics."""

from datetime import timedelta

from backend.core.security import utcnow
from backend.learning.models import Assignment, ContentItem, ContentKind
from backend.seats.models import Team, TeamMember
from tests.conftest import Api
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for

CONTENT = "query { contentItems(kind: EPISODE) { nodes { title } } }"
CREATE = """mutation M($s: ID!, $input: CreateLearningModuleInput!) { createLearningModule(subscriptionId: $s, input: $input) {
  module { id name description items { title kind } } errors { code field } } }"""
ASSIGN = """mutation A($input: AssignModuleInput!) { assignModule(input: $input) {
  assignment { id moduleName dueOn overdue teamNames assignedCount completedCount inProgressCount notStartedCount completionRate
    people { user { firstName } completedItems totalItems complete } } errors { code field } } }"""
ASSIGNMENTS = """query L($s: ID!) { assignments(subscriptionId: $s) { nodes { moduleName assignedCount completedCount inProgressCount
  notStartedCount completionRate overdue people { user { firstName } completedItems complete completedAt } } } }"""
RECORD = """mutation R($s: ID!, $k: ActivityKind!, $c: ID) { recordActivity(subscriptionId: $s, kind: $k, contentId: $c) {
  event { kind content { title } } errors { code field } } }"""


async def _setup(api: Api):  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin, seats=10)
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="osi", title="The OSI model", minutes=12)
    lab = await ContentItem.create(kind=ContentKind.LAB, slug="vlan-lab", title="VLAN lab", minutes=30)
    ann, bob, cy = [await make_seat_user(sub, first=n) for n in ("Ann", "Bob", "Cy")]
    team = await Team.create(subscription=sub, name="Network")
    for u in (bob, cy):
        await TeamMember.create(team=team, user=u)
    return api.as_(await token_for(admin)), sub, ep, lab, (ann, bob, cy), team


async def test_assignment_completion_per_assignment_and_per_person(api: Api) -> None:
    as_admin, sub, ep, lab, (ann, bob, cy), team = await _setup(api)
    assert (await as_admin(CONTENT))["contentItems"]["nodes"] == [{"title": "The OSI model"}]
    module = (await as_admin(CREATE, {"s": str(sub.id), "input": {
        "name": "Networking basics", "description": "Start here", "contentIds": [str(ep.id), str(lab.id)]}}))["createLearningModule"]
    assert module["errors"] == []
    assert module["module"]["items"] == [{"title": "The OSI model", "kind": "EPISODE"}, {"title": "VLAN lab", "kind": "LAB"}]

    due = (utcnow().date() + timedelta(days=14)).isoformat()
    data = (await as_admin(ASSIGN, {"input": {
        "moduleId": module["module"]["id"], "userIds": [str(ann.id), str(bob.id)], "teamIds": [str(team.id)], "dueOn": due}}))["assignModule"]
    assert data["errors"] == []
    a = data["assignment"]
    assert (a["moduleName"], a["dueOn"], a["overdue"], a["teamNames"], a["assignedCount"]) == ("Networking basics", due, False, ["Network"], 3)
    assert a["notStartedCount"] == 3 and a["completionRate"] == 0.0

    for user, kind, content in [(ann, "VIEWED_COMPLETELY", ep), (ann, "LAB_COMPLETED", lab), (bob, "VIEWED_COMPLETELY", ep)]:
        rec = (await api.as_(await token_for(user))(RECORD, {"s": str(sub.id), "k": kind, "c": str(content.id)}))["recordActivity"]
        assert rec["errors"] == [], rec
    [report] = (await as_admin(ASSIGNMENTS, {"s": str(sub.id)}))["assignments"]["nodes"]
    assert (report["assignedCount"], report["completedCount"], report["inProgressCount"], report["notStartedCount"]) == (3, 1, 1, 1)
    assert report["completionRate"] == round(1 / 3, 4)
    assert [(p["user"]["firstName"], p["completedItems"], p["complete"], p["completedAt"] is not None) for p in report["people"]] == [
        ("Ann", 2, True, True), ("Bob", 1, False, False), ("Cy", 0, False, False)
    ]
    await Assignment.all().update(due_on=utcnow().date() - timedelta(days=1))
    assert (await as_admin(ASSIGNMENTS, {"s": str(sub.id)}))["assignments"]["nodes"][0]["overdue"] is True


async def test_refusals_change_nothing(api: Api) -> None:
    as_admin, sub, ep, lab, (ann, *_), team = await _setup(api)
    empty = (await as_admin(CREATE, {"s": str(sub.id), "input": {"name": "X", "contentIds": []}}))["createLearningModule"]
    assert empty["errors"] == [{"code": "REQUIRED", "field": "contentIds"}]
    module = (await as_admin(CREATE, {"s": str(sub.id), "input": {"name": "X", "contentIds": [str(ep.id)]}}))["createLearningModule"]["module"]
    outsider = await make_user("outsider@example.com")
    stranger = await make_seat_user(await make_subscription(await make_account("Other", admin=outsider), outsider))
    due = utcnow().date().isoformat()
    bad = (await as_admin(ASSIGN, {"input": {"moduleId": module["id"], "userIds": [str(stranger.id)], "dueOn": due}}))["assignModule"]
    assert bad["errors"] == [{"code": "INVALID", "field": "userIds"}]
    code = await api.as_(await token_for(outsider)).error_code(ASSIGN, {"input": {"moduleId": module["id"], "userIds": [str(ann.id)], "dueOn": due}})
    assert code == "NOT_FOUND"
    assert await Assignment.all().count() == 0


async def test_recording_activity_needs_an_active_seat_and_matching_content(api: Api) -> None:
    as_admin, sub, ep, lab, (ann, *_), _ = await _setup(api)
    as_ann = api.as_(await token_for(ann))
    wrong = (await as_ann(RECORD, {"s": str(sub.id), "k": "LAB_STARTED", "c": str(ep.id)}))["recordActivity"]
    assert wrong["errors"] == [{"code": "INVALID", "field": "kind"}]
    missing = (await as_ann(RECORD, {"s": str(sub.id), "k": "VIEWING_STARTED", "c": None}))["recordActivity"]
    assert missing["errors"] == [{"code": "REQUIRED", "field": "contentId"}]
    ok = (await as_ann(RECORD, {"s": str(sub.id), "k": "VIEWING_STARTED", "c": str(ep.id)}))["recordActivity"]
    assert ok == {"event": {"kind": "VIEWING_STARTED", "content": {"title": "The OSI model"}}, "errors": []}
    await as_admin("mutation D($s: ID!, $u: ID!) { deactivateSeat(subscriptionId: $s, userId: $u) { errors { code } } }", {"s": str(sub.id), "u": str(ann.id)})
    refused = (await as_ann(RECORD, {"s": str(sub.id), "k": "LOGIN", "c": None}))["recordActivity"]
    assert refused["errors"] == [{"code": "NO_ACTIVE_SEAT", "field": None}]
    outsider = await make_user("outsider@example.com")
    assert await api.as_(await token_for(outsider)).error_code(RECORD, {"s": str(sub.id), "k": "LOGIN", "c": None}) == "NOT_FOUND"
