"""The subscription's usage graph over GraphQL."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.activity import usage
from backend.activity.types import UsageDay
from backend.core.graphql import Info, require_user, to_id
from backend.core.permissions import signed_in
from backend.seats import service as seats
from backend.seats.args import SubArg


@strawberry.type
class Query:
    @strawberry.field(description="Daily usage (UTC) for the last `days` days, oldest first. Seat admins only.", extensions=signed_in())
    async def subscription_usage(
        self, info: Info, subscription_id: SubArg,
        days: Annotated[int, strawberry.argument(description="How many days, 1 to 366. Default 30.")] = 30,
    ) -> list[UsageDay]:
        sub = await seats.require_seat_admin(subscription_id=to_id(subscription_id), user=await require_user(info))
        return [UsageDay.of(d) for d in await usage.usage(subscription_id=sub.id, days=days)]
