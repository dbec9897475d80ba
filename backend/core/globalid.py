"""Opaque global IDs, the `Node` interface, and the registry behind `node(id:)`.

A global ID is urlsafe base64 (no padding) of `<TypeName>:<key>`: `Family:12` reads
`RmFtaWx5OjEy`. Clients must treat it as opaque; it names one object across the whole API,
so a cache can key on it and `node(id:)` can fetch the object again.

Every object type whose `id` names a database row inherits `Node`: the type keeps its
database key in the private `id` attribute (so its own resolvers and constructors are
unchanged) and the schema's `id` field encodes it. A view of another type's row (a
`FamilyChoice` is a `Family`) sets `node_type` to that type, so both share one ID and an
argument that wants the row accepts either.

Arguments accept a global ID or, until the next major version, the bare integer key; the
names of the ID arguments map to the type they want (`register_argument`, filled by
`backend/wiring.py`), and a global ID of another type reads as NOT_FOUND.

Domains register, per type, a loader `(info, key) -> object | None` that applies the same
permission rules as the type's own query; None (or a NotFound/Forbidden) means NOT_FOUND,
whether the object is missing, foreign or forbidden: nothing leaks whether it exists.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, ClassVar

import strawberry
from graphql import (
    GraphQLField,
    GraphQLFieldResolver,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLType,
    default_field_resolver,
    get_named_type,
)
from starlette.convertors import Convertor, register_url_convertor

from backend.core.errors import NotFound

Loader = Callable[[Any, str], Awaitable[Any]]
AccountsOf = Callable[[list[int]], Awaitable[dict[int, int]]]
_loaders: dict[str, tuple[Loader, AccountsOf | None]] = {}
_arguments: dict[str, frozenset[str]] = {}

PK_MAX = 2**31 - 1  # primary keys are 32-bit integers (IntField)
MAX_KEY = 64  # a key is a number, or `student:12` for User Accounts; nothing longer


def encode(type_name: str, key: object) -> strawberry.ID:
    raw = f"{type_name}:{key}".encode()
    return strawberry.ID(base64.urlsafe_b64encode(raw).decode().rstrip("="))


def decode(value: object) -> tuple[str, str] | None:
    """(type name, key) of a global ID; None when `value` is not one (a bare integer is not)."""
    text = str(value)
    if not text or len(text) > 200 or text.isdigit():
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, colon, key = raw.partition(":")
    if not (colon and type_name.isascii() and type_name.isalnum() and key and len(key) <= MAX_KEY):
        return None
    if not encode(type_name, key) == text:  # one spelling per ID: no padding or alias variants
        return None
    return type_name, key


def key_of(value: object, expect: str | Iterable[str] | None = None) -> str:
    """The database key an ID argument names: a bare key as is, a global ID decoded. With
    `expect`, a global ID of another type raises NotFound (a Team's ID given as an account)."""
    decoded = decode(value)
    if decoded is None:
        return str(value)
    type_name, key = decoded
    wanted = {expect} if isinstance(expect, str) else set(expect) if expect is not None else None
    if wanted is not None and type_name not in wanted:
        raise NotFound("No such object.")
    return key


def pk_of(value: object, expect: str | Iterable[str] | None = None) -> int:
    """`key_of` as an integer primary key; anything else is NotFound, never a crash."""
    key = key_of(value, expect)
    if not (key.isascii() and key.isdigit() and len(key) <= 10 and 0 < int(key) <= PK_MAX):
        raise NotFound("No such object.")
    return int(key)


class PathIdConvertor(Convertor[str]):
    """`{name:id}` in a URL route: a bare integer or a global ID, kept as text; the handler
    decodes it with `pk_of(value, "Type")` (the portal builds report URLs from `id`s)."""

    regex = "[A-Za-z0-9_-]{1,200}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return str(value)


register_url_convertor("id", PathIdConvertor())


@strawberry.interface(
    name="Node",
    description="An object with a global ID. `node(id:)` fetches it again, with the same permission rules as its own query.",
)
class Node:
    # The database key (an int, or a string for User Accounts); the schema shows it encoded.
    id: strawberry.Private[Any]
    # The type whose row this is, when not this GraphQL type (a view of another type).
    node_type: ClassVar[str | None] = None

    @strawberry.field(
        name="id",
        description="Global ID: opaque, stable, unique across types. Pass it back as any ID argument or to `node(id:)`.",
    )
    def global_id(self) -> strawberry.ID:
        return encode(self.node_type or type(self).__strawberry_definition__.name, self.id)  # type: ignore[attr-defined]


def _database_id(root: Node) -> int:
    return int(root.id)


def database_id_field() -> Any:
    """The deprecated integer key field every row-backed Node type declares."""
    return strawberry.field(
        resolver=_database_id,
        description="The integer database id (what `id` returned before global IDs). ID arguments accept it until the next major version.",
        deprecation_reason="Use `id` (a global ID); integer ids are accepted until the next major version.",
    )


def register_loader(type_name: str, loader: Loader, accounts_of: AccountsOf | None = None) -> None:
    """`loader(info, key)` answers the object or None. `accounts_of(ids)` maps keys to their
    accounts, for act-as sessions (they reach their account's objects only); without it, an
    act-as session never reaches the type through `node`."""
    _loaders[type_name] = (loader, accounts_of)


def loader_of(type_name: str) -> tuple[Loader, AccountsOf | None] | None:
    return _loaders.get(type_name)


def loaders() -> frozenset[str]:
    return frozenset(_loaders)


def register_argument(name: str, *type_names: str) -> None:
    """`name` is an ID argument or input field as spelt in the schema; it wants these types."""
    _arguments[name] = frozenset(type_names)


def argument_types() -> dict[str, frozenset[str]]:
    return dict(_arguments)




def _has_ids(t: GraphQLType, seen: set[str]) -> bool:
    named = get_named_type(t)
    if isinstance(named, GraphQLScalarType):
        return named.name == "ID"
    if isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        seen.add(named.name)
        return any(_has_ids(f.type, seen) for f in named.fields.values())
    return False


def _keys(value: Any, t: GraphQLType, name: str) -> Any:
    """`value` with every ID in it replaced by the key it names (checked against `name`'s types)."""
    if value is None:
        return None
    if isinstance(t, GraphQLNonNull):
        t = t.of_type
    if isinstance(t, GraphQLList):
        return [_keys(v, t.of_type, name) for v in value] if isinstance(value, list) else _keys(value, t.of_type, name)
    if isinstance(t, GraphQLInputObjectType) and isinstance(value, dict):
        return {k: _keys(v, t.fields[k].type, k) if k in t.fields else v for k, v in value.items()}
    if isinstance(t, GraphQLScalarType) and t.name == "ID":
        return key_of(value, _arguments.get(name))
    return value


def takes_raw_ids(field: GraphQLField) -> bool:
    definition = field.extensions.get("strawberry-definition")
    return bool(definition is not None and (definition.metadata or {}).get("raw_ids"))


def convert_schema(schema: GraphQLSchema) -> None:
    """Wrap, once when the schema is built, the resolver of every field with ID arguments (or
    input objects holding IDs): before it runs, every global ID in them is replaced by the key
    it names, after checking its type against the argument's name, so resolvers and services
    keep seeing database keys. A field marked `metadata=RAW_IDS` (`node`, `nodes`) gets the
    IDs as sent. Done at build time rather than as a schema extension: fields without ID
    arguments (every field of a result row) pay nothing per request. The act-as guard
    (`backend.core.scope.guard_schema`) wraps outside this and reads either spelling."""
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field in type_.fields.values():
            if field.args and not takes_raw_ids(field) and any(_has_ids(a.type, set()) for a in field.args.values()):
                field.resolve = _converting(field, field.resolve or default_field_resolver)


def _converting(field: GraphQLField, resolve: GraphQLFieldResolver) -> GraphQLFieldResolver:
    if getattr(resolve, "_portico_global_ids", False):
        return resolve

    def resolver(source: Any, info: GraphQLResolveInfo, **kwargs: Any) -> Any:
        converted = {k: _keys(v, field.args[k].type, k) if k in field.args else v for k, v in kwargs.items()}
        return resolve(source, info, **converted)

    resolver._portico_global_ids = True  # type: ignore[attr-defined]
    return resolver


# `metadata=RAW_IDS` on a field: its ID arguments reach the resolver as sent (global IDs).
RAW_IDS = {"raw_ids": True}
