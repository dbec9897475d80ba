"""Seat accounting: a seat is taken on activation, freed on deactivation, never over the count."""

import asyncio

import pytest

from backend.audit.models import AuditEvent
from backend.seats.models import SeatHolder, SeatStatus
from tests.conftest import Api
from tests.factories import make_account, make_seat_user, make_subscription, make_user, token_for

ACTIVATE = """mutation A($s: ID!, $u: ID!) { activateSeat(subscriptionId: $s, userId: $u) {
  seatUser { email status isAdmin hasContentAccess } subscription { seatsAllocated seatsAvailable seatCount }
  errors { code } } }"""
DEACTIVATE = ACTIVATE.replace("activateSeat", "deactivateSeat")
REMOVE_ADMIN = ACTIVATE.replace("activateSeat", "removeAdminRights")
DETAILS = """query D($s: ID!) { subscription(subscriptionId: $s) {
  name seatCount seatsAllocated seatsAvailable withinAccessDates features } }"""


async def _setup(seats: int = 2):  # type: ignore[no-untyped-def]
    admin = await make_user("seatadmin@example.com", first="Sia", last="Admin")
    account = await make_account("Acme Learning", admin=admin)
    sub = await make_subscription(account, admin, seats=seats)
    return admin, account, sub


async def _status(sub, user) -> tuple[SeatStatus, bool]:  # type: ignore[no-untyped-def]
    h = await SeatHolder.get(subscription_id=sub.id, user_id=user.id)
    return h.seat_status, h.is_admin


async def test_activate_deactivate_and_reactivation_needs_a_free_seat(api: Api) -> None:
    admin, _, sub = await _setup(seats=2)
    ann = await make_seat_user(sub, first="Ann")
    bob = await make_seat_user(sub, active=False, first="Bob")
    cat = await make_seat_user(sub, active=False, first="Cat")
    as_admin = api.as_(await token_for(admin))
    v = lambda u: {"s": str(sub.id), "u": str(u.id)}  # noqa: E731

    data = (await as_admin(ACTIVATE, v(bob)))["activateSeat"]
    assert data["errors"] == []
    assert data["seatUser"] == {"email": bob.email, "status": "ACTIVE", "isAdmin": False, "hasContentAccess": True}
    assert data["subscription"] == {"seatsAllocated": 2, "seatsAvailable": 0, "seatCount": 2}

    audit_before = await AuditEvent.all().count()
    refused = (await as_admin(ACTIVATE, v(cat)))["activateSeat"]
    assert refused == {"seatUser": None, "subscription": None, "errors": [{"code": "NO_FREE_SEAT"}]}
    assert await _status(sub, cat) == (SeatStatus.DEACTIVATED, False)
    assert await SeatHolder.filter(subscription_id=sub.id, seat_status=SeatStatus.ACTIVE).count() == 2
    assert await AuditEvent.all().count() == audit_before

    freed = (await as_admin(DEACTIVATE, v(ann)))["deactivateSeat"]
    assert freed["seatUser"]["status"] == "DEACTIVATED" and freed["seatUser"]["hasContentAccess"] is False
    assert freed["subscription"]["seatsAvailable"] == 1
    assert (await as_admin(ACTIVATE, v(cat)))["activateSeat"]["errors"] == []
    again = (await as_admin(ACTIVATE, v(ann)))["activateSeat"]
    assert again["errors"] == [{"code": "NO_FREE_SEAT"}]
    assert await _status(sub, ann) == (SeatStatus.DEACTIVATED, False)
    details = (await as_admin(DETAILS, {"s": str(sub.id)}))["subscription"]
    assert details == {
        "name": "Team plan", "seatCount": 2, "seatsAllocated": 2, "seatsAvailable": 0, "withinAccessDates": True,
        "features": ["Video library", "Practice labs"],
    }


async def test_activating_an_active_seat_is_a_no_op_and_deactivating_twice_is_refused(api: Api) -> None:
    admin, _, sub = await _setup(seats=1)
    ann = await make_seat_user(sub)
    as_admin = api.as_(await token_for(admin))
    v = {"s": str(sub.id), "u": str(ann.id)}
    assert (await as_admin(ACTIVATE, v))["activateSeat"]["subscription"]["seatsAllocated"] == 1
    assert (await as_admin(DEACTIVATE, v))["deactivateSeat"]["errors"] == []
    assert (await as_admin(DEACTIVATE, v))["deactivateSeat"]["errors"] == [{"code": "NO_ACTIVE_SEAT"}]


async def test_seat_admin_uses_no_seat_and_remove_admin_rights_keeps_the_seat(api: Api) -> None:
    admin, _, sub = await _setup(seats=1)
    both = await make_seat_user(sub, admin=True, first="Bo", last="Th")
    as_admin = api.as_(await token_for(admin))
    details = (await as_admin(DETAILS, {"s": str(sub.id)}))["subscription"]
    assert details["seatsAllocated"] == 1  # only `both`; the first admin holds no seat
    assert await _status(sub, admin) == (SeatStatus.NONE, True)

    data = (await as_admin(REMOVE_ADMIN, {"s": str(sub.id), "u": str(both.id)}))["removeAdminRights"]
    assert data["errors"] == []
    assert data["seatUser"] == {"email": both.email, "status": "ACTIVE", "isAdmin": False, "hasContentAccess": True}
    assert data["subscription"]["seatsAllocated"] == 1
    # `both` is no longer a seat admin: refused, and nothing changes.
    as_both = api.as_(await token_for(both))
    assert await as_both.error_code(DEACTIVATE, {"s": str(sub.id), "u": str(both.id)}) == "NOT_FOUND"
    assert await _status(sub, both) == (SeatStatus.ACTIVE, False)


