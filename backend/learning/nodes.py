"""`node(id:)` for the learning types: the catalogue for anyone signed in; modules and
assignments for seat admins of their subscription (`learningModules`, `assignments`), an
assignment also for a learner it reaches (as `myLearning` shows it); an activity event for
its person and the subscription's seat admins (`seatUserActivity`)."""

from __future__ import annotations

from typing import Any

from backend.activity.models import ActivityEvent
from backend.core.graphql import Info, require_user
from backend.core.nodes import pick, row
from backend.learning import learner, service
from backend.learning.models import Assignment, ContentItem, LearningModule
from backend.learning.types import (
    ActivityEventType,
    AssignmentType,
    ContentItemType,
    LearnerAssignment,
    LearningModuleType,
)
from backend.seats.nodes import seat_admin


async def content_item(info: Info, key: str) -> ContentItemType | None:
    await require_user(info)
    c = await row(ContentItem, key)
    return ContentItemType.of(c) if c else None


async def learning_module(info: Info, key: str) -> LearningModuleType | None:
    m = await row(LearningModule, key)
    if m is None or not await seat_admin(info, m.subscription_id):  # type: ignore[attr-defined]
        return None
    await m.fetch_related("items__content")  # the shape of `learningModules`
    return LearningModuleType.of(m)


async def assignment(info: Info, key: str) -> AssignmentType | LearnerAssignment | None:
    a = await row(Assignment, key)
    if a is None:
        return None
    if await seat_admin(info, a.subscription_id):  # type: ignore[attr-defined]
        return pick([AssignmentType.of(r) for r in await service.assignment_reports(subscription_id=a.subscription_id, assignment_ids=[a.id])], key)  # type: ignore[attr-defined]
    mine = [x for s in await learner.my_learning(user=await require_user(info)) for x in s.assignments]
    return pick([LearnerAssignment.of(x) for x in mine], key)


async def activity_event(info: Info, key: str) -> ActivityEventType | None:
    e = await row(ActivityEvent, key, "content")
    if e is None:
        return None
    if e.user_id == (await require_user(info)).id or await seat_admin(info, e.subscription_id):  # type: ignore[attr-defined]
        return ActivityEventType.of(e)
    return None


LOADERS: dict[str, Any] = {
    "ContentItem": content_item, "LearningModule": learning_module, "Assignment": assignment, "ActivityEvent": activity_event,
}
