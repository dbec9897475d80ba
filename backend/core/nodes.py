"""`node(id:)` and `nodes(ids:)`: fetch any object by its global ID (Relay's Object
Identification), with the permission rules of the object's own query.

Each type's loader (registered by its domain in `backend/wiring.py`) decides who may read
it. An act-as session reaches only objects of its account. Missing, foreign, forbidden or
malformed: the same NOT_FOUND, so an ID never reveals whether its object exists.
`nodes` follows GitHub's convention: a list as long as `ids`, in order, with null where
`node` would answer NOT_FOUND, and one NOT_FOUND error per such path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, TypeVar

import strawberry
from tortoise.models import Model

from backend.core.errors import Forbidden, NotFound
from backend.core.globalid import PK_MAX, RAW_IDS, AccountsOf, Node, decode, loader_of
from backend.core.graphql import Info, require_user
from backend.core.inputlimits import MAX_NODES
from backend.core.permissions import HasAccountPermission, Permission
from backend.core.scope import ANY_ACCOUNT

T = TypeVar("T")


async def load_node(info: Info, value: object) -> Node:
    """The object a global ID names, if the caller may read it; NotFound otherwise."""
    decoded = decode(value)
    entry = loader_of(decoded[0]) if decoded else None
    if decoded is None or entry is None:
        raise NotFound("No such object.")
    loader, accounts_of = entry
    key = decoded[1]
    try:
        await _in_scope(info, accounts_of, key)
        obj = await loader(info, key)
    except Forbidden as exc:  # not allowed reads as not there
        raise NotFound("No such object.") from exc
    if obj is None:
        raise NotFound("No such object.")
    return obj  # type: ignore[no-any-return]


async def _in_scope(info: Info, accounts_of: AccountsOf | None, key: str) -> None:
    """An act-as session reaches only its account's objects (core/scope.py's rule)."""
    scope = await info.context.account_scope()
    if scope is None:
        return
    pk = pk_or_none(key)
    if accounts_of is None or pk is None or (await accounts_of([pk])).get(pk) != scope:
        raise NotFound("No such object.")


def pk_or_none(key: str) -> int | None:
    """A key that can be a primary key (digits within the 32-bit range), as an int."""
    if not (key.isascii() and key.isdigit() and len(key) <= 10 and 0 < int(key) <= PK_MAX):
        return None
    return int(key)


def pick(items: Iterable[T], key: str) -> T | None:
    """The item of a list (as its own query answers it) whose key is `key`: a loader that
    goes through the list applies exactly the list's rules."""
    return next((item for item in items if str(getattr(item, "id", None)) == key), None)


async def row(model: type[Model], key: str, *related: str) -> Any:
    """The row with primary key `key`, or None (also for a key that can be no primary key)."""
    if (pk := pk_or_none(key)) is None:
        return None
    query = model.get_or_none(id=pk)
    return await (query.select_related(*related) if related else query)


async def _or_none(info: Info, value: object) -> Any:
    try:
        return await load_node(info, value)
    except NotFound as exc:
        return exc


@strawberry.type
class Query:
    @strawberry.field(
        description="The object with this global ID, if I may read it (the same rules as its own query). Missing, "
        "foreign or malformed IDs all answer NOT_FOUND. Signed in.",
        metadata={**ANY_ACCOUNT, **RAW_IDS},
    )
    async def node(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="A global ID (any type's `id`).")]
    ) -> Node:
        await require_user(info)
        return await load_node(info, id)

    @strawberry.field(
        description=f"The objects with these global IDs, in order (at most {MAX_NODES}): null, with a NOT_FOUND "
        "error at its path, where `node` would answer NOT_FOUND. Signed in.",
        metadata={**ANY_ACCOUNT, **RAW_IDS},
    )
    async def nodes(
        self, info: Info, ids: Annotated[list[strawberry.ID], strawberry.argument(description=f"Global IDs, at most {MAX_NODES}.")]
    ) -> list[Node | None]:
        await require_user(info)  # more than MAX_NODES ids: refused before execution (core/inputlimits.py)
        return [await _or_none(info, value) for value in ids]


async def holds(info: Info, account_id: int, permission: Permission) -> bool:
    """The permission check of a field that `needs(permission)` in this account, as a value."""
    return await HasAccountPermission(permission).has_permission(None, info, account_id=str(account_id))
