"""Teams over GraphQL. Seat-admin checks happen in the service."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend.accounts.models import User
from backend.accounts.types import UserType
from backend.core.errors import DomainError, MutationError
from backend.core.globalid import Node, database_id_field
from backend.core.graphql import Info, require_user, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest, paginate_list
from backend.core.permissions import signed_in
from backend.seats import teams as service
from backend.seats.args import SubArg, TeamArg
from backend.seats.models import Team


@strawberry.type(name="Team", description="A group of people on a subscription, by job role or learning goal.")
class TeamType(Node):
    database_id: int = database_id_field()
    name: str = strawberry.field(description="Team name, unique in the subscription.")
    description: str = strawberry.field(description="What the team is for.")
    people: strawberry.Private[list[User]]

    @strawberry.field(description="People in the team, by name (then id), a page at a time.")
    def members(self, first: First = None, after: After = None, last: Last = None, before: Before = None) -> Connection[UserType]:
        # The members of a page of teams are read with the teams (one statement), then paged here.
        return Connection[UserType].of(paginate_list(self.people, PageRequest("team-members", first, after, last, before)), UserType.of)

    @classmethod
    def of(cls, t: Team) -> "TeamType":
        people = sorted((m.user for m in t.members), key=lambda u: (u.first_name.lower(), u.last_name.lower(), u.email, u.id))
        return cls(id=strawberry.ID(str(t.id)), name=t.name, description=t.description, people=people)


@strawberry.type(description="Result of a change to a team.")
class TeamPayload:
    team: TeamType | None = strawberry.field(default=None, description="The team after the change.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


async def _payload(team: Team) -> TeamPayload:
    await team.fetch_related("members__user")
    return TeamPayload(team=TeamType.of(team))


@strawberry.type
class Query:
    @strawberry.field(description="Teams of a subscription by name (then id), a page at a time, with their members. Seat admins only.", extensions=signed_in())
    async def teams(
        self, info: Info, subscription_id: SubArg, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[TeamType]:
        request = PageRequest("teams", first, after, last, before)
        page = await service.teams(actor=await require_user(info), subscription_id=to_id(subscription_id), request=request)
        return Connection[TeamType].of(page, TeamType.of)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create a team. Seat admins only.", extensions=signed_in())
    async def create_team(
        self, info: Info, subscription_id: SubArg,
        name: Annotated[str, strawberry.argument(description="Team name.")],
        description: Annotated[str, strawberry.argument(description="What the team is for.")] = "",
    ) -> TeamPayload:
        try:
            team = await service.create_team(actor=await require_user(info), subscription_id=to_id(subscription_id), name=name, description=description)
        except DomainError as e:
            return TeamPayload(errors=[MutationError.of(e)])
        return await _payload(team)

    @strawberry.mutation(description="Add people on the subscription to a team. Seat admins only.", extensions=signed_in())
    async def add_team_members(
        self, info: Info, team_id: TeamArg,
        user_ids: Annotated[list[strawberry.ID], strawberry.argument(description="People to add.")],
    ) -> TeamPayload:
        try:
            team = await service.add_members(actor=await require_user(info), team_id=to_id(team_id), user_ids=[to_id(u) for u in user_ids])
        except DomainError as e:
            return TeamPayload(errors=[MutationError.of(e)])
        return await _payload(team)

    @strawberry.mutation(description="Take a person out of a team. Seat admins only.", extensions=signed_in())
    async def remove_team_member(
        self, info: Info, team_id: TeamArg, user_id: Annotated[strawberry.ID, strawberry.argument(description="The person.")],
    ) -> TeamPayload:
        team = await service.remove_member(actor=await require_user(info), team_id=to_id(team_id), user_id=to_id(user_id))
        return await _payload(team)
