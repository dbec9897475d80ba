"""How the GraphQL endpoint behaves towards strangers: what it reveals and what it logs.

* Introspection only when `GRAPHQL_INTROSPECTION` allows it (off in production by default).
* No "Did you mean ...?" hints in production: they map the schema for whoever guesses.
* Expected refusals (validation, not signed in, not allowed, not found, bad input) are one
  log line each; anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from backend.core.config import get_settings
from backend.core.errors import ApiError
from backend.core.globalid import convert_schema
from backend.core.scope import guard_schema

log = logging.getLogger("portico.graphql")
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class IntrospectionPolicy(SchemaExtension):
    """Adds the no-introspection rule per request, so the setting is read when it applies."""

    def on_operation(self) -> Iterator[None]:
        if not get_settings().graphql_introspection:
            ctx = self.execution_context
            ctx.validation_rules = (*ctx.validation_rules, NoSchemaIntrospectionCustomRule)
        yield


class HideSuggestions(SchemaExtension):
    """Strips "Did you mean" hints from every error outside development."""

    def on_operation(self) -> Iterator[None]:
        yield
        if get_settings().debug:
            return
        result = self.execution_context.result
        for error in (result.errors if result else None) or self.execution_context.pre_execution_errors or []:
            error.message = _SUGGESTION.sub("", error.message)


def expected(error: GraphQLError) -> bool:
    """A refusal we meant to give (it carries a code, or it is GraphQL's own validation)."""
    original = error.original_error
    if original is None or isinstance(original, ApiError):
        return True
    return isinstance(original, GraphQLError) and bool((original.extensions or {}).get("code"))


class PorticoSchema(strawberry.Schema):
    """Strawberry's schema, with two rules wired into its resolvers as it is built (not
    schema extensions, which would run around every field of every row): global IDs in
    arguments become database keys (`backend.core.globalid.convert_schema`: fields with ID
    arguments only), and act-as containment wraps that (`backend.core.scope.guard_schema`:
    root fields and fields with arguments only)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        convert_schema(self._schema)
        guard_schema(self._schema)

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        for error in errors:
            if expected(error):
                code = (error.extensions or {}).get("code", "GRAPHQL_VALIDATION_FAILED")
                path = ".".join(str(p) for p in error.path or [])
                log.info("refused %s%s: %s", code, f" at {path}" if path else "", error.message)
            else:
                log.error("unexpected error at %s", error.path, exc_info=error.original_error)
