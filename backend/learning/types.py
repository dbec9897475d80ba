"""GraphQL types for content, learning modules and assignments."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import ClassVar

import strawberry

from backend.accounts.types import UserType
from backend.activity import models as activity_models
from backend.activity.types import ActivityKind
from backend.core.errors import MutationError
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import gid
from backend.learning import learner, models
from backend.learning.service import AssignmentReport, PersonProgress
from backend.seats.service import today
from backend.seats.types import SeatUserStatus, SubscriptionType


@strawberry.enum(description="What a content item is.")
class ContentKind(Enum):
    EPISODE = strawberry.enum_value("episode", description="An episode (viewings recorded as VIEWING_STARTED / VIEWED_COMPLETELY).")
    COURSE = strawberry.enum_value("course", description="A course (viewings recorded as VIEWING_STARTED / VIEWED_COMPLETELY).")
    LAB = strawberry.enum_value("lab", description="A hands-on lab (recorded as LAB_STARTED / LAB_COMPLETED).")


@strawberry.type(name="ContentItem", description="An episode, course or lab from the catalogue.")
class ContentItemType(Node):
    database_id: int = database_id_field()
    kind: ContentKind = strawberry.field(description="Episode, course or lab.")
    title: str = strawberry.field(description="Title.")
    minutes: int = strawberry.field(description="Running time in minutes.")

    @classmethod
    def of(cls, c: models.ContentItem) -> "ContentItemType":
        return cls(id=strawberry.ID(str(c.id)), kind=ContentKind(c.kind.value), title=c.title, minutes=c.minutes)


@strawberry.type(name="LearningModule", description="A named, described collection of content to assign.")
class LearningModuleType(Node):
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Name.")
    description: str = strawberry.field(description="Description.")
    items: list[ContentItemType] = strawberry.field(description="Its content, in order.")

    @classmethod
    def of(cls, m: models.LearningModule) -> "LearningModuleType":
        items = [i.content for i in sorted(m.items, key=lambda i: i.position)]
        return cls(id=strawberry.ID(str(m.id)), name=m.name, description=m.description, items=[ContentItemType.of(c) for c in items])


@strawberry.type(description="One person's progress on an assignment.")
class AssignmentProgress:
    user: UserType = strawberry.field(description="The person.")
    completed_items: int = strawberry.field(description="Module items completed.")
    total_items: int = strawberry.field(description="Items in the module.")
    complete: bool = strawberry.field(description="Every item completed.")
    completed_at: datetime | None = strawberry.field(description="When the last item was completed, if complete.")

    @classmethod
    def of(cls, p: PersonProgress) -> "AssignmentProgress":
        return cls(user=UserType.of(p.user), completed_items=p.completed_items, total_items=p.total_items, complete=p.complete, completed_at=p.completed_at)


@strawberry.type(name="Assignment", description="A module assigned to people and teams with a due date, and how far they got.")
class AssignmentType(Node):
    database_id: int = database_id_field()
    module_id: strawberry.ID = strawberry.field(description="The module assigned.")
    module_name: str = strawberry.field(description="The module's name.")
    due_on: date = strawberry.field(description="Due date.")
    overdue: bool = strawberry.field(description="Past due and not everyone is done.")
    team_names: list[str] = strawberry.field(description="Teams it was assigned to (their current members count).")
    assigned_count: int = strawberry.field(description="People it reaches.")
    completed_count: int = strawberry.field(description="People who completed every item.")
    in_progress_count: int = strawberry.field(description="People who completed some items.")
    not_started_count: int = strawberry.field(description="People who completed none.")
    completion_rate: float = strawberry.field(description="completedCount / assignedCount, 0 to 1.")
    people: list[AssignmentProgress] = strawberry.field(description="Each person's progress, by name.")

    @classmethod
    def of(cls, r: AssignmentReport) -> "AssignmentType":
        n = len(r.people)
        return cls(
            id=strawberry.ID(str(r.assignment.id)), module_id=gid(r.module.id, "LearningModule"), module_name=r.module.name,
            due_on=r.assignment.due_on, overdue=r.assignment.due_on < today() and r.completed < n,
            team_names=r.team_names, assigned_count=n, completed_count=r.completed,
            in_progress_count=n - r.completed - r.not_started, not_started_count=r.not_started,
            completion_rate=round(r.completed / n, 4) if n else 0.0, people=[AssignmentProgress.of(p) for p in r.people],
        )


@strawberry.input(description="A new learning module.")
class CreateLearningModuleInput:
    name: str = strawberry.field(description="Name.")
    description: str = strawberry.field(default="", description="Description.")
    content_ids: list[strawberry.ID] = strawberry.field(description="Content items, in order.")


@strawberry.input(description="Assign a module to people and/or teams.")
class AssignModuleInput:
    module_id: strawberry.ID = strawberry.field(description="The module.")
    user_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description="People on the subscription.")
    team_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description="Teams of the subscription.")
    due_on: date = strawberry.field(description="Due date.")


@strawberry.type(description="Result of `createLearningModule`.")
class LearningModulePayload:
    module: LearningModuleType | None = strawberry.field(default=None, description="The module.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(description="Result of `assignModule`.")
class AssignmentPayload:
    assignment: AssignmentType | None = strawberry.field(default=None, description="The assignment with its metrics.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


@strawberry.type(name="ActivityEvent", description="One thing a person did on a subscription.")
class ActivityEventType(Node):
    database_id: int = database_id_field()
    kind: ActivityKind = strawberry.field(description="Login, viewing or lab.")
    occurred_at: datetime = strawberry.field(description="When.")
    content: ContentItemType | None = strawberry.field(description="What was viewed or practised; null for a login.")

    @classmethod
    def of(cls, e: activity_models.ActivityEvent) -> "ActivityEventType":
        return cls(
            id=strawberry.ID(str(e.id)), kind=ActivityKind(e.kind.value), occurred_at=e.occurred_at,
            content=ContentItemType.of(e.content) if e.content else None,
        )


@strawberry.type(description="Result of `recordActivity`, `openContent` and `finishContent`.")
class RecordActivityPayload:
    event: ActivityEventType | None = strawberry.field(default=None, description="The event recorded.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused (NO_ACTIVE_SEAT, OUTSIDE_ACCESS_DATES).")


@strawberry.enum(description="Where an assignment stands for the learner.")
class DueState(Enum):
    DONE = strawberry.enum_value("done", description="Every item finished.")
    OVERDUE = strawberry.enum_value("overdue", description="Past the due date and not finished.")
    DUE_SOON = strawberry.enum_value("due_soon", description=f"Due within {learner.DUE_SOON_DAYS} days and not finished.")
    UPCOMING = strawberry.enum_value("upcoming", description="Due later.")


@strawberry.type(description="A content item as the learner sees it: may it be opened, and how far they got.")
class LearnerItem:
    content: ContentItemType = strawberry.field(description="The episode, course or lab.")
    started: bool = strawberry.field(description="Opened at least once.")
    done: bool = strawberry.field(description="Viewed completely (a lab: completed).")

    @classmethod
    def of(cls, i: learner.LearnerItem) -> "LearnerItem":
        return cls(content=ContentItemType.of(i.content), started=i.started, done=i.done)


@strawberry.type(description="An assigned module, for the learner: due date, state and progress per item.")
class LearnerAssignment(Node):
    node_type: ClassVar[str | None] = "Assignment"  # a view of that row: one ID for both
    database_id: int = database_id_field()
    module_name: str = strawberry.field(description="The module's name.")
    module_description: str = strawberry.field(description="What the module is about.")
    due_on: date = strawberry.field(description="Due date.")
    state: DueState = strawberry.field(description="DONE, OVERDUE, DUE_SOON or UPCOMING.")
    completed_items: int = strawberry.field(description="Items finished.")
    total_items: int = strawberry.field(description="Items in the module.")
    completed_at: datetime | None = strawberry.field(description="When the last item was finished, if all are.")
    items: list[LearnerItem] = strawberry.field(description="The module's content in order, with progress.")

    @classmethod
    def of(cls, a: learner.LearnerAssignment) -> "LearnerAssignment":
        return cls(
            id=strawberry.ID(str(a.assignment.id)), module_name=a.module.name, module_description=a.module.description,
            due_on=a.assignment.due_on, state=DueState(a.state.value), completed_items=a.completed_items,
            total_items=len(a.items), completed_at=a.completed_at, items=[LearnerItem.of(i) for i in a.items],
        )


@strawberry.type(description="A subscription on which the signed-in person holds (or held) a seat: what they may learn there.")
class MyLearning:
    subscription: SubscriptionType = strawberry.field(description="The subscription: name and access dates.")
    status: SeatUserStatus = strawberry.field(description="The person's seat: ACTIVE or DEACTIVATED.")
    can_open: bool = strawberry.field(description="Content may be opened now: an active seat, today within the access dates.")
    assignments: list[LearnerAssignment] = strawberry.field(description="Assigned modules by due date.")
    library: list[LearnerItem] = strawberry.field(description="The catalogue (at most 200 items, by title) while content may be opened; empty otherwise.")
