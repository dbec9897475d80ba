"""The learner's side: what a person with a seat may open, their assignments with due
dates and progress, and recording what they open and finish.

Opening an item records a viewing (a lab start for labs); finishing records a complete
viewing (a lab completion). Those events are what assignments' progress and the seat
admins' activity screens and reports count, so both fill from real use.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum

from backend.accounts.models import User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.auth import service as auth
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.security import utcnow
from backend.learning.models import Assignment, ContentItem, ContentKind, LearningModule, ModuleItem
from backend.learning.service import DONE, assignment_reports, library
from backend.seats import service as seats
from backend.seats.models import SeatHolder, SeatStatus, Subscription

DUE_SOON_DAYS = 7
LAB_KINDS = (ActivityKind.LAB_STARTED, ActivityKind.LAB_COMPLETED)
STARTED = (ActivityKind.VIEWING_STARTED, ActivityKind.LAB_STARTED)


class DueState(str, Enum):
    DONE = "done"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"


def due_state(*, due_on: date, complete: bool, on: date | None = None) -> DueState:
    on = on or seats.today()
    if complete:
        return DueState.DONE
    if due_on < on:
        return DueState.OVERDUE
    return DueState.DUE_SOON if due_on <= on + timedelta(days=DUE_SOON_DAYS) else DueState.UPCOMING


@dataclass
class LearnerItem:
    content: ContentItem
    started: bool
    done: bool


@dataclass
class LearnerAssignment:
    assignment: Assignment
    module: LearningModule
    items: list[LearnerItem]
    completed_at: datetime | None

    @property
    def completed_items(self) -> int:
        return sum(1 for i in self.items if i.done)

    @property
    def state(self) -> DueState:
        complete = bool(self.items) and self.completed_items == len(self.items)
        return due_state(due_on=self.assignment.due_on, complete=complete)


@dataclass
class LearnerSubscription:
    subscription: Subscription
    holder: SeatHolder
    can_open: bool
    assignments: list[LearnerAssignment] = field(default_factory=list)
    library: list[LearnerItem] = field(default_factory=list)


async def _seat(*, user: User, subscription_id: int) -> tuple[Subscription, SeatHolder]:
    """The subscription and the person's seat on it, when they may use content today."""
    holder = await SeatHolder.get_or_none(subscription_id=subscription_id, user_id=user.id).select_related("subscription")
    if holder is None:
        raise NotFound("No such subscription.")
    sub = holder.subscription
    if not seats.within_dates(sub):
        raise DomainError(ErrorCode.OUTSIDE_ACCESS_DATES, f"This subscription gives access from {sub.starts_on} to {sub.ends_on}.")
    if not seats.has_content_access(sub, holder):
        raise DomainError(ErrorCode.NO_ACTIVE_SEAT, "You hold no active seat on this subscription.")
    return sub, holder


async def record(*, user: User, subscription_id: int, kind: ActivityKind, content_id: int | None) -> ActivityEvent:
    """A person records their own activity, only while holding an active seat within the
    subscription's access dates."""
    sub, _ = await _seat(user=user, subscription_id=subscription_id)
    if kind != ActivityKind.LOGIN:
        item = await ContentItem.get_or_none(id=content_id) if content_id is not None else None
        if item is None:
            raise DomainError(ErrorCode.REQUIRED, "Name the content watched or the lab.", "contentId")
        if (kind in LAB_KINDS) != (item.kind == ContentKind.LAB):
            raise DomainError(ErrorCode.INVALID, "Labs are recorded as LAB_*; episodes and courses as VIEWING_*.", "kind")
    elif content_id is not None:
        raise DomainError(ErrorCode.INVALID, "A login names no content.", "contentId")
    return await ActivityEvent.create(subscription=sub, user=user, kind=kind, content_id=content_id, occurred_at=utcnow())


async def _content(content_id: int) -> ContentItem:
    item = await ContentItem.get_or_none(id=content_id)
    if item is None:
        raise DomainError(ErrorCode.INVALID, "No such content.", "contentId")
    return item


async def open_content(*, user: User, subscription_id: int, content_id: int) -> ActivityEvent:
    """Opening an item: a viewing started (a lab started, for labs)."""
    lab = (await _content(content_id)).kind == ContentKind.LAB
    kind = ActivityKind.LAB_STARTED if lab else ActivityKind.VIEWING_STARTED
    return await record(user=user, subscription_id=subscription_id, kind=kind, content_id=content_id)


async def finish_content(*, user: User, subscription_id: int, content_id: int) -> ActivityEvent:
    """Finishing an item: viewed completely (a lab completed, for labs)."""
    lab = (await _content(content_id)).kind == ContentKind.LAB
    kind = ActivityKind.LAB_COMPLETED if lab else ActivityKind.VIEWED_COMPLETELY
    return await record(user=user, subscription_id=subscription_id, kind=kind, content_id=content_id)


async def _progress(*, user_id: int, subscription_id: int) -> tuple[set[int], set[int]]:
    """Content ids the person started and finished on the subscription."""
    started: set[int] = set()
    done: set[int] = set()
    rows = await ActivityEvent.filter(
        subscription_id=subscription_id, user_id=user_id, kind__in=[*STARTED, *DONE]
    ).distinct().values_list("kind", "content_id")
    for kind, cid in rows:
        (done if ActivityKind(kind) in DONE else started).add(cid)
    return started, done


async def _subscription(holder: SeatHolder) -> LearnerSubscription:
    sub = holder.subscription
    started, done = await _progress(user_id=holder.user_id, subscription_id=sub.id)  # type: ignore[attr-defined]
    reports = await assignment_reports(subscription_id=sub.id, user_id=holder.user_id)  # type: ignore[attr-defined]
    items: dict[int, list[ContentItem]] = defaultdict(list)
    for mi in await ModuleItem.filter(module_id__in=[r.module.id for r in reports]).select_related("content").order_by("position", "id"):
        items[mi.module_id].append(mi.content)  # type: ignore[attr-defined]

    def item(c: ContentItem) -> LearnerItem:
        return LearnerItem(content=c, started=c.id in started or c.id in done, done=c.id in done)

    out = LearnerSubscription(subscription=sub, holder=holder, can_open=seats.has_content_access(sub, holder))
    for r in reports:
        mine = r.people[0].completed_at if r.people else None
        out.assignments.append(LearnerAssignment(r.assignment, r.module, [item(c) for c in items[r.module.id]], mine))
    if out.can_open:
        out.library = [item(c) for c in await library()]
    return out


async def my_learning(*, user: User) -> list[LearnerSubscription]:
    """Every subscription on which the person holds (or held) a seat; admins-only rows are
    not learning. Assignments by due date; the library only while content may be opened."""
    holders = await SeatHolder.filter(
        user_id=user.id, seat_status__in=[SeatStatus.ACTIVE, SeatStatus.DEACTIVATED]
    ).select_related("subscription").order_by("subscription__name", "id")
    return [await _subscription(h) for h in holders]


async def record_logins(user: User) -> None:
    """A sign-in counts as a login on every subscription the person may use today."""
    now = utcnow()
    for h in await SeatHolder.filter(user_id=user.id, seat_status=SeatStatus.ACTIVE).select_related("subscription"):
        if seats.within_dates(h.subscription):
            await ActivityEvent.create(subscription=h.subscription, user=user, kind=ActivityKind.LOGIN, occurred_at=now)


auth.on_sign_in(record_logins)
