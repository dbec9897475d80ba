"""Activity screens: one person's, one team's. They gather the seat, the team, the counts
and the assignments, so this sits above seats, activity and learning."""

from __future__ import annotations

from dataclasses import dataclass, replace

from backend.accounts.models import User
from backend.activity import service as activity
from backend.activity.service import Period, Totals
from backend.learning import service as learning
from backend.learning.models import AssignmentTarget
from backend.seats import teams
from backend.seats.models import SeatHolder, Team, TeamMember


@dataclass
class MemberActivity:
    user: User
    holder: SeatHolder | None
    totals: Totals
    assignments_done: int
    assignments_total: int


@dataclass
class TeamActivity:
    team: Team
    period: Period
    members: list[MemberActivity]
    totals: Totals
    assignments: list[learning.AssignmentReport]


async def team_activity(*, actor: User, team_id: int, period: Period = Period()) -> TeamActivity:
    """A team's members with their logins, viewings and labs over the period, and the team's
    assignments with each current member's completion. Seat admins only."""
    team = await teams.get_team(actor=actor, team_id=team_id)
    sub_id: int = team.subscription_id  # type: ignore[attr-defined]
    users = sorted(
        (m.user for m in await TeamMember.filter(team_id=team.id).select_related("user")),
        key=lambda u: (u.first_name.lower(), u.last_name.lower(), u.email, u.id),
    )
    ids = [u.id for u in users]
    holders = {h.user_id: h for h in await SeatHolder.filter(subscription_id=sub_id, user_id__in=ids)}  # type: ignore[attr-defined]
    counts = await activity.totals(subscription_id=sub_id, user_ids=ids, period=period)
    aimed: list[int] = await AssignmentTarget.filter(team_id=team.id).values_list("assignment_id", flat=True)  # type: ignore[assignment]
    reports = [
        replace(r, people=[p for p in r.people if p.user.id in ids])
        for r in await learning.assignment_reports(subscription_id=sub_id, assignment_ids=list(aimed))
    ]
    members = []
    for u in users:
        mine = [p for r in reports for p in r.people if p.user.id == u.id]
        members.append(MemberActivity(u, holders.get(u.id), counts[u.id], sum(1 for p in mine if p.complete), len(mine)))
    return TeamActivity(team, period, members, activity.summed([counts[i] for i in ids]), reports)
