"""The demo seed builds a usable seats dashboard, and running it twice changes nothing."""

from backend import demo
from backend.activity.models import ActivityEvent
from backend.learning.models import Assignment, ContentItem
from backend.seats.models import SeatHolder, SeatStatus, Subscription, Team
from tests.conftest import Api

LOGIN = """mutation { login(email: "admin@demo.portico.dev", password: "portico-demo-2026") { tokens { accessToken } } }"""
DASHBOARD = """query D($s: ID!) { subscription(subscriptionId: $s) { seatCount seatsAllocated seatsAvailable }
  subscriptionUsage(subscriptionId: $s, days: 28) { activeUsers }
  assignments(subscriptionId: $s) { nodes { assignedCount } } teams(subscriptionId: $s) { nodes { name } } }"""


async def _counts() -> tuple[int, ...]:
    return (
        await Subscription.all().count(), await SeatHolder.all().count(), await Team.all().count(),
        await ContentItem.all().count(), await Assignment.all().count(), await ActivityEvent.all().count(),
    )


async def test_demo_seed_is_idempotent_and_shows_on_the_dashboard(api: Api) -> None:
    await demo.seed()
    first = await _counts()
    await demo.seed()
    assert await _counts() == first
    sub = await Subscription.get()
    assert sub.seat_count == 10
    assert await SeatHolder.filter(subscription=sub, seat_status__in=[SeatStatus.ACTIVE, SeatStatus.DEACTIVATED]).count() == 7
    assert first[5] > 100  # weeks of activity
    token = (await api(LOGIN))["login"]["tokens"]["accessToken"]
    data = await api.as_(token)(DASHBOARD, {"s": str(sub.id)})
    assert data["subscription"] == {"seatCount": 10, "seatsAllocated": 6, "seatsAvailable": 4}
    assert sum(d["activeUsers"] for d in data["subscriptionUsage"]) > 0
    assert data["assignments"]["nodes"][0]["assignedCount"] == 5
    assert [t["name"] for t in data["teams"]["nodes"]] == ["Coaches", "Front desk"]
