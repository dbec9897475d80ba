"""Act-as containment: which account a field is about, resolved once per field, and a
guard that refuses an act-as session for any other account.

Domains register, at start-up, the arguments that name an account-bound object
(`subscriptionId` -> the subscription's account, ...) with a function that maps ids to
their accounts. `guard_schema` wraps, once when the schema is built, the resolver of every
root field and of every other field that takes arguments (a scalar field of a result row is
never wrapped, so a 1,000-row list pays nothing for the rule). For a session scoped to
account X the wrapper collects the accounts the field's arguments (and input objects, at
any depth) name, and refuses the field unless that is exactly {X}. A root field that names
no account is refused too, unless it is declared `metadata=ANY_ACCOUNT` (about the caller
themself, public, or a global catalogue). So a new field cannot forget the rule: at worst
an act-as session is refused where it could have been allowed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from inspect import isawaitable
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLFieldResolver,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLType,
    default_field_resolver,
    get_named_type,
)

from backend.core.errors import Forbidden, NotFound
from backend.core.globalid import argument_types, pk_of

# `metadata=ANY_ACCOUNT` on a field: an act-as session may use it although it names no account.
ANY_ACCOUNT = {"any_account": True}

AccountsOf = Callable[[list[int]], Awaitable[dict[int, int]]]
_arguments: dict[str, AccountsOf] = {}


class OutsideActAsAccount(Forbidden):
    default_message = "This session acts in one account only; this is about another."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message)
        self.extensions = {"code": self.code, "reason": "OUTSIDE_ACT_AS_ACCOUNT"}


def register_account_argument(name: str, accounts_of: AccountsOf) -> None:
    """`name` is the argument or input field as spelt in the schema (`subscriptionId`); its
    value is an ID or a list of IDs; `accounts_of(ids)` maps each existing id to its account."""
    _arguments[name] = accounts_of
    _bound.clear()  # answers of `is_account_bound` made before this registration


def account_arguments() -> frozenset[str]:
    return frozenset(_arguments)



def _binds(name: str, t: GraphQLType, seen: set[str]) -> bool:
    if name in _arguments:
        return True
    named = get_named_type(t)
    if isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        seen.add(named.name)
        return any(_binds(n, f.type, seen) for n, f in named.fields.items())
    return False


def is_account_bound(field: GraphQLField) -> bool:
    """True when an argument (or an input object's field, at any depth) names an account."""
    return any(_binds(name, arg.type, set()) for name, arg in field.args.items())


# id(field) -> is_account_bound(field), for the fields `guard_schema` wrapped (they live as
# long as the schema); emptied when an argument is registered.
_bound: dict[int, bool] = {}


def is_any_account(field: GraphQLField) -> bool:
    definition = field.extensions.get("strawberry-definition")
    return bool(definition is not None and (definition.metadata or {}).get("any_account"))


def _references(value: Any, name: str | None = None) -> Iterator[tuple[str, Any]]:
    """(argument name, raw id) for every registered name in a value tree."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _references(inner, key)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _references(inner, name)
    elif name in _arguments and value is not None:
        yield name, value


async def accountsget_named_type(arguments: dict[str, Any], cache: dict[tuple[str, int], int | None]) -> set[int | None]:
    """The accounts the arguments name; None stands for an id that names nothing."""
    wanted: dict[str, list[int]] = {}
    result: set[int | None] = set()
    keys: list[tuple[str, int]] = []
    for name, raw in _references(arguments):
        pk = _pk(name, raw)
        if pk is None:
            result.add(None)
            continue
        keys.append((name, pk))
        if (name, pk) not in cache:
            wanted.setdefault(name, []).append(pk)
    for name, ids in wanted.items():
        found = await _arguments[name](sorted(set(ids)))
        cache.update({(name, i): found.get(i) for i in ids})
    result.update(cache[key] for key in keys)
    return result


def _pk(name: str, raw: Any) -> int | None:
    """The primary key an argument value names (a bare integer or a global ID of the type the
    argument wants); None when it names nothing."""
    try:
        return pk_of(raw, argument_types().get(name))
    except NotFound:
        return None


async def require_in_scope(context: Any, arguments: dict[str, Any], *, any_account: bool = False) -> None:
    """Refuse (FORBIDDEN, reason OUTSIDE_ACT_AS_ACCOUNT) an act-as session for anything but
    its account. Ordinary sessions and anonymous callers pass: other checks judge them."""
    scope = await context.account_scope()
    if scope is None:
        return
    named = await accountsget_named_type(arguments, context.account_cache)
    if named == {scope} or (not named and any_account):
        return
    raise OutsideActAsAccount()


def guard_schema(schema: GraphQLSchema) -> None:
    """Wrap the resolvers the rule concerns, once, when the schema is built: every root field,
    and every other field with arguments (whether those name an account is decided on first
    use, after start-up registered the arguments). Introspection (`__schema`, `__type`)
    describes the API, no account's data, and is not wrapped."""
    roots = {schema.query_type, schema.mutation_type, schema.subscription_type} - {None}
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field in type_.fields.values():
            if type_ in roots or field.args:
                field.resolve = _guarded(field, field.resolve or default_field_resolver, root=type_ in roots)


def _guarded(field: GraphQLField, resolve: GraphQLFieldResolver, *, root: bool) -> GraphQLFieldResolver:
    if getattr(resolve, "_portico_scope_guarded", False):
        return resolve
    any_account = is_any_account(field) or not root

    def resolver(source: Any, info: GraphQLResolveInfo, **kwargs: Any) -> Any:
        if not root:
            bound = _bound.get(id(field))
            if bound is None:
                bound = _bound[id(field)] = is_account_bound(field)
            if not bound:
                return resolve(source, info, **kwargs)
        return _checked(resolve, source, info, kwargs, any_account)

    resolver._portico_scope_guarded = True  # type: ignore[attr-defined]
    return resolver


async def _checked(
    resolve: GraphQLFieldResolver, source: Any, info: GraphQLResolveInfo, kwargs: dict[str, Any], any_account: bool
) -> Any:
    await require_in_scope(info.context, kwargs, any_account=any_account)
    result = resolve(source, info, **kwargs)
    return await result if isawaitable(result) else result