async def test_the_last_seat_admin_keeps_admin_rights(api: Api) -> None:
    admin, _, sub = await _setup()
    data = (await api.as_(await token_for(admin))(REMOVE_ADMIN, {"s": str(sub.id), "u": str(admin.id)}))["removeAdminRights"]
    assert data["errors"] == [{"code": "LAST_SEAT_ADMIN"}]
    assert await _status(sub, admin) == (SeatStatus.NONE, True)


async def test_other_accounts_admins_and_seat_users_are_forbidden_and_nothing_changes(api: Api) -> None:
    admin, _, sub = await _setup(seats=3)
    ann = await make_seat_user(sub, first="Ann")
    outsider = await make_user("other-admin@example.com")
    other = await make_account("Other Co", admin=outsider)
    await make_subscription(other, outsider)
    for who in (outsider, ann):
        as_who = api.as_(await token_for(who))
        for doc in (ACTIVATE, DEACTIVATE, REMOVE_ADMIN):
            assert await as_who.error_code(doc, {"s": str(sub.id), "u": str(ann.id)}) == "NOT_FOUND"
        assert await as_who.error_code(DETAILS, {"s": str(sub.id)}) == "NOT_FOUND"
    assert await api.error_code(DETAILS, {"s": str(sub.id)}) == "UNAUTHENTICATED"
    assert await _status(sub, ann) == (SeatStatus.ACTIVE, False)


async def test_a_seat_admin_cannot_reach_people_of_another_subscription(api: Api) -> None:
    admin, _, sub = await _setup()
    outsider = await make_user("other-admin@example.com")
    other_sub = await make_subscription(await make_account("Other Co", admin=outsider), outsider)
    stranger = await make_seat_user(other_sub, active=False)
    body = await api.as_(await token_for(admin)).raw(ACTIVATE, {"s": str(sub.id), "u": str(stranger.id)})
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert not await SeatHolder.exists(subscription_id=sub.id, user_id=stranger.id)


async def test_outside_the_access_dates_nobody_has_content_access(api: Api) -> None:
    from datetime import timedelta

    from backend.core.security import utcnow
    from backend.seats.models import Subscription

    admin, _, sub = await _setup()
    ann = await make_seat_user(sub)
    await Subscription.filter(id=sub.id).update(ends_on=utcnow().date() - timedelta(days=1))
    as_admin = api.as_(await token_for(admin))
    assert (await as_admin(DETAILS, {"s": str(sub.id)}))["subscription"]["withinAccessDates"] is False
    mine = "query { mySubscriptions { status isAdmin hasContentAccess subscription { name } } }"
    assert (await api.as_(await token_for(ann))(mine))["mySubscriptions"] == [
        {"status": "ACTIVE", "isAdmin": False, "hasContentAccess": False, "subscription": {"name": "Team plan"}}
    ]
    record = 'mutation R($s: ID!) { recordActivity(subscriptionId: $s, kind: LOGIN) { event { id } errors { code } } }'
    data = (await api.as_(await token_for(ann))(record, {"s": str(sub.id)}))["recordActivity"]
    assert data == {"event": None, "errors": [{"code": "OUTSIDE_ACCESS_DATES"}]}


@pytest.mark.committed
async def test_twenty_admins_racing_for_the_last_seat_one_wins(api: Api) -> None:
    admin, _, sub = await _setup(seats=5)
    for _ in range(4):
        await make_seat_user(sub)
    waiting = [await make_seat_user(sub, active=False) for _ in range(20)]
    tokens = []
    for _ in range(20):  # twenty different seat admins, each with their own request
        tokens.append(await token_for(await make_seat_user(sub, active=False, admin=True)))

    results = await asyncio.gather(*[
        api.as_(t)(ACTIVATE, {"s": str(sub.id), "u": str(u.id)}) for t, u in zip(tokens, waiting)
    ])
    codes = sorted("ok" if not r["activateSeat"]["errors"] else r["activateSeat"]["errors"][0]["code"] for r in results)
    assert codes == ["NO_FREE_SEAT"] * 19 + ["ok"]
    assert await SeatHolder.filter(subscription_id=sub.id, seat_status=SeatStatus.ACTIVE).count() == 5


@pytest.mark.committed
async def test_parallel_service_calls_never_exceed_the_seat_count() -> None:
    """Separate connections (on PostgreSQL), no GraphQL: the lock alone keeps the count."""
    from backend.core.errors import DomainError
    from backend.seats import service

    admin, _, sub = await _setup(seats=3)
    people = [await make_seat_user(sub, active=False) for _ in range(20)]

    async def take(user_id: int) -> str:
        try:
            await service.take_seat(subscription_id=sub.id, user_id=user_id)
        except DomainError as e:
            return e.code.value
        return "ok"

    outcomes = await asyncio.gather(*[take(p.id) for p in people])
    assert sorted(outcomes).count("ok") == 3
    assert await SeatHolder.filter(subscription_id=sub.id, seat_status=SeatStatus.ACTIVE).count() == 3
