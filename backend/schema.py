"""The GraphQL schema, composed from each domain's Query and Mutation."""

from __future__ import annotations

from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, MaxTokensLimiter, ParserCache, ValidationCache

from backend.accounts import schema as accounts
from backend.activity import schema as activity
from backend.auth import schema as auth
from backend.core import nodes
from backend.core.errors import ApiError
from backend.core.graphql_policy import HideSuggestions, IntrospectionPolicy, PorticoSchema
from backend.core.inputlimits import InputLimits
from backend.core.limits import QueryLimitsExtension
from backend.core.observability.tracing import observers
from backend.core.persisted import PersistedQueries
from backend.enterprise import admin_schema as enterprise_admin
from backend.enterprise import schema as enterprise
from backend.families import mutations as family_mutations
from backend.families import office_mutations
from backend.families import schema as families
from backend.invitations import schema as invitations
from backend.learning import schema as learning
from backend.members import schema as members
from backend.reports import link_schema as report_links
from backend.reports import schema as reports
from backend.seats import schema as seats
from backend.seats import team_schema as teams
from backend.students import schema as students


@strawberry.type(description="Everything a client can read. Fields name the permission they need.")
class Query(
    auth.Query, accounts.Query, invitations.Query, members.Query, families.Query, seats.Query, teams.Query,
    learning.Query, activity.Query, reports.Query, enterprise.Query, enterprise_admin.Query, students.Query, nodes.Query,
):
    pass


@strawberry.type(description="Everything a client can change. Expected failures come back in each payload's `errors`.")
class Mutation(
    auth.Mutation, accounts.Mutation, invitations.Mutation, members.Mutation, family_mutations.Mutation,
    office_mutations.Mutation, seats.Mutation,
    teams.Mutation, learning.Mutation, enterprise.Mutation, enterprise_admin.Mutation, students.Mutation,
    report_links.Mutation,
):
    pass


def should_mask(error: GraphQLError) -> bool:
    """Mask bugs only: validation errors, permission refusals and ApiErrors carry a code."""
    original = error.original_error
    return original is not None and not isinstance(original, (ApiError, GraphQLError))


schema = PorticoSchema(
    query=Query,
    mutation=Mutation,
    extensions=[
        # Factories, not instances: each request gets fresh extension state.
        PersistedQueries,
        IntrospectionPolicy,
        HideSuggestions,
        InputLimits,
        partial(MaskErrors, should_mask_error=should_mask, error_message="Unexpected error. It has been logged."),
        # Global IDs in arguments (backend/core/globalid.py) and act-as containment
        # (backend/core/scope.py) are wired into resolvers by PorticoSchema, not listed here.
        QueryLimitsExtension,
        partial(MaxTokensLimiter, max_token_count=4000),
        # Parsed and validated documents are reused across requests (keyed by query text and
        # the rules): most traffic repeats a few operations (the portal's, a mobile app's).
        partial(ParserCache, maxsize=1024),
        partial(ValidationCache, maxsize=1024),
        *observers(),
    ],
)


def sdl() -> str:
    """The schema as committed in `schema.graphql`."""
    return schema.as_str() + "\n"
