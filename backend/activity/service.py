"""Recording activity (the content player calls it) and one person's activity summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.functions import Count

from backend.accounts.models import User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.security import utcnow
from backend.learning.models import ContentItem, ContentKind
from backend.seats import service as seats
from backend.seats.models import SeatHolder

LAB_KINDS = (ActivityKind.LAB_STARTED, ActivityKind.LAB_COMPLETED)


async def record(*, user: User, subscription_id: int, kind: ActivityKind, content_id: int | None) -> ActivityEvent:
    """A person records their own activity, only while holding an active seat within the
    subscription's access dates."""
    sub = await seats.get_subscription(subscription_id=subscription_id)
    holder = await SeatHolder.get_or_none(subscription_id=sub.id, user_id=user.id)
    if holder is None:
        raise NotFound("No such subscription.")
    if not seats.within_dates(sub):
        raise DomainError(ErrorCode.OUTSIDE_ACCESS_DATES, "This subscription gives no access today.")
    if not seats.has_content_access(sub, holder):
        raise DomainError(ErrorCode.NO_ACTIVE_SEAT, "You hold no active seat on this subscription.")
    if kind != ActivityKind.LOGIN:
        item = await ContentItem.get_or_none(id=content_id) if content_id is not None else None
        if item is None:
            raise DomainError(ErrorCode.REQUIRED, "Name the content watched or the lab.", "contentId")
        if (kind in LAB_KINDS) != (item.kind == ContentKind.LAB):
            raise DomainError(ErrorCode.INVALID, "Labs are recorded as LAB_*; episodes and courses as VIEWING_*.", "kind")
    elif content_id is not None:
        raise DomainError(ErrorCode.INVALID, "A login names no content.", "contentId")
    return await ActivityEvent.create(subscription=sub, user=user, kind=kind, content_id=content_id, occurred_at=utcnow())


@dataclass
class ActivitySummary:
    holder: SeatHolder
    logins: int
    viewings_started: int
    viewed_completely: int
    labs_started: int
    labs_completed: int
    last_login_at: datetime | None
    recent: list[ActivityEvent]


async def summary(*, actor: User, subscription_id: int, user_id: int, recent: int = 20) -> ActivitySummary:
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    holder = await seats.get_holder(subscription_id=subscription_id, user_id=user_id)
    base = ActivityEvent.filter(subscription_id=subscription_id, user_id=user_id)
    counts = {k: 0 for k in ActivityKind}
    for kind, n in await base.annotate(n=Count("id")).group_by("kind").values_list("kind", "n"):
        counts[ActivityKind(kind)] = n
    last = await base.filter(kind=ActivityKind.LOGIN).order_by("-occurred_at").first()
    rows = await base.order_by("-occurred_at", "-id").limit(max(1, min(recent, 200))).select_related("content")
    return ActivitySummary(
        holder=holder, logins=counts[ActivityKind.LOGIN], viewings_started=counts[ActivityKind.VIEWING_STARTED],
        viewed_completely=counts[ActivityKind.VIEWED_COMPLETELY], labs_started=counts[ActivityKind.LAB_STARTED],
        labs_completed=counts[ActivityKind.LAB_COMPLETED], last_login_at=last.occurred_at if last else None, recent=rows,
    )
