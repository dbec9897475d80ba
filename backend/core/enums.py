"""Exposing a stored enum in GraphQL with a description on every value."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def graphql_enum(cls: E, *, name: str, description: str, values: Mapping[str, str]) -> E:
    """`strawberry.enum(cls)` with `values[member name]` as each value's description.

    For the `str` enums that Tortoise stores (`CharEnumField`) and services compare with
    strings: `strawberry.enum_value` there would turn each member's value into the repr of
    an `EnumValueDefinition` (so the database would store that), because `str` builds the
    member before Strawberry can unwrap it. The Python enum is left exactly as it is.
    """
    names = {m.name for m in cls}
    if names != values.keys():
        raise ValueError(f"{name}: describe exactly {sorted(names)}; got {sorted(values)}")
    strawberry.enum(cls, name=name, description=description)
    definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    definition.values = [dataclasses.replace(v, description=values[v.name]) for v in definition.values]
    return cls
