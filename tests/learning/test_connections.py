"""`learningModules`, `assignments` and `contentItems` are Relay connections: paged both ways,
ordered by their sort key then the id, at a SQL cost that does not grow with the list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from backend.learning.models import Assignment, AssignmentTarget, ContentItem, ContentKind, LearningModule, ModuleItem
from tests.conftest import Api
from tests.connection_checks import ARGS, PAGE, VARS, check_connection, check_empty, page
from tests.factories import make_account, make_seat_user, make_subscription, make_user, pk, token_for

MODULES = f"query M($s: ID!, {VARS}) {{ learningModules(subscriptionId: $s, {ARGS}) {{ {PAGE('name items { title }')} }} }}"
ASSIGNMENTS = f"""query A($s: ID!, {VARS}) {{ assignments(subscriptionId: $s, {ARGS}) {{
  {PAGE("id moduleName dueOn assignedCount people { user { email } completedItems }")} }} }}"""
CONTENT = f"""query C($kind: ContentKind, $q: String! = "", {VARS}) {{
  contentItems(kind: $kind, search: $q, {ARGS}) {{ {PAGE("title kind")} }} }}"""


async def _setup(name: str = "Acme"):  # type: ignore[no-untyped-def]
    admin = await make_user(f"admin@{name.lower()}.example.com")
    return admin, await make_subscription(await make_account(name, admin=admin), admin, seats=2000)


async def _modules(sub: Any, n: int, item: ContentItem) -> list[LearningModule]:
    await LearningModule.bulk_create([LearningModule(subscription=sub, name=f"Module {i:04}") for i in range(n)])
    modules = await LearningModule.filter(subscription=sub).order_by("name")
    await ModuleItem.bulk_create([ModuleItem(module=m, content=item, position=0) for m in modules])
    return modules


async def test_modules_page_both_ways_by_name_then_id(api: Api) -> None:
    admin, sub = await _setup()
    client = api.as_(await token_for(admin))
    await check_empty(client, MODULES, {"s": str(sub.id)}, ["learningModules"])
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="osi", title="The OSI model")
    for name in ("Routing", "Basics", "Routing", "Advanced", "Switching"):  # two of the same name: the id decides
        m = await LearningModule.create(subscription=sub, name=name)
        await ModuleItem.create(module=m, content=ep, position=0)
    ids = [m.id for m in await LearningModule.filter(subscription=sub).order_by("name", "id")]
    doc = MODULES.replace("name items", "id name items")
    await check_connection(client, doc, {"s": str(sub.id)}, ["learningModules"], ids, key=lambda n: pk(n["id"]))
    first = await page(client, MODULES, {"s": str(sub.id)}, ["learningModules"], first=1)
    assert first["edges"][0]["node"] == {"name": "Advanced", "items": [{"title": "The OSI model"}]}


async def test_assignments_page_both_ways_by_due_date_then_id(api: Api) -> None:
    admin, sub = await _setup()
    client = api.as_(await token_for(admin))
    await check_empty(client, ASSIGNMENTS, {"s": str(sub.id)}, ["assignments"])
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="osi", title="The OSI model")
    [module] = await _modules(sub, 1, ep)
    ann = await make_seat_user(sub, await make_user("ann@example.com", first="Ann"))
    today = date.today()
    for days in (5, 1, 5, 3, 1):
        a = await Assignment.create(subscription=sub, module=module, due_on=today + timedelta(days=days))
        await AssignmentTarget.create(assignment=a, user=ann)
    ids = [a.id for a in await Assignment.filter(subscription=sub).order_by("due_on", "id")]
    await check_connection(client, ASSIGNMENTS, {"s": str(sub.id)}, ["assignments"], ids, key=lambda n: pk(n["id"]))
    node = (await page(client, ASSIGNMENTS, {"s": str(sub.id)}, ["assignments"], last=1))["edges"][0]["node"]
    assert (node["assignedCount"], node["people"]) == (1, [{"user": {"email": "ann@example.com"}, "completedItems": 0}])


async def test_content_pages_both_ways_with_its_filters(api: Api) -> None:
    admin, _ = await _setup()
    client = api.as_(await token_for(admin))
    await check_empty(client, CONTENT, {}, ["contentItems"])
    for i, (kind, title) in enumerate([
        (ContentKind.LAB, "VLAN lab"), (ContentKind.EPISODE, "OSI model"), (ContentKind.COURSE, "CCNA"),
        (ContentKind.EPISODE, "ARP"), (ContentKind.EPISODE, "OSI model"),
    ]):
        await ContentItem.create(kind=kind, slug=f"c{i}", title=title)
    ids = [c.id for c in await ContentItem.all().order_by("title", "id")]
    doc = CONTENT.replace("title kind", "id title kind")
    await check_connection(client, doc, {}, ["contentItems"], ids, key=lambda n: pk(n["id"]))
    episodes = ["ARP", "OSI model", "OSI model"]
    await check_connection(client, CONTENT, {"kind": "EPISODE"}, ["contentItems"], episodes, key=lambda n: n["title"])
    await check_empty(client, CONTENT, {"q": "nothing like it"}, ["contentItems"])


async def test_a_page_costs_the_same_statements_for_10_or_1000_rows(api: Api, count_queries: Any) -> None:
    admin, small = await _setup("Small")
    big = await make_subscription(await make_account("Big", admin=admin), admin, seats=2000)
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="osi", title="The OSI model")
    for sub, n in ((small, 10), (big, 1000)):
        modules = await _modules(sub, n, ep)
        ann = await make_seat_user(sub)
        await Assignment.bulk_create([Assignment(subscription=sub, module=m, due_on=date.today()) for m in modules])
        await AssignmentTarget.bulk_create([AssignmentTarget(assignment=a, user=ann) for a in await Assignment.filter(subscription=sub)])
    client = api.as_(await token_for(admin))
    for document, field in ((MODULES, "learningModules"), (ASSIGNMENTS, "assignments")):
        counts = []
        for sub in (small, big):
            with count_queries() as q:
                p = await page(client, document, {"s": str(sub.id)}, [field], first=100)
            counts.append(q.count)
            assert len(p["edges"]) == min(100, p["totalCount"])
        assert counts[0] == counts[1], (field, counts)
    await ContentItem.bulk_create([ContentItem(kind=ContentKind.LAB, slug=f"lab-{i}", title=f"Lab {i:04}") for i in range(999)])
    with count_queries() as q:
        p = await page(client, CONTENT, {}, ["contentItems"], first=100)
    assert p["totalCount"] == 1000 and len(p["edges"]) == 100
    assert q.count <= 4  # the session, a COUNT and one SELECT
