"""Teams of a subscription. Seat admins only (operations: graphql/teams.graphql)."""

from __future__ import annotations

from typing import Any

from frontend.api.client import ConnectionPage, api, checked, dump, every_page
from frontend.api.client import download as _download


def _team(team: dict[str, Any]) -> dict[str, Any]:
    """A team with `members` as a plain list (the first 100, by name)."""
    return {**team, "members": team["members"]["nodes"]}


async def teams(*, token: str, subscription_id: str) -> list[dict[str, Any]]:
    """Every team by name (pages of 50, following the cursor), each with its first 100 members."""
    client = api(token)

    async def page(after: str | None) -> ConnectionPage:
        return (await client.teams(sub=subscription_id, after=after)).teams

    return [_team(t) for t in await every_page(page)]


async def create_team(*, token: str, subscription_id: str, name: str, description: str) -> dict[str, Any]:
    result = await api(token).create_team(sub=subscription_id, name=name, description=description)
    return _team(checked(result.create_team)["team"])


async def add_team_members(*, token: str, team_id: str, user_ids: list[str]) -> dict[str, Any]:
    return _team(checked((await api(token).add_team_members(team=team_id, users=user_ids)).add_team_members)["team"])


async def remove_team_member(*, token: str, team_id: str, user_id: str) -> dict[str, Any]:
    return _team(checked((await api(token).remove_team_member(team=team_id, user=user_id)).remove_team_member)["team"])


async def team_activity(*, token: str, team_id: str) -> dict[str, Any]:
    """Members (the first 100, by name) with logins, viewings and labs; the team's assignments; the report's path."""
    activity = dump((await api(token).team_activity(team=team_id)).team_activity)
    return {**activity, "members": activity["members"]["nodes"]}


async def download(*, token: str, path: str) -> bytes:
    """The team's report as .xlsx bytes (`path` is the activity's `downloadPath`)."""
    return await _download(path, token=token)
