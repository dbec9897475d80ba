"""The breaking-change gate: the released schema (`schema.lock.graphql`) may only be broken
with an announcement in CHANGELOG.md's Unreleased section."""

from pathlib import Path

from backend.core import contract
from backend.schema import sdl

ROOT = Path(__file__).resolve().parents[2]

RELEASED = """
type Query {
  "Me."
  me: String!
  "Teams."
  teams(first: Int): [String!]!
}
"""

FIELD_REMOVED = """
type Query {
  "Me."
  me: String!
}
"""

ARGUMENT_ADDED = """
type Query {
  "Me."
  me: String!
  "Teams."
  teams(first: Int, accountId: ID!): [String!]!
  "New."
  extra: Int
}
"""

CHANGELOG = """# Changelog

## Unreleased

### Breaking API changes
- {entry}

## 0.1.0
- `Query.teams` once meant something else.
"""


def test_the_current_schema_breaks_nothing_unannounced() -> None:
    missing = contract.unannounced(
        (ROOT / "schema.lock.graphql").read_text(), sdl(), (ROOT / "CHANGELOG.md").read_text()
    )
    assert missing == [], "announce these in CHANGELOG.md (## Unreleased) or keep them compatible: " + "; ".join(
        c.description for c in missing
    )


def test_a_removed_field_is_refused_until_announced() -> None:
    missing = contract.unannounced(RELEASED, FIELD_REMOVED, CHANGELOG.format(entry="nothing here"))
    assert [(c.coordinate, c.description) for c in missing] == [("Query.teams", "Field Query.teams was removed.")]
    assert contract.unannounced(RELEASED, FIELD_REMOVED, CHANGELOG.format(entry="`Query.teams` removed: use x")) == []


def test_an_entry_under_an_older_release_does_not_count() -> None:
    # The 0.1.0 section names `Query.teams` too; only Unreleased announces.
    assert [c.coordinate for c in contract.unannounced(RELEASED, FIELD_REMOVED, CHANGELOG.format(entry="-"))] == [
        "Query.teams"
    ]


def test_a_new_required_argument_is_breaking_and_a_new_field_is_not() -> None:
    found = contract.changes(RELEASED, ARGUMENT_ADDED)
    assert [(c.coordinate, c.breaking) for c in found] == [("Query.teams(accountId:)", True)]
