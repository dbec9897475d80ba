"""Teams of a subscription. Seat admins only."""

from __future__ import annotations

from typing import Any

from frontend.api.client import checked, execute
from frontend.api.client import download as _download

TEAM_FIELDS = "id name description members(first: 100) { nodes { id fullName email } }"
ERRORS = "errors { code message field }"

# 50 teams a page, each with its first 100 members: 50 x 100 people stays within the API's query cost limit.
TEAMS = f"""query Teams($sub: ID!, $after: String) {{ teams(subscriptionId: $sub, first: 50, after: $after) {{
  nodes {{ {TEAM_FIELDS} }} pageInfo {{ hasNextPage endCursor }} }} }}"""
CREATE_TEAM = f"""mutation CreateTeam($sub: ID!, $name: String!, $description: String!) {{
  createTeam(subscriptionId: $sub, name: $name, description: $description) {{ team {{ {TEAM_FIELDS} }} {ERRORS} }} }}"""
ADD_TEAM_MEMBERS = f"""mutation AddTeamMembers($team: ID!, $users: [ID!]!) {{
  addTeamMembers(teamId: $team, userIds: $users) {{ team {{ {TEAM_FIELDS} }} {ERRORS} }} }}"""
REMOVE_TEAM_MEMBER = f"""mutation RemoveTeamMember($team: ID!, $user: ID!) {{
  removeTeamMember(teamId: $team, userId: $user) {{ team {{ {TEAM_FIELDS} }} {ERRORS} }} }}"""


def _team(team: dict[str, Any]) -> dict[str, Any]:
    """A team with `members` as a plain list (the first 100, by name)."""
    return {**team, "members": team["members"]["nodes"]}


async def teams(*, token: str, subscription_id: str) -> list[dict[str, Any]]:
    """Every team by name (pages of 50, following the cursor), each with its first 100 members."""
    found: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        page = (await execute(TEAMS, {"sub": subscription_id, "after": after}, token=token))["teams"]
        found += [_team(t) for t in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


async def create_team(*, token: str, subscription_id: str, name: str, description: str) -> dict[str, Any]:
    variables = {"sub": subscription_id, "name": name, "description": description}
    return _team(checked((await execute(CREATE_TEAM, variables, token=token))["createTeam"])["team"])


async def add_team_members(*, token: str, team_id: str, user_ids: list[str]) -> dict[str, Any]:
    return _team(checked((await execute(ADD_TEAM_MEMBERS, {"team": team_id, "users": user_ids}, token=token))["addTeamMembers"])["team"])


async def remove_team_member(*, token: str, team_id: str, user_id: str) -> dict[str, Any]:
    return _team(checked((await execute(REMOVE_TEAM_MEMBER, {"team": team_id, "user": user_id}, token=token))["removeTeamMember"])["team"])


TEAM_ACTIVITY = """query TeamActivity($team: ID!) { teamActivity(teamId: $team) {
  team { id name } totals { logins viewingsStarted viewedCompletely labsStarted labsCompleted }
  members(first: 100) { nodes { user { id fullName email } status assignmentsDone assignmentsTotal
    totals { logins viewingsStarted viewedCompletely labsStarted labsCompleted lastLoginAt } } }
  assignments { id moduleName dueOn overdue assignedCount completedCount } downloadPath } }"""


async def team_activity(*, token: str, team_id: str) -> dict[str, Any]:
    """Members (the first 100, by name) with logins, viewings and labs; the team's assignments; the report's path."""
    activity = (await execute(TEAM_ACTIVITY, {"team": team_id}, token=token))["teamActivity"]
    return {**activity, "members": activity["members"]["nodes"]}


async def download(*, token: str, path: str) -> bytes:
    """The team's report as .xlsx bytes (`path` is the activity's `downloadPath`)."""
    return await _download(path, token=token)
