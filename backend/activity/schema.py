"""Recording activity, and a person's activity page, over GraphQL."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry

from backend.activity import models, service
from backend.core.errors import DomainError, MutationError
from backend.core.graphql import Info, require_user, to_id
from backend.core.permissions import signed_in
from backend.learning import service as learning
from backend.learning.types import AssignmentType, ContentItemType
from backend.seats import directory
from backend.seats.schema import SubArg
from backend.seats.types import SeatUser


@strawberry.enum(description="What a person did.")
class ActivityKind(Enum):
    LOGIN = "login"
    VIEWING_STARTED = "viewing_started"
    VIEWED_COMPLETELY = "viewed_completely"
    LAB_STARTED = "lab_started"
    LAB_COMPLETED = "lab_completed"


@strawberry.type(name="ActivityEvent", description="One thing a person did on a subscription.")
class ActivityEventType:
    id: strawberry.ID = strawberry.field(description="Event id.")
    kind: ActivityKind = strawberry.field(description="Login, viewing or lab.")
    occurred_at: datetime = strawberry.field(description="When.")
    content: ContentItemType | None = strawberry.field(description="What was viewed or practised; null for a login.")

    @classmethod
    def of(cls, e: models.ActivityEvent) -> "ActivityEventType":
        return cls(
            id=strawberry.ID(str(e.id)), kind=ActivityKind(e.kind.value), occurred_at=e.occurred_at,
            content=ContentItemType.of(e.content) if e.content else None,
        )


@strawberry.type(description="A person's activity screen: totals, recent events, teams and assignments.")
class UserActivity:
    seat_user: SeatUser = strawberry.field(description="The person and their seat.")
    logins: int = strawberry.field(description="Sign-ins recorded.")
    viewings_started: int = strawberry.field(description="Viewings started.")
    viewed_completely: int = strawberry.field(description="Viewings watched to the end.")
    labs_started: int = strawberry.field(description="Labs started.")
    labs_completed: int = strawberry.field(description="Labs completed.")
    last_login_at: datetime | None = strawberry.field(description="Most recent sign-in.")
    recent: list[ActivityEventType] = strawberry.field(description="Latest events, newest first.")
    assignments: list[AssignmentType] = strawberry.field(description="Assignments reaching this person (only their own progress).")
    download_path: str = strawberry.field(description="GET this path with the same bearer token for the full history as .xlsx.")


@strawberry.type(description="Result of `recordActivity`.")
class RecordActivityPayload:
    event: ActivityEventType | None = strawberry.field(default=None, description="The event recorded.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused (NO_ACTIVE_SEAT, OUTSIDE_ACCESS_DATES).")


@strawberry.type
class Query:
    @strawberry.field(description="One person's activity on a subscription. Seat admins only.", extensions=signed_in())
    async def seat_user_activity(
        self, info: Info, subscription_id: SubArg,
        user_id: Annotated[strawberry.ID, strawberry.argument(description="The person.")],
        recent: Annotated[int, strawberry.argument(description="How many recent events, 1 to 200. Default 20.")] = 20,
    ) -> UserActivity:
        s = await service.summary(actor=await require_user(info), subscription_id=to_id(subscription_id), user_id=to_id(user_id), recent=recent)
        sub = await s.holder.subscription
        row = await directory.row(subscription=sub, user_id=s.holder.user.id)
        reports = await learning.assignment_reports(subscription_id=sub.id, user_id=s.holder.user.id)
        return UserActivity(
            seat_user=SeatUser.of(row), logins=s.logins, viewings_started=s.viewings_started, viewed_completely=s.viewed_completely,
            labs_started=s.labs_started, labs_completed=s.labs_completed, last_login_at=s.last_login_at,
            recent=[ActivityEventType.of(e) for e in s.recent], assignments=[AssignmentType.of(r) for r in reports],
            download_path=f"/reports/subscriptions/{sub.id}/users/{s.holder.user.id}/activity.xlsx",
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Record the caller's own login, viewing or lab on a subscription where they hold an active seat.", extensions=signed_in())
    async def record_activity(
        self, info: Info, subscription_id: SubArg,
        kind: Annotated[ActivityKind, strawberry.argument(description="What happened.")],
        content_id: Annotated[strawberry.ID | None, strawberry.argument(description="The content viewed or lab; null for LOGIN.")] = None,
    ) -> RecordActivityPayload:
        try:
            e = await service.record(
                user=await require_user(info), subscription_id=to_id(subscription_id), kind=models.ActivityKind(kind.value),
                content_id=to_id(content_id) if content_id else None,
            )
        except DomainError as err:
            return RecordActivityPayload(errors=[MutationError.of(err)])
        await e.fetch_related("content")
        return RecordActivityPayload(event=ActivityEventType.of(e))
