"""Teams on a subscription. Every function checks that the actor is a seat admin of it."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts.models import User
from backend.core.errors import DomainError, ErrorCode, NotFound
from backend.core.pagination import Page, PageRequest, paginate
from backend.seats import service as seats
from backend.seats.models import SeatHolder, Team, TeamMember


async def create_team(*, actor: User, subscription_id: int, name: str, description: str = "") -> Team:
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    if not name.strip():
        raise DomainError(ErrorCode.REQUIRED, "Give the team a name.", "name")
    if await Team.exists(subscription_id=subscription_id, name=name.strip()):
        raise DomainError(ErrorCode.INVALID, "A team with this name exists.", "name")
    try:
        async with in_transaction():
            return await Team.create(subscription_id=subscription_id, name=name.strip(), description=description.strip())
    except IntegrityError as exc:
        raise DomainError(ErrorCode.INVALID, "A team with this name exists.", "name") from exc


async def get_team(*, actor: User, team_id: int) -> Team:
    team = await Team.get_or_none(id=team_id)
    if team is None:
        raise NotFound("No such team.")
    try:
        await seats.require_seat_admin(subscription_id=team.subscription_id, user=actor)  # type: ignore[attr-defined]
    except NotFound as exc:  # another subscription's team reads as no team at all
        raise NotFound("No such team.") from exc
    return team


async def add_members(*, actor: User, team_id: int, user_ids: list[int]) -> Team:
    """Add people on the team's subscription; anyone else is refused and nothing changes."""
    team = await get_team(actor=actor, team_id=team_id)
    on_sub = set(await SeatHolder.filter(subscription_id=team.subscription_id, user_id__in=user_ids).values_list("user_id", flat=True))  # type: ignore[attr-defined]
    if missing := set(user_ids) - on_sub:
        raise DomainError(ErrorCode.INVALID, f"Not on this subscription: {sorted(missing)}", "userIds")
    async with in_transaction():
        for uid in user_ids:
            await TeamMember.get_or_create(team_id=team.id, user_id=uid)
    return team


async def remove_member(*, actor: User, team_id: int, user_id: int) -> Team:
    team = await get_team(actor=actor, team_id=team_id)
    await TeamMember.filter(team_id=team.id, user_id=user_id).delete()
    return team


async def teams(*, actor: User, subscription_id: int, request: PageRequest) -> Page[Team]:
    """A page of teams by name, their members loaded for the page (a fixed number of queries)."""
    await seats.require_seat_admin(subscription_id=subscription_id, user=actor)
    return await paginate(Team.filter(subscription_id=subscription_id).order_by("name", "id").prefetch_related("members__user"), request)
