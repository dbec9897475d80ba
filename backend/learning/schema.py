"""Content, learning modules and assignments over GraphQL."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.activity.models import ActivityKind as EventKind
from backend.activity.types import ActivityKind
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest
from backend.core.permissions import ANY_ACCOUNT, signed_in
from backend.learning import learner, models, service
from backend.learning.types import (
    ActivityEventType,
    AssignmentPayload,
    AssignmentType,
    AssignModuleInput,
    ContentItemType,
    ContentKind,
    CreateLearningModuleInput,
    LearnerAssignment,
    LearnerItem,
    LearningModulePayload,
    LearningModuleType,
    MyLearning,
    RecordActivityPayload,
)
from backend.seats import service as seats
from backend.seats.args import ContentArg, SubArg
from backend.seats.types import SeatUserStatus, SubscriptionType


async def _my(row: learner.LearnerSubscription) -> MyLearning:
    allocated = await seats.seats_allocated(subscription_id=row.subscription.id)
    return MyLearning(
        subscription=SubscriptionType.of(row.subscription, allocated), status=SeatUserStatus(row.holder.seat_status.value),
        can_open=row.can_open, assignments=[LearnerAssignment.of(a) for a in row.assignments],
        library=[LearnerItem.of(i) for i in row.library],
    )


async def _recorded(change, info: Info, subscription_id: strawberry.ID, content_id: strawberry.ID) -> RecordActivityPayload:  # type: ignore[no-untyped-def]
    try:
        e = await change(user=await require_user(info), subscription_id=to_id(subscription_id), content_id=to_id(content_id))
    except DomainError as err:
        return RecordActivityPayload(errors=[MutationError.of(err)])
    await e.fetch_related("content")
    return RecordActivityPayload(event=ActivityEventType.of(e))


@strawberry.type
class Query:
    @strawberry.field(description="The content catalogue by title (then id), a page at a time. Needs sign-in.", extensions=signed_in(), metadata=ANY_ACCOUNT)
    async def content_items(
        self, info: Info,
        kind: Annotated[ContentKind | None, strawberry.argument(description="Only this kind.")] = None,
        search: Annotated[str, strawberry.argument(description="Part of the title.")] = "",
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[ContentItemType]:
        request = PageRequest("content-items", first, after, last, before)
        page = await service.content(kind=models.ContentKind(kind.value) if kind else None, search=search, request=request)
        return Connection[ContentItemType].of(page, ContentItemType.of)

    @strawberry.field(
        description="My learning: each subscription on which I hold (or held) a seat, its access dates, my assignments with due dates and progress, and what I may open now. Needs sign-in.",
        extensions=signed_in(),
    )
    async def my_learning(self, info: Info) -> list[MyLearning]:
        return [await _my(row) for row in await learner.my_learning(user=await require_user(info))]

    @strawberry.field(description="Learning modules of a subscription by name (then id), a page at a time. Seat admins only.", extensions=signed_in())
    async def learning_modules(
        self, info: Info, subscription_id: SubArg, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[LearningModuleType]:
        request = PageRequest("learning-modules", first, after, last, before)
        page = await service.modules(actor=await require_user(info), subscription_id=to_id(subscription_id), request=request)
        return Connection[LearningModuleType].of(page, LearningModuleType.of)

    @strawberry.field(
        description="Assignments of a subscription with completion metrics, by due date (then id), a page at a time. Seat admins only.",
        extensions=signed_in(),
    )
    async def assignments(
        self, info: Info, subscription_id: SubArg, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[AssignmentType]:
        request = PageRequest("assignments", first, after, last, before)
        page = await service.assignments(actor=await require_user(info), subscription_id=to_id(subscription_id), request=request)
        return Connection[AssignmentType].of(page, AssignmentType.of)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create a learning module from content items. Seat admins only.", extensions=signed_in())
    async def create_learning_module(
        self, info: Info, subscription_id: SubArg,
        input: Annotated[CreateLearningModuleInput, strawberry.argument(description="Name, description and content.")],
    ) -> LearningModulePayload:
        try:
            m = await service.create_module(
                actor=await require_user(info), subscription_id=to_id(subscription_id), name=input.name,
                description=input.description, content_ids=[to_id(c) for c in input.content_ids],
            )
        except DomainError as e:
            return LearningModulePayload(errors=[MutationError.of(e)])
        await m.fetch_related("items__content")
        return LearningModulePayload(module=LearningModuleType.of(m))

    @strawberry.mutation(description="Assign a module to people and/or teams with a due date. Seat admins only.", extensions=signed_in())
    async def assign_module(
        self, info: Info, input: Annotated[AssignModuleInput, strawberry.argument(description="Module, people, teams, due date.")],
    ) -> AssignmentPayload:
        try:
            a = await service.assign(
                actor=await require_user(info), module_id=to_id(input.module_id), user_ids=[to_id(u) for u in input.user_ids],
                team_ids=[to_id(t) for t in input.team_ids], due_on=input.due_on,
            )
        except DomainError as e:
            return AssignmentPayload(errors=[MutationError.of(e)])
        [report] = await service.assignment_reports(subscription_id=a.subscription_id, assignment_ids=[a.id])  # type: ignore[attr-defined]
        return AssignmentPayload(assignment=AssignmentType.of(report))

    @strawberry.mutation(
        description="Open a content item: records a viewing (a lab start for labs). Needs an active seat, today within the access dates.",
        extensions=signed_in(),
    )
    async def open_content(self, info: Info, subscription_id: SubArg, content_id: ContentArg) -> RecordActivityPayload:
        return await _recorded(learner.open_content, info, subscription_id, content_id)

    @strawberry.mutation(
        description="Finish a content item: records it viewed completely (a lab completed), which counts toward assignments. Needs an active seat, today within the access dates.",
        extensions=signed_in(),
    )
    async def finish_content(self, info: Info, subscription_id: SubArg, content_id: ContentArg) -> RecordActivityPayload:
        return await _recorded(learner.finish_content, info, subscription_id, content_id)

    @strawberry.mutation(description="Record the caller's own login, viewing or lab on a subscription where they hold an active seat.", extensions=signed_in())
    async def record_activity(
        self, info: Info, subscription_id: SubArg,
        kind: Annotated[ActivityKind, strawberry.argument(description="What happened.")],
        content_id: Annotated[strawberry.ID | None, strawberry.argument(description="The content viewed or lab; null for LOGIN.")] = None,
    ) -> RecordActivityPayload:
        try:
            e = await learner.record(
                user=await require_user(info), subscription_id=to_id(subscription_id), kind=EventKind(kind.value),
                content_id=to_id(content_id) if content_id else None,
            )
        except DomainError as err:
            return RecordActivityPayload(errors=[MutationError.of(err)])
        await e.fetch_related("content")
        return RecordActivityPayload(event=ActivityEventType.of(e))
