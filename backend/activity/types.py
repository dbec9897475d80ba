"""GraphQL types for activity counts and the usage graph."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry

from backend.activity import service, usage


@strawberry.enum(description="What a person did.")
class ActivityKind(Enum):
    LOGIN = strawberry.enum_value("login", description="Signed in.")
    VIEWING_STARTED = strawberry.enum_value("viewing_started", description="Opened an episode or course.")
    VIEWED_COMPLETELY = strawberry.enum_value("viewed_completely", description="Watched an episode or course to the end.")
    LAB_STARTED = strawberry.enum_value("lab_started", description="Opened a lab.")
    LAB_COMPLETED = strawberry.enum_value("lab_completed", description="Finished a lab.")


@strawberry.type(description="Activity counts of a person or a group over a period.")
class ActivityTotals:
    logins: int = strawberry.field(description="Sign-ins recorded.")
    viewings_started: int = strawberry.field(description="Viewings started.")
    viewed_completely: int = strawberry.field(description="Viewings watched to the end.")
    labs_started: int = strawberry.field(description="Labs started.")
    labs_completed: int = strawberry.field(description="Labs completed.")
    last_login_at: datetime | None = strawberry.field(description="Most recent sign-in, if any.")
    last_active_at: datetime | None = strawberry.field(description="Most recent activity of any kind, if any.")

    @classmethod
    def of(cls, t: service.Totals) -> "ActivityTotals":
        return cls(
            logins=t.logins, viewings_started=t.viewings_started, viewed_completely=t.viewed_completely,
            labs_started=t.labs_started, labs_completed=t.labs_completed, last_login_at=t.last_login_at,
            last_active_at=t.last_active_at,
        )


@strawberry.type(description="Activity on a subscription on one day (UTC), for the usage graph.")
class UsageDay:
    day: date = strawberry.field(description="The day.")
    active_users: int = strawberry.field(description="People with any activity that day.")
    logins: int = strawberry.field(description="Sign-ins.")
    viewings: int = strawberry.field(description="Viewings started.")
    viewed_completely: int = strawberry.field(description="Viewings watched to the end.")
    labs: int = strawberry.field(description="Lab starts and completions.")

    @classmethod
    def of(cls, d: usage.UsageDay) -> "UsageDay":
        return cls(**vars(d))
