"""Argument types shared by the GraphQL layers built on subscriptions (seats, teams,
learning, activity, reports): one description per argument, wherever it appears."""

from __future__ import annotations

from typing import Annotated

import strawberry

SubArg = Annotated[strawberry.ID, strawberry.argument(description="The subscription.")]
UserArg = Annotated[strawberry.ID, strawberry.argument(description="The person's user id.")]
InvitationArg = Annotated[strawberry.ID, strawberry.argument(description="The seat invitation.")]
TeamArg = Annotated[strawberry.ID, strawberry.argument(description="The team.")]
ContentArg = Annotated[strawberry.ID, strawberry.argument(description="The content item (episode, course or lab).")]
