"""My learning: a learner's subscriptions, access dates, assignments with due dates and
progress; opening and finishing content records the activity the seat admin sees."""

from datetime import timedelta

from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.security import utcnow
from backend.learning.models import Assignment, AssignmentTarget, ContentItem, ContentKind, LearningModule, ModuleItem
from backend.seats.models import SeatHolder, SeatStatus, Subscription, Team, TeamMember
from tests.conftest import Api
from tests.factories import PASSWORD, make_account, make_seat_user, make_subscription, make_user, token_for

MY = """query { myLearning { status canOpen subscription { name startsOn endsOn withinAccessDates }
  assignments { moduleName dueOn state completedItems totalItems completedAt items { content { title kind } started done } }
  library { content { title } done } } }"""
OPEN = """mutation O($s: ID!, $c: ID!) { openContent(subscriptionId: $s, contentId: $c) { event { kind content { title } } errors { code } } }"""
FINISH = """mutation F($s: ID!, $c: ID!) { finishContent(subscriptionId: $s, contentId: $c) { event { kind content { title } } errors { code } } }"""
LOGIN = """mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } errors { code } } }"""


async def _module(sub: Subscription, name: str, items: list[ContentItem], due_in: int, *, user=None, team=None) -> Assignment:  # type: ignore[no-untyped-def]
    module = await LearningModule.create(subscription=sub, name=name)
    for pos, item in enumerate(items):
        await ModuleItem.create(module=module, content=item, position=pos)
    a = await Assignment.create(subscription=sub, module=module, due_on=utcnow().date() + timedelta(days=due_in))
    await AssignmentTarget.create(assignment=a, user=user, team=team)
    return a


async def _setup():  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin, seats=5)
    ann = await make_seat_user(sub, await make_user("ann@example.com", first="Ann"))
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="osi", title="The OSI model", minutes=12)
    lab = await ContentItem.create(kind=ContentKind.LAB, slug="vlan", title="VLAN lab", minutes=30)
    extra = await ContentItem.create(kind=ContentKind.COURSE, slug="sec", title="Security course", minutes=90)
    team = await Team.create(subscription=sub, name="Network")
    await TeamMember.create(team=team, user=ann)
    await _module(sub, "Late one", [ep], -2, user=ann)
    await _module(sub, "Soon one", [ep, lab], 3, team=team)
    await _module(sub, "Later one", [extra], 30, user=ann)
    return admin, sub, ann, ep, lab, extra


async def test_my_learning_lists_assignments_by_due_date_with_their_state(api: Api) -> None:
    _, sub, ann, ep, lab, extra = await _setup()
    [mine] = (await api.as_(await token_for(ann))(MY))["myLearning"]
    assert mine["status"] == "ACTIVE" and mine["canOpen"] is True
    assert mine["subscription"]["name"] == "Team plan" and mine["subscription"]["withinAccessDates"] is True
    assert [(a["moduleName"], a["state"], a["completedItems"], a["totalItems"]) for a in mine["assignments"]] == [
        ("Late one", "OVERDUE", 0, 1), ("Soon one", "DUE_SOON", 0, 2), ("Later one", "UPCOMING", 0, 1),
    ]
    assert [i["content"]["title"] for i in mine["assignments"][1]["items"]] == ["The OSI model", "VLAN lab"]
    assert [i["content"]["title"] for i in mine["library"]] == ["Security course", "The OSI model", "VLAN lab"]


