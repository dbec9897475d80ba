"""Small helpers shared by every domain's GraphQL layer."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import strawberry
from strawberry.types import Info as _Info

from backend.core.context import Context
from backend.core.errors import DomainError, MutationError, NotFound, Unauthenticated

if TYPE_CHECKING:  # for the type only: core never imports a domain at run time
    from backend.accounts.models import User

Info: TypeAlias = _Info[Context, None]


async def require_user(info: Info) -> "User":
    """The signed-in person, or a top-level UNAUTHENTICATED error."""
    user = await info.context.user()
    if user is None:
        raise Unauthenticated()
    return user


def to_id(value: strawberry.ID | str | int) -> int:
    """Parse an ID argument; a malformed one reads as not found, never a crash."""
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise NotFound("No such object.") from exc


def gid(value: int) -> strawberry.ID:
    return strawberry.ID(str(value))


@strawberry.type(description="Result of a mutation that returns nothing but success or errors.")
class OkPayload:
    ok: bool = strawberry.field(description="True when the change was made.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


def ok_or(errors: DomainError | None = None) -> OkPayload:
    return OkPayload(ok=errors is None, errors=[MutationError.of(errors)] if errors else [])
