"""Content, learning modules and assignments over GraphQL."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, require_user, to_id
from backend.core.permissions import ANY_ACCOUNT, signed_in
from backend.learning import models, service
from backend.learning.types import (
    AssignmentPayload,
    AssignmentType,
    AssignModuleInput,
    ContentItemType,
    ContentKind,
    CreateLearningModuleInput,
    LearningModulePayload,
    LearningModuleType,
)
from backend.seats.schema import SubArg


@strawberry.type
class Query:
    @strawberry.field(description="The content catalogue (at most 200), by title. Needs sign-in.", extensions=signed_in(), metadata=ANY_ACCOUNT)
    async def content_items(
        self, info: Info,
        kind: Annotated[ContentKind | None, strawberry.argument(description="Only this kind.")] = None,
        search: Annotated[str, strawberry.argument(description="Part of the title.")] = "",
    ) -> list[ContentItemType]:
        rows = await service.content(kind=models.ContentKind(kind.value) if kind else None, search=search)
        return [ContentItemType.of(c) for c in rows]

    @strawberry.field(description="Learning modules of a subscription. Seat admins only.", extensions=signed_in())
    async def learning_modules(self, info: Info, subscription_id: SubArg) -> list[LearningModuleType]:
        rows = await service.modules(actor=await require_user(info), subscription_id=to_id(subscription_id))
        return [LearningModuleType.of(m) for m in rows]

    @strawberry.field(description="Assignments of a subscription with completion metrics, by due date. Seat admins only.", extensions=signed_in())
    async def assignments(self, info: Info, subscription_id: SubArg) -> list[AssignmentType]:
        rows = await service.assignments(actor=await require_user(info), subscription_id=to_id(subscription_id))
        return [AssignmentType.of(r) for r in rows]


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