async def test_opening_and_finishing_records_viewings_and_labs_and_completes_assignments(api: Api) -> None:
    _, sub, ann, ep, lab, _ = await _setup()
    as_ann = api.as_(await token_for(ann))
    v = {"s": str(sub.id)}
    assert (await as_ann(OPEN, {**v, "c": str(ep.id)}))["openContent"] == {"event": {"kind": "VIEWING_STARTED", "content": {"title": "The OSI model"}}, "errors": []}
    assert (await as_ann(FINISH, {**v, "c": str(ep.id)}))["finishContent"]["event"]["kind"] == "VIEWED_COMPLETELY"
    assert (await as_ann(OPEN, {**v, "c": str(lab.id)}))["openContent"]["event"]["kind"] == "LAB_STARTED"
    [mine] = (await as_ann(MY))["myLearning"]
    assert [(a["state"], a["completedItems"]) for a in mine["assignments"]] == [("DONE", 1), ("DUE_SOON", 1), ("UPCOMING", 0)]
    assert [(i["started"], i["done"]) for i in mine["assignments"][1]["items"]] == [(True, True), (True, False)]
    assert (await as_ann(FINISH, {**v, "c": str(lab.id)}))["finishContent"]["event"]["kind"] == "LAB_COMPLETED"
    [mine] = (await as_ann(MY))["myLearning"]
    assert mine["assignments"][1]["state"] == "DONE" and mine["assignments"][1]["completedAt"]
    kinds = await ActivityEvent.filter(user_id=ann.id).order_by("id").values_list("kind", flat=True)
    assert kinds == [ActivityKind.VIEWING_STARTED, ActivityKind.VIEWED_COMPLETELY, ActivityKind.LAB_STARTED, ActivityKind.LAB_COMPLETED]


async def test_no_seat_or_no_access_dates_means_nothing_opens_and_nothing_is_recorded(api: Api) -> None:
    _, sub, ann, ep, _, _ = await _setup()
    as_ann = api.as_(await token_for(ann))
    await SeatHolder.filter(user_id=ann.id).update(seat_status=SeatStatus.DEACTIVATED)
    [mine] = (await as_ann(MY))["myLearning"]
    assert (mine["status"], mine["canOpen"], mine["library"]) == ("DEACTIVATED", False, [])
    assert len(mine["assignments"]) == 3  # still shown, to know what was asked
    assert (await as_ann(OPEN, {"s": str(sub.id), "c": str(ep.id)}))["openContent"]["errors"] == [{"code": "NO_ACTIVE_SEAT"}]
    await SeatHolder.filter(user_id=ann.id).update(seat_status=SeatStatus.ACTIVE)
    await Subscription.filter(id=sub.id).update(ends_on=utcnow().date() - timedelta(days=1))
    assert (await as_ann(FINISH, {"s": str(sub.id), "c": str(ep.id)}))["finishContent"]["errors"] == [{"code": "OUTSIDE_ACCESS_DATES"}]
    assert not await ActivityEvent.exists(user_id=ann.id)


async def test_strangers_and_admins_without_a_seat_have_no_learning(api: Api) -> None:
    admin, sub, _, ep, _, _ = await _setup()
    stranger = await make_user("stranger@example.com")
    v = {"s": str(sub.id), "c": str(ep.id)}
    for who in (admin, stranger):
        assert (await api.as_(await token_for(who))(MY))["myLearning"] == []
    assert (await api.as_(await token_for(admin))(OPEN, v))["openContent"]["errors"] == [{"code": "NO_ACTIVE_SEAT"}]
    assert await api.as_(await token_for(stranger)).error_code(OPEN, v) == "NOT_FOUND"
    assert await api.error_code(MY) == "UNAUTHENTICATED"


async def test_signing_in_counts_as_a_login_where_the_person_holds_a_seat(api: Api) -> None:
    _, sub, ann, *_ = await _setup()
    other = await make_subscription(await make_account("Old"), await make_user("old.admin@example.com"), name="Old plan")
    await make_seat_user(other, ann, active=False)
    data = (await api(LOGIN, {"e": "ann@example.com", "p": PASSWORD}))["login"]
    assert data["errors"] == []
    logins = await ActivityEvent.filter(user_id=ann.id, kind=ActivityKind.LOGIN).values_list("subscription_id", flat=True)
    assert logins == [sub.id]
