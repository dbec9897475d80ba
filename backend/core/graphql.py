"""Small helpers shared by every domain's GraphQL layer."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import strawberry
from strawberry.types import Info as _Info

from backend.core.context import Context
from backend.core.errors import DomainError, MutationError, Unauthenticated
from backend.core.globalid import encode, pk_of

if TYPE_CHECKING:  # for the type only: core never imports a domain at run time
    from backend.accounts.models import User

Info: TypeAlias = _Info[Context, None]


async def require_user(info: Info) -> "User":
    """The signed-in person, or a top-level UNAUTHENTICATED error."""
    user = await info.context.user()
    if user is None:
        raise Unauthenticated()
    return user


def to_id(value: strawberry.ID | str | int, expect: str | None = None) -> int:
    """Parse an ID argument: a global ID (of type `expect`, when given) or, until the next
    major version, a bare integer. Malformed or of another type reads as not found, never a crash."""
    return pk_of(value, expect)


def gid(value: int | str, type_name: str) -> strawberry.ID:
    """The global ID of the `type_name` row `value` (for ID fields that reference a row)."""
    return encode(type_name, value)


@strawberry.type(description="Result of a mutation that returns nothing but success or errors.")
class OkPayload:
    ok: bool = strawberry.field(description="True when the change was made.")
    errors: list[MutationError] = strawberry.field(default_factory=list, description="Why it was refused.")


def ok_or(errors: DomainError | None = None) -> OkPayload:
    return OkPayload(ok=errors is None, errors=[MutationError.of(errors)] if errors else [])
