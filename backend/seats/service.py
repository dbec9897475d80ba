"""Subscriptions, seats and seat admins: plain async functions, keyword-only, no GraphQL.

Object-level permission lives here: `require_seat_admin` answers "is this person a seat
admin of this subscription?" for every domain built on subscriptions (teams, learning,
activity, reports).
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from tortoise.transactions import in_transaction

from backend.accounts import service as accounts
from backend.accounts.models import Account, User
from backend.audit import service as audit
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.observability import metrics
from backend.core.security import utcnow
from backend.seats.models import SeatHolder, SeatStatus, Subscription


class SeatAccess(str, Enum):
    SUBSCRIPTION = "subscription"
    ADMIN = "admin"
    BOTH = "both"

    @property
    def seat(self) -> bool:
        return self in (SeatAccess.SUBSCRIPTION, SeatAccess.BOTH)

    @property
    def admin(self) -> bool:
        return self in (SeatAccess.ADMIN, SeatAccess.BOTH)


def today() -> date:
    return utcnow().date()


def within_dates(subscription: Subscription, on: date | None = None) -> bool:
    on = on or today()
    return subscription.starts_on <= on <= subscription.ends_on


def has_content_access(subscription: Subscription, holder: SeatHolder | None, on: date | None = None) -> bool:
    """Content needs an active seat, and only between the access dates."""
    return holder is not None and holder.seat_status == SeatStatus.ACTIVE and within_dates(subscription, on)


async def get_subscription(*, subscription_id: int) -> Subscription:
    sub = await Subscription.get_or_none(id=subscription_id)
    if sub is None:
        raise NotFound("No such subscription.")
    return sub


async def is_seat_admin(*, subscription_id: int, user_id: int) -> bool:
    return await SeatHolder.exists(subscription_id=subscription_id, user_id=user_id, is_admin=True)


async def require_seat_admin(*, subscription_id: int, user: User) -> Subscription:
    """The subscription, when `user` is one of its seat admins; otherwise NOT_FOUND, exactly
    as for a subscription that does not exist (the API is no oracle for what exists)."""
    sub = await get_subscription(subscription_id=subscription_id)
    if not await is_seat_admin(subscription_id=sub.id, user_id=user.id):
        raise NotFound("No such subscription.")
    return sub


async def create_subscription(
    *, account: Account, actor: User, name: str, seat_count: int, starts_on: date, ends_on: date, features: list[str]
) -> Subscription:
    """A new subscription; its creator becomes its first seat admin (using no seat)."""
    _check_terms(name=name, seat_count=seat_count, starts_on=starts_on, ends_on=ends_on)
    async with in_transaction():
        sub = await Subscription.create(
            account=account, name=name.strip(), seat_count=seat_count, starts_on=starts_on, ends_on=ends_on,
            features=[f.strip() for f in features if f.strip()],
        )
        await SeatHolder.create(subscription=sub, user=actor, is_admin=True)
        await audit.record(action="subscription.created", actor_id=actor.id, account_id=account.id, subscription_id=sub.id)
    return sub


def _check_terms(*, name: str, seat_count: int, starts_on: date, ends_on: date) -> None:
    if not name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the subscription a name.", "name")
    if seat_count < 1:
        raise DomainError(ErrorCode.INVALID, "A subscription has at least one seat.", "seatCount")
    if ends_on < starts_on:
        raise DomainError(ErrorCode.INVALID, "Access ends before it starts.", "endsOn")


async def update_subscription(
    *, account_id: int, subscription_id: int, actor: User, name: str, seat_count: int, starts_on: date, ends_on: date,
    features: list[str],
) -> Subscription:
    """Change what was bought. Fewer seats than are in use is refused: deactivate people first.
    The row lock is the one `take_seat` uses, so a concurrent activation cannot slip past."""
    _check_terms(name=name, seat_count=seat_count, starts_on=starts_on, ends_on=ends_on)
    async with in_transaction():
        sub = await Subscription.filter(id=subscription_id, account_id=account_id).select_for_update().first()
        if sub is None:
            raise NotFound("No such subscription in this account.")
        in_use = await seats_allocated(subscription_id=sub.id)
        if seat_count < in_use:
            raise DomainError(
                ErrorCode.SEAT_COUNT_BELOW_ALLOCATED,
                f"{in_use} seats are in use: deactivate {in_use - seat_count} before going down to {seat_count}.", "seatCount",
            )
        before = {"seat_count": sub.seat_count, "starts_on": str(sub.starts_on), "ends_on": str(sub.ends_on)}
        sub.name, sub.seat_count, sub.starts_on, sub.ends_on = name.strip(), seat_count, starts_on, ends_on
        sub.features = [f.strip() for f in features if f.strip()]
        await sub.save(update_fields=["name", "seat_count", "starts_on", "ends_on", "features"])
        await audit.record(
            action="subscription.updated", actor_id=actor.id, account_id=account_id, subscription_id=sub.id,
            before=before, seat_count=seat_count, starts_on=str(starts_on), ends_on=str(ends_on),
        )
    return sub


async def seats_allocated(*, subscription_id: int) -> int:
    return await SeatHolder.filter(subscription_id=subscription_id, seat_status=SeatStatus.ACTIVE).count()


async def get_holder(*, subscription_id: int, user_id: int) -> SeatHolder:
    holder = await SeatHolder.get_or_none(subscription_id=subscription_id, user_id=user_id).select_related("user")
    if holder is None:
        raise NotFound("No such person on this subscription.")
    return holder


async def take_seat(*, subscription_id: int, user_id: int) -> SeatHolder:
    """Give `user_id` an active seat; never more active seats than the subscription has.

    The subscription row is locked (FOR UPDATE) before counting, so concurrent takers of
    the last seat queue up on PostgreSQL and exactly one of them wins. SQLite ignores the
    lock but serialises writers on its single connection."""
    async with in_transaction():
        sub = await Subscription.filter(id=subscription_id).select_for_update().get()
        holder = await SeatHolder.get_or_none(subscription_id=sub.id, user_id=user_id)
        if holder is not None and holder.seat_status == SeatStatus.ACTIVE:
            return holder
        if await seats_allocated(subscription_id=sub.id) >= sub.seat_count:
            metrics.seat("refused")
            raise DomainError(ErrorCode.NO_FREE_SEAT, f"All {sub.seat_count} seats are in use: deactivate someone first.")
        if holder is None:
            holder = await SeatHolder.create(subscription=sub, user_id=user_id)
        holder.seat_status, holder.activated_at = SeatStatus.ACTIVE, utcnow()
        await holder.save(update_fields=["seat_status", "activated_at"])
    metrics.seat("activated")
    return holder


async def activate_seat(*, actor: User, subscription_id: int, user_id: int) -> SeatHolder:
    await require_seat_admin(subscription_id=subscription_id, user=actor)
    await get_holder(subscription_id=subscription_id, user_id=user_id)
    async with in_transaction():
        holder = await take_seat(subscription_id=subscription_id, user_id=user_id)
        await audit.record(action="seat.activated", actor_id=actor.id, target_user_id=user_id, subscription_id=subscription_id)
    return await get_holder(subscription_id=subscription_id, user_id=holder.user_id)  # type: ignore[attr-defined]


async def deactivate_seat(*, actor: User, subscription_id: int, user_id: int) -> SeatHolder:
    await require_seat_admin(subscription_id=subscription_id, user=actor)
    holder = await get_holder(subscription_id=subscription_id, user_id=user_id)
    if holder.seat_status != SeatStatus.ACTIVE:
        raise DomainError(ErrorCode.NO_ACTIVE_SEAT, "This person holds no active seat.")
    async with in_transaction():
        await SeatHolder.filter(id=holder.id).update(seat_status=SeatStatus.DEACTIVATED, deactivated_at=utcnow())
        await audit.record(action="seat.deactivated", actor_id=actor.id, target_user_id=user_id, subscription_id=subscription_id)
    return await get_holder(subscription_id=subscription_id, user_id=user_id)


async def remove_admin_rights(*, actor: User, subscription_id: int, user_id: int) -> SeatHolder:
    """Admin rights go; the person's seat, if any, stays as it is."""
    await require_seat_admin(subscription_id=subscription_id, user=actor)
    holder = await get_holder(subscription_id=subscription_id, user_id=user_id)
    if not holder.is_admin:
        raise DomainError(ErrorCode.INVALID, "This person is not a seat admin.")
    async with in_transaction():
        sub = await Subscription.filter(id=subscription_id).select_for_update().get()
        if await SeatHolder.filter(subscription_id=sub.id, is_admin=True).count() <= 1:
            raise DomainError(ErrorCode.LAST_SEAT_ADMIN, "A subscription needs at least one seat admin.")
        await SeatHolder.filter(id=holder.id).update(is_admin=False)
        await audit.record(action="seat.admin_removed", actor_id=actor.id, target_user_id=user_id, subscription_id=subscription_id)
    return await get_holder(subscription_id=subscription_id, user_id=user_id)


async def send_password_reset(*, actor: User, subscription_id: int, user_id: int) -> None:
    from backend.auth import service as auth

    await require_seat_admin(subscription_id=subscription_id, user=actor)
    holder = await get_holder(subscription_id=subscription_id, user_id=user_id)
    async with in_transaction():
        await auth.send_reset_link(user=holder.user, actor_id=actor.id)


async def holdings_of(*, user_id: int) -> list[SeatHolder]:
    """Every subscription a person is on, with the subscription, in one query."""
    return await SeatHolder.filter(user_id=user_id).select_related("subscription").order_by("subscription__name", "id")


async def _on_a_subscription(user_id: int) -> bool:
    return await SeatHolder.exists(user_id=user_id)


accounts.register_other_access(_on_a_subscription)
