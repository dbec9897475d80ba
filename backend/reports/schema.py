"""Activity screens over GraphQL: one person's (`seatUserActivity`) and one team's
(`teamActivity`), each with the path of its Excel download."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, ClassVar

import strawberry

from backend.accounts.types import UserType
from backend.activity import service as activity
from backend.activity.service import Period
from backend.activity.types import ActivityTotals
from backend.core.errors import ApiError
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import Info, gid, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest, paginate_list
from backend.core.permissions import signed_in
from backend.learning import service as learning
from backend.learning.types import ActivityEventType, AssignmentType
from backend.reports import activity as screens
from backend.seats import directory
from backend.seats.args import SubArg, TeamArg, UserArg
from backend.seats.models import SeatStatus, Team
from backend.seats.types import SeatUser, SeatUserStatus

SinceArg = Annotated[date | None, strawberry.argument(description="First UTC day counted; from the start when null.")]
UntilArg = Annotated[date | None, strawberry.argument(description="Last UTC day counted (included); up to today when null.")]


def _query(period: Period) -> str:
    parts = [f"{k}={v.isoformat()}" for k, v in (("from", period.since), ("to", period.until)) if v]
    return "?" + "&".join(parts) if parts else ""


def _period(since: date | None, until: date | None) -> Period:
    if since and until and until < since:
        raise ApiError("The period ends before it starts.")
    return Period(since=since, until=until)


@strawberry.type(description="A team, named, to link to its section.")
class TeamLink(Node):
    node_type: ClassVar[str | None] = "Team"  # a view of that row: one ID for both
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Team name.")


@strawberry.type(description="A person's activity screen: totals, recent events, teams and assignments.")
class UserActivity:
    seat_user: SeatUser = strawberry.field(description="The person and their seat.")
    logins: int = strawberry.field(description="Sign-ins recorded.")
    viewings_started: int = strawberry.field(description="Viewings started.")
    viewed_completely: int = strawberry.field(description="Viewings watched to the end.")
    labs_started: int = strawberry.field(description="Labs started.")
    labs_completed: int = strawberry.field(description="Labs completed.")
    last_login_at: datetime | None = strawberry.field(description="Most recent sign-in.")
    teams: list[TeamLink] = strawberry.field(description="Teams the person is in, to link to each team's activity.")
    assignments: list[AssignmentType] = strawberry.field(description="Assignments reaching this person (only their own progress).")
    download_path: str = strawberry.field(description="GET this path with the same bearer token for the full history as .xlsx (add ?from=&to= for a period).")
    subscription_id: strawberry.Private[int]
    user_id: strawberry.Private[int]

    @strawberry.field(description="The person's events (logins, viewings, labs), newest first (then by id), a page at a time.")
    async def events(self, first: First = None, after: After = None, last: Last = None, before: Before = None) -> Connection[ActivityEventType]:
        request = PageRequest("activity-events", first, after, last, before)
        return Connection[ActivityEventType].of(
            await activity.events(subscription_id=self.subscription_id, user_id=self.user_id, request=request), ActivityEventType.of
        )


@strawberry.type(description="A team member's activity over the period.")
class TeamMemberActivity:
    user: UserType = strawberry.field(description="The person.")
    status: SeatUserStatus = strawberry.field(description="Their seat: ACTIVE, DEACTIVATED or NONE.")
    totals: ActivityTotals = strawberry.field(description="Logins, viewings and labs in the period.")
    assignments_done: int = strawberry.field(description="The team's assignments this person completed.")
    assignments_total: int = strawberry.field(description="The team's assignments reaching this person.")


@strawberry.type(description="A team's activity screen: members, their logins, viewings and labs, and the team's assignments.")
class TeamActivity:
    team: TeamLink = strawberry.field(description="The team.")
    subscription_id: strawberry.ID = strawberry.field(description="The team's subscription.")
    since: date | None = strawberry.field(description="First day counted, when narrowed.")
    until: date | None = strawberry.field(description="Last day counted, when narrowed.")
    totals: ActivityTotals = strawberry.field(description="The members' counts summed.")
    assignments: list[AssignmentType] = strawberry.field(description="Assignments made to the team, with each current member's progress.")
    download_path: str = strawberry.field(description="GET this path with the same bearer token for the team's report as .xlsx (summary and events).")
    everyone: strawberry.Private[list[TeamMemberActivity]]

    @strawberry.field(description="Members by name (then id), a page at a time.")
    def members(self, first: First = None, after: After = None, last: Last = None, before: Before = None) -> Connection[TeamMemberActivity]:
        # Every member's counts are read anyway (in grouped statements) for the team's totals; paged here.
        return Connection[TeamMemberActivity].of(paginate_list(self.everyone, PageRequest("team-activity-members", first, after, last, before)), lambda m: m)


def _team_activity(t: screens.TeamActivity) -> TeamActivity:
    sub_id = t.team.subscription_id  # type: ignore[attr-defined]
    return TeamActivity(
        team=TeamLink(id=t.team.id, name=t.team.name), subscription_id=gid(sub_id, "Subscription"), since=t.period.since,
        until=t.period.until, totals=ActivityTotals.of(t.totals), assignments=[AssignmentType.of(r) for r in t.assignments],
        everyone=[
            TeamMemberActivity(
                user=UserType.of(m.user), status=SeatUserStatus((m.holder.seat_status if m.holder else SeatStatus.NONE).value),
                totals=ActivityTotals.of(m.totals), assignments_done=m.assignments_done, assignments_total=m.assignments_total,
            )
            for m in t.members
        ],
        download_path=f"/reports/subscriptions/{sub_id}/teams/{t.team.id}/activity.xlsx{_query(t.period)}",
    )


@strawberry.type
class Query:
    @strawberry.field(description="One person's activity on a subscription. Seat admins only.", extensions=signed_in())
    async def seat_user_activity(
        self, info: Info, subscription_id: SubArg, user_id: UserArg,
    ) -> UserActivity:
        s = await activity.summary(actor=await require_user(info), subscription_id=to_id(subscription_id), user_id=to_id(user_id))
        sub, person, t = await s.holder.subscription, s.holder.user, s.totals
        teams = await Team.filter(subscription_id=sub.id, members__user_id=person.id).order_by("name")
        return UserActivity(
            seat_user=SeatUser.of(await directory.row(subscription=sub, user_id=person.id)), logins=t.logins,
            viewings_started=t.viewings_started, viewed_completely=t.viewed_completely, labs_started=t.labs_started,
            labs_completed=t.labs_completed, last_login_at=t.last_login_at, subscription_id=sub.id, user_id=person.id,
            teams=[TeamLink(id=x.id, name=x.name) for x in teams],
            assignments=[AssignmentType.of(r) for r in await learning.assignment_reports(subscription_id=sub.id, user_id=person.id)],
            download_path=f"/reports/subscriptions/{sub.id}/users/{person.id}/activity.xlsx",
        )

    @strawberry.field(
        description="A team's activity: members with logins, viewings and labs (optionally within dates), and completion of the team's assignments. Seat admins only.",
        extensions=signed_in(),
    )
    async def team_activity(self, info: Info, team_id: TeamArg, since: SinceArg = None, until: UntilArg = None) -> TeamActivity:
        period = _period(since, until)
        return _team_activity(await screens.team_activity(actor=await require_user(info), team_id=to_id(team_id), period=period))

