"""`node(id:)` for subscriptions and teams: seat admins of the subscription (the rule of
`subscription` and `teams`); a subscription also for the people on it (`mySubscriptions`)."""

from __future__ import annotations

from typing import Any

from backend.core.errors import NotFound
from backend.core.graphql import Info, require_user
from backend.core.nodes import row
from backend.seats import schema as seat_schema
from backend.seats import service
from backend.seats.models import SeatHolder, Subscription, Team
from backend.seats.team_schema import TeamType
from backend.seats.types import SubscriptionType


async def subscription(info: Info, key: str) -> SubscriptionType | None:
    sub = await row(Subscription, key)
    if sub is None:
        return None
    user = await require_user(info)
    if await service.is_seat_admin(subscription_id=sub.id, user_id=user.id):
        return await seat_schema.subscription_type(sub)
    mine = await SeatHolder.exists(subscription_id=sub.id, user_id=user.id)
    return await seat_schema.subscription_type(sub, for_admin=False) if mine else None


async def team(info: Info, key: str) -> TeamType | None:
    t = await row(Team, key)
    if t is None:
        return None
    await service.require_seat_admin(subscription_id=t.subscription_id, user=await require_user(info))  # type: ignore[attr-defined]
    await t.fetch_related("members__user")  # the rule and the shape of `teams`
    return TeamType.of(t)


async def seat_admin_of_user(info: Info, user_id: int) -> bool:
    """Whether I administer a subscription this person is on (`subscriptionUsers` lists them)."""
    me = await require_user(info)
    theirs = await SeatHolder.filter(user_id=user_id).values_list("subscription_id", flat=True)
    return await SeatHolder.exists(user_id=me.id, is_admin=True, subscription_id__in=list(theirs)) if theirs else False


async def seat_admin(info: Info, subscription_id: int) -> bool:
    try:
        await service.require_seat_admin(subscription_id=subscription_id, user=await require_user(info))
    except NotFound:
        return False
    return True


LOADERS: dict[str, Any] = {"Subscription": subscription, "Team": team}
