"""The committed schema.graphql matches the code, and everything is described."""

import asyncio
import subprocess
import sys
from pathlib import Path

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType

from backend.schema import schema, sdl

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_code() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == sdl(), "schema.graphql is stale: run `portico export-schema`"


def test_every_type_field_and_argument_has_a_description() -> None:
    missing = []
    for name, t in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID", "DateTime", "JSON"}:
            continue
        if not t.description:
            missing.append(name)
        if isinstance(t, (GraphQLObjectType, GraphQLInputObjectType)):
            for fname, f in t.fields.items():
                if not f.description:
                    missing.append(f"{name}.{fname}")
                for aname, a in getattr(f, "args", {}).items():
                    if not a.description:
                        missing.append(f"{name}.{fname}({aname})")
        if isinstance(t, GraphQLEnumType):
            missing += [f"{name}.{vname}" for vname, v in t.values.items() if not v.description]
    assert missing == []


def test_enum_members_keep_their_plain_values() -> None:
    # `strawberry.enum_value` on a `str` enum stores the EnumValueDefinition's repr as the
    # member's value (and in the database); such enums are described with `graphql_enum`.
    for name, t in schema._schema.type_map.items():
        if isinstance(t, GraphQLEnumType) and not name.startswith("__"):
            for member in t.extensions["strawberry-definition"].wrapped_cls:
                assert not str(member.value).startswith("EnumValueDefinition("), f"{name}.{member.name}"
                assert member.__class__(member.value) is member, f"{name}.{member.name}"


def test_migrations_match_the_models() -> None:
    # In a fresh interpreter: the autodetector builds its own Tortoise context.
    out = subprocess.run(
        [sys.executable, "-c", "import asyncio; from backend.core.db import pending_model_changes as p; print(asyncio.run(p()))"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    assert out.stdout.strip() == "[]", f"models changed without a migration: {out.stdout} {out.stderr[-500:]}"
    assert asyncio  # keep import for readers running it by hand


def test_schema_extensions_are_built_fresh_for_each_request() -> None:
    from strawberry.extensions import SchemaExtension

    assert schema.extensions and not any(isinstance(e, SchemaExtension) for e in schema.extensions)
    first, second = schema.get_extensions(), schema.get_extensions()
    assert all(a is not b for a, b in zip(first, second))
