"""Activity page data and Excel downloads: seat admins only (401 without token, 403 otherwise)."""

from datetime import timedelta
from io import BytesIO

from httpx import AsyncClient
from openpyxl import load_workbook

from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.security import utcnow
from backend.learning.models import ContentItem, ContentKind
from backend.reports import rows as report_rows
from tests.conftest import Api
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for

ACTIVITY = """query A($s: ID!, $u: ID!) { seatUserActivity(subscriptionId: $s, userId: $u) {
  seatUser { email status } logins viewingsStarted viewedCompletely labsStarted labsCompleted lastLoginAt
  events(first: 3) { nodes { kind content { title } } totalCount } assignments { moduleName } downloadPath } }"""


async def _setup():  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com")
    sub = await make_subscription(await make_account("Acme", admin=admin), admin, seats=5)
    ann = await make_seat_user(sub, await make_user("ann@example.com", first="Ann", last="Lee"))
    bob = await make_seat_user(sub, await make_user("bob@example.com", first="Bob", last="Ray"))
    ep = await ContentItem.create(kind=ContentKind.EPISODE, slug="osi", title="The OSI model")
    lab = await ContentItem.create(kind=ContentKind.LAB, slug="vlan", title="VLAN lab")
    start = utcnow() - timedelta(days=3)
    rows = [
        (ann, ActivityKind.LOGIN, None), (ann, ActivityKind.VIEWING_STARTED, ep), (ann, ActivityKind.VIEWED_COMPLETELY, ep),
        (ann, ActivityKind.LAB_STARTED, lab), (bob, ActivityKind.LOGIN, None), (bob, ActivityKind.VIEWING_STARTED, ep),
        (ann, ActivityKind.LAB_COMPLETED, lab), (ann, ActivityKind.LOGIN, None),
    ]
    for i, (user, kind, content) in enumerate(rows):
        await ActivityEvent.create(subscription=sub, user=user, kind=kind, content=content, occurred_at=start + timedelta(hours=i))
    return admin, sub, ann, bob


def _rows(body: bytes) -> list[tuple]:
    wb = load_workbook(BytesIO(body), read_only=True)
    return [tuple(r) for r in wb.worksheets[1].iter_rows(values_only=True)]


async def test_activity_page_for_one_person(api: Api) -> None:
    admin, sub, ann, _ = await _setup()
    data = (await api.as_(await token_for(admin))(ACTIVITY, {"s": str(sub.id), "u": str(ann.id)}))["seatUserActivity"]
    assert data["seatUser"] == {"email": "ann@example.com", "status": "ACTIVE"}
    assert (data["logins"], data["viewingsStarted"], data["viewedCompletely"], data["labsStarted"], data["labsCompleted"]) == (2, 1, 1, 1, 1)
    assert [r["kind"] for r in data["events"]["nodes"]] == ["LOGIN", "LAB_COMPLETED", "LAB_STARTED"]
    assert data["events"]["totalCount"] == 6
    assert data["downloadPath"] == f"/reports/subscriptions/{sub.id}/users/{ann.id}/activity.xlsx"
    assert await api.as_(await token_for(ann)).error_code(ACTIVITY, {"s": str(sub.id), "u": str(ann.id)}) == "NOT_FOUND"


async def test_one_persons_viewing_history_as_xlsx(http: AsyncClient) -> None:
    admin, sub, ann, _ = await _setup()
    response = await http.get(f"/reports/subscriptions/{sub.id}/users/{ann.id}/activity.xlsx", headers={"Authorization": f"Bearer {await token_for(admin)}"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["content-disposition"] == f'attachment; filename="activity-user-{ann.id}.xlsx"'
    rows = _rows(response.content)
    assert rows[0] == ("When (UTC)", "Activity", "Content type", "Title")
    assert [r[1:] for r in rows[1:]] == [
        ("Started", "episode", "The OSI model"), ("Viewed completely", "episode", "The OSI model"),
        ("Lab started", "lab", "VLAN lab"), ("Lab completed", "lab", "VLAN lab"),
    ]


async def test_organization_reports(http: AsyncClient, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    admin, sub, *_ = await _setup()
    monkeypatch.setattr(report_rows, "CHUNK", 2)  # several chunks, still every row in order
    headers = {"Authorization": f"Bearer {await token_for(admin)}"}
    expected = {
        "viewings": [("Ann", "Started"), ("Ann", "Viewed completely"), ("Bob", "Started")],
        "labs": [("Ann", "Lab started"), ("Ann", "Lab completed")],
        "logins": [("Ann", "Login"), ("Bob", "Login"), ("Ann", "Login")],
    }
    for kind, want in expected.items():
        response = await http.get(f"/reports/subscriptions/{sub.id}/{kind}.xlsx", headers=headers)
        assert response.status_code == 200, response.text
        rows = _rows(response.content)
        assert rows[0] == ("When (UTC)", "First name", "Last name", "Email", "Activity", "Content type", "Title")
        assert [(r[1], r[4]) for r in rows[1:]] == want, kind
    assert (await http.get(f"/reports/subscriptions/{sub.id}/nonsense.xlsx", headers=headers)).status_code == 404


async def test_downloads_need_a_token_and_seat_admin_rights(http: AsyncClient) -> None:
    admin, sub, ann, _ = await _setup()
    outsider = await make_user("outsider@example.com")
    await make_subscription(await make_account("Other", admin=outsider), outsider)
    paths = [f"/reports/subscriptions/{sub.id}/viewings.xlsx", f"/reports/subscriptions/{sub.id}/users/{ann.id}/activity.xlsx"]
    for path in paths:
        assert (await http.get(path)).status_code == 401
        assert (await http.get(path, headers={"Authorization": "Bearer not-a-token"})).status_code == 401
        for who in (ann, outsider):
            assert (await http.get(path, headers={"Authorization": f"Bearer {await token_for(who)}"})).status_code == 404
    assert (await http.get("/reports/subscriptions/999999/logins.xlsx", headers={"Authorization": f"Bearer {await token_for(admin)}"})).status_code == 404
