"""Bounded input, in one place, for every argument of every operation.

Before a document executes, `InputLimits` checks each argument value (literals and
variables, inside input objects and lists) with the schema's types and refuses the whole
operation with `BAD_USER_INPUT` (nothing runs, nothing changes) when:

* a string holds a NUL byte;
* a string is longer than its column (the shortest `CharField` of that name in any
  model, unless `LENGTH_OVERRIDES` names the argument exactly) or, for strings with no
  column, `DEFAULT_MAX_STRING`: fields added later are bounded without a change here;
* an `ID` is neither a global ID (of a well-formed key) nor plain ASCII digits within the
  database's integer range (`node`/`nodes` take any ID up to 200 characters: a malformed
  one answers NOT_FOUND there, like a missing one);
* a list is longer than `LIST_LIMITS` says for its name (`DEFAULT_MAX_LIST` otherwise).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache
from typing import Any, NamedTuple

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableNode,
    Visitor,
    visit,
)
from strawberry.extensions import SchemaExtension
from tortoise import Tortoise, fields

from backend.core.globalid import decode, takes_raw_ids

MAX_NODES = 100  # `nodes(ids:)`
MAX_GLOBAL_ID = 200

DEFAULT_MAX_STRING = 2000
DEFAULT_MAX_LIST = 500
ID_MAX = 2**31 - 1  # primary keys are 32-bit integers (IntField)
# Where one column allows more than the shortest column of the same name elsewhere.
LENGTH_OVERRIDES = {
    "createAccount.name": 200, "createFamily.name": 200, "CreateSubscriptionInput.name": 200,
    "UpdateSubscriptionInput.name": 200, "CreateLearningModuleInput.name": 200,
    # An invitation job's CSV or pasted list: up to 10,000 rows (MAX_REQUEST_BYTES bounds it too).
    "StartInvitationJobInput.list": 1_000_000,
}
# inviteUsers answers TOO_MANY past MAX_INVITES_PER_CALL itself; this only bounds the parse.
LIST_LIMITS = {"features": 50, "teamNames": 50, "teams": 50, "emails": 10_000, "ids": MAX_NODES}


class InputRefused(GraphQLError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message, extensions={"code": "BAD_USER_INPUT", "field": field})


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@lru_cache(maxsize=1)
def column_lengths() -> dict[str, int]:
    """Shortest `max_length` of each CharField name across the registered models."""
    lengths: dict[str, int] = {}
    for app in Tortoise.apps.values():
        for model in app.values():
            for name, field in model._meta.fields_map.items():
                if isinstance(field, fields.CharField) and not hasattr(field, "enum_type"):
                    lengths[name] = min(lengths.get(name, field.max_length), field.max_length)
    return lengths


def max_length(parent: str, name: str) -> int:
    return LENGTH_OVERRIDES.get(f"{parent}.{name}") or column_lengths().get(_snake(name)) or DEFAULT_MAX_STRING


def valid_id(value: object) -> bool:
    """Plain ASCII digits within the primary keys' range (GraphQL IDs, report URLs), or such
    a number after a lowercase kind (`student:12`: the people of User Accounts), or a global
    ID of either (its type is checked where the argument is used: core/globalid.py)."""
    decoded = decode(value)
    text = decoded[1] if decoded else str(value)
    kind, colon, number = text.rpartition(":")
    if colon and not (kind.isascii() and kind.isalpha() and kind.islower() and len(kind) <= 20):
        return False
    return number.isascii() and number.isdigit() and len(number) <= 10 and 0 < int(number) <= ID_MAX


class _Walker:
    def __init__(self, variables: dict[str, Any]) -> None:
        self.variables = variables
        self.raw_ids = False  # inside `node(id:)` / `nodes(ids:)`: any ID, bounded, reads NOT_FOUND there

    def check(self, value: Any, type_: GraphQLInputType, parent: str, name: str) -> None:
        if isinstance(value, VariableNode):
            value = self.variables.get(value.name.value)
        if value is None:
            return
        if isinstance(type_, GraphQLNonNull):
            type_ = type_.of_type
        if isinstance(type_, GraphQLList):
            items = value.values if isinstance(value, ListValueNode) else value
            if not isinstance(items, (list, tuple)):
                items = [items]  # a single value stands for a one-item list
            limit = LIST_LIMITS.get(name, DEFAULT_MAX_LIST)
            if len(items) > limit:
                raise InputRefused(f"{name}: at most {limit} items.", name)
            for item in items:
                self.check(item, type_.of_type, parent, name)
        elif isinstance(type_, GraphQLInputObjectType):
            entries = ({f.name.value: f.value for f in value.fields} if isinstance(value, ObjectValueNode)
                       else value if isinstance(value, dict) else {})
            for key, item in entries.items():
                if key in type_.fields:
                    self.check(item, type_.fields[key].type, type_.name, key)
        elif isinstance(type_, GraphQLScalarType):
            self.scalar(value.value if isinstance(value, StringValueNode) else value, type_, parent, name)

    def scalar(self, value: Any, type_: GraphQLScalarType, parent: str, name: str) -> None:
        if isinstance(value, ValueNode) or not isinstance(value, (str, int)) or isinstance(value, bool):
            return  # other literals are checked by GraphQL's own validation
        if type_.name == "ID":
            if self.raw_ids:
                if len(str(value)) > MAX_GLOBAL_ID:
                    raise InputRefused(f"{name}: not a valid ID.", name)
            elif not valid_id(value):
                raise InputRefused(f"{name}: not a valid ID.", name)
        elif isinstance(value, str):
            if "\x00" in value:
                raise InputRefused(f"{name}: contains a NUL character.", name)
            if len(value) > (limit := max_length(parent, name)):
                raise InputRefused(f"{name}: at most {limit} characters.", name)


class Site(NamedTuple):
    """One argument of a document: its value (literal or variable) and where it is."""

    value: ValueNode
    type: GraphQLInputType
    parent: str  # the field it is an argument of
    name: str
    field: GraphQLField | None


class _ArgumentVisitor(Visitor):
    """Collects every argument of a document with its type and field (the document's plan)."""

    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.fields: list[str] = []
        self.sites: list[Site] = []

    def enter_field(self, node: Any, *_: Any) -> None:
        self.fields.append(node.name.value)

    def leave_field(self, *_: Any) -> None:
        self.fields.pop()

    def enter_argument(self, node: Any, *_: Any) -> Any:
        argument = self.type_info.get_argument()
        if argument is not None:
            self.sites.append(Site(node.value, argument.type, self.fields[-1] if self.fields else "", node.name.value,
                                   self.type_info.get_field_def()))
        return self.SKIP


Plan = tuple[Site, ...]
# id(document) -> (document, its arguments). The parser cache hands back the same document
# object for the same query text, so a repeated operation is walked with the schema's types
# once; each request then checks only its arguments' values (none, for `me`).
_plans: OrderedDict[int, tuple[DocumentNode, Plan]] = OrderedDict()
PLANS_KEPT = 1024


def plan(schema: GraphQLSchema, document: DocumentNode) -> Plan:
    known = _plans.get(id(document))
    if known is not None and known[0] is document:
        _plans.move_to_end(id(document))
        return known[1]
    type_info = TypeInfo(schema)
    visitor = _ArgumentVisitor(type_info)
    visit(document, TypeInfoVisitor(type_info, visitor))
    _plans[id(document)] = (document, tuple(visitor.sites))
    while len(_plans) > PLANS_KEPT:
        _plans.popitem(last=False)
    return tuple(visitor.sites)


class InputLimits(SchemaExtension):
    """Refuse the operation before it runs when any argument is out of bounds."""

    def on_execute(self):  # type: ignore[no-untyped-def]
        ctx = self.execution_context
        if ctx.graphql_document is not None:
            sites = plan(ctx.schema._schema, ctx.graphql_document)
            if sites:
                walker = _Walker(ctx.variables or {})
                for site in sites:
                    walker.raw_ids = site.field is not None and takes_raw_ids(site.field)
                    walker.check(site.value, site.type, site.parent, site.name)
        yield
