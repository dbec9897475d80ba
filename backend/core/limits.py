"""Query limits in one validation pass: depth, aliases and cost, answered with a typed error.

One rule walks each operation once (fragments inlined) and measures three things:
- depth: nesting of selections (`QUERY_TOO_DEEP`);
- aliases: aliased fields, fragments counted where they are spread (`QUERY_TOO_MANY_ALIASES`);
- cost: every field costs 1 times the page sizes of the lists around it, where a list's page
  size is its `first` or `last` argument; a variable counts as the largest page a
  connection serves, so `users(first: 100) { teams(first: 100) { ... } }` costs 10,000+
  whatever the variables say (`QUERY_TOO_COSTLY`).
The token limit stays in the parser (Strawberry's MaxTokensLimiter), before any of this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
)
from strawberry.extensions import AddValidationRules

from backend.core.pagination import MAX_PAGE

MAX_DEPTH = 12
MAX_ALIASES = 20
MAX_COST = 25_000
PAGE_ARGUMENTS = ("first", "last")


@dataclass
class Measure:
    depth: int = 0
    aliases: int = 0
    cost: int = 0


def _page_size(field: FieldNode) -> int | None:
    for argument in field.arguments or ():
        if argument.name.value in PAGE_ARGUMENTS:
            value = argument.value
            if isinstance(value, IntValueNode):
                return max(1, min(int(value.value), 1_000_000))
            return MAX_PAGE  # a variable: the largest page the server will serve
    return None


def measure(selection_set: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]) -> Measure:
    result = Measure()

    def walk(node: SelectionSetNode, depth: int, multiplier: int, seen: tuple[str, ...]) -> None:
        result.depth = max(result.depth, depth)
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                if selection.name.value.startswith("__"):
                    continue
                result.aliases += selection.alias is not None
                result.cost += multiplier
                if selection.selection_set is not None:
                    size = _page_size(selection) or 1
                    walk(selection.selection_set, depth + 1, multiplier * size, seen)
            elif isinstance(selection, InlineFragmentNode):
                walk(selection.selection_set, depth, multiplier, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:  # cycles are another rule's error
                    walk(fragment.selection_set, depth, multiplier, (*seen, name))

    walk(selection_set, 0, 1, ())
    return result


def rule(max_depth: int = MAX_DEPTH, max_aliases: int = MAX_ALIASES, max_cost: int = MAX_COST) -> type[ValidationRule]:
    class QueryLimits(ValidationRule):
        def enter_document(self, node: Any, *_: Any) -> None:
            fragments = {d.name.value: d for d in node.definitions if isinstance(d, FragmentDefinitionNode)}
            for operation in node.definitions:
                if isinstance(operation, OperationDefinitionNode):
                    self._check(operation, measure(operation.selection_set, fragments))

        def _check(self, operation: OperationDefinitionNode, found: Measure) -> None:
            name = operation.name.value if operation.name else "anonymous"
            if found.depth > max_depth:
                self._refuse("QUERY_TOO_DEEP", f"'{name}' is {found.depth} levels deep; the limit is {max_depth}.", operation)
            if found.aliases > max_aliases:
                self._refuse("QUERY_TOO_MANY_ALIASES", f"'{name}' uses {found.aliases} aliases; the limit is {max_aliases}.", operation)
            if found.cost > max_cost:
                self._refuse(
                    "QUERY_TOO_COSTLY",
                    f"'{name}' could return {found.cost} items; the limit is {max_cost}. Ask for smaller pages.",
                    operation,
                )

        def _refuse(self, code: str, message: str, node: OperationDefinitionNode) -> None:
            self.report_error(GraphQLError(message, node, extensions={"code": code}))

    return QueryLimits


QUERY_LIMITS = rule()


class QueryLimitsExtension(AddValidationRules):
    """The limits as a schema extension (one rule in the schema's single validation pass).
    The rule class is made once, so a validation cache keyed by the rules can hit."""

    def __init__(self) -> None:
        super().__init__([QUERY_LIMITS])
