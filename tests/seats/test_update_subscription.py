"""updateSubscription: what was bought can change, never below the seats in use."""

from backend.audit.models import AuditEvent
from backend.seats.models import Subscription
from tests.conftest import Api
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for

UPDATE = """mutation U($a: ID!, $s: ID!, $input: CreateSubscriptionInput!) {
  updateSubscription(accountId: $a, subscriptionId: $s, input: $input) {
    subscription { name seatCount seatsAllocated seatsAvailable features } errors { code field } } }"""


def terms(seats: int, **over: object) -> dict:
    return {"name": "Team plan", "seatCount": seats, "startsOn": "2026-01-01", "endsOn": "2027-12-31",
            "features": ["Video library", "Labs"], **over}


async def _setup() -> tuple:
    admin = await make_user("owner@example.com")
    account = await make_account("Acme Learning", admin=admin)
    sub = await make_subscription(account, admin, seats=3)
    for name in ("Ann", "Bob"):
        await make_seat_user(sub, first=name)
    return admin, account, sub


async def test_more_seats_and_new_dates(api: Api) -> None:
    admin, account, sub = await _setup()
    data = await api.as_(await token_for(admin))(UPDATE, {"a": str(account.id), "s": str(sub.id), "input": terms(5)})
    assert data["updateSubscription"] == {
        "subscription": {"name": "Team plan", "seatCount": 5, "seatsAllocated": 2, "seatsAvailable": 3,
                         "features": ["Video library", "Labs"]},
        "errors": [],
    }
    event = await AuditEvent.get(action="subscription.updated")
    assert event.detail["before"]["seat_count"] == 3 and event.detail["seat_count"] == 5


async def test_never_below_the_seats_in_use_and_dates_in_order(api: Api) -> None:
    admin, account, sub = await _setup()
    client = api.as_(await token_for(admin))
    v = {"a": str(account.id), "s": str(sub.id)}
    below = (await client(UPDATE, {**v, "input": terms(1)}))["updateSubscription"]
    assert below == {"subscription": None, "errors": [{"code": "SEAT_COUNT_BELOW_ALLOCATED", "field": "seatCount"}]}
    backwards = (await client(UPDATE, {**v, "input": terms(4, endsOn="2025-01-01")}))["updateSubscription"]
    assert backwards["errors"] == [{"code": "INVALID", "field": "endsOn"}]
    exact = (await client(UPDATE, {**v, "input": terms(2)}))["updateSubscription"]
    assert exact["subscription"]["seatsAvailable"] == 0
    assert (await Subscription.get(id=sub.id)).seat_count == 2


async def test_only_the_owning_accounts_managers(api: Api) -> None:
    admin, account, sub = await _setup()
    other_admin = await make_user("other@example.com")
    other = await make_account("Other", admin=other_admin)
    as_other = api.as_(await token_for(other_admin))
    # Another account's admin: refused on our account, and our subscription is not in theirs.
    assert await as_other.error_code(UPDATE, {"a": str(account.id), "s": str(sub.id), "input": terms(9)}) == "FORBIDDEN"
    assert await as_other.error_code(UPDATE, {"a": str(other.id), "s": str(sub.id), "input": terms(9)}) == "NOT_FOUND"
    assert (await Subscription.get(id=sub.id)).seat_count == 3
