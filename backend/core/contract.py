"""The API contract gate: a schema change that would break a shipped client must be announced.

`schema.lock.graphql` is the schema of the last release. graphql-core's
`find_breaking_changes` lists what the current schema breaks relative to it (a removed field,
a changed type, a new required argument ...). Each breaking change must name its schema
coordinate (e.g. `Query.accountMembers`) in backticks in the `## Unreleased` section of
`CHANGELOG.md`; otherwise the gate fails and says what is missing. Releasing rolls the lock
(`portico schema-lock`) and renames the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphql import build_schema, find_breaking_changes, find_dangerous_changes

UNRELEASED = re.compile(r"^## Unreleased\s*$(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Change:
    coordinate: str
    description: str
    breaking: bool


COORDINATE = re.compile(r"@?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*(?:\([A-Za-z_]\w*:\))?|\([A-Za-z_]\w*:\))")


def _coordinate(description: str) -> str:
    """The schema coordinate a change is about: `Query.me`, `Query.teams(accountId:)`, or a
    type name ("Team was removed.", "Team no longer implements interface Node.")."""
    match = COORDINATE.search(description)
    return match.group(0) if match else description.split(" ", 1)[0].rstrip(".")


def changes(old_sdl: str, new_sdl: str) -> list[Change]:
    """Breaking and dangerous changes from the released schema to the current one."""
    old, new = build_schema(old_sdl), build_schema(new_sdl)
    # A standard scalar (Int, ...) that is no longer referenced still exists for every client.
    found = [
        Change(_coordinate(c.description), c.description, True)
        for c in find_breaking_changes(old, new)
        if not c.description.startswith("Standard scalar")
    ]
    found += [Change(_coordinate(c.description), c.description, False) for c in find_dangerous_changes(old, new)]
    return found


def unreleased_section(changelog: str) -> str:
    match = UNRELEASED.search(changelog)
    return match.group(1) if match else ""


def not_in_changelog(found: list[Change], changelog: str) -> list[Change]:
    """Of these changes, the breaking ones the changelog's Unreleased section does not name."""
    section = unreleased_section(changelog)
    return [c for c in found if c.breaking and f"`{c.coordinate}`" not in section]


def unannounced(old_sdl: str, new_sdl: str, changelog: str) -> list[Change]:
    """Breaking changes from `old_sdl` to `new_sdl` that the changelog does not announce."""
    return not_in_changelog(changes(old_sdl, new_sdl), changelog)
