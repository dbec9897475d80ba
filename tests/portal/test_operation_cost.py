"""Every portal operation passes the API's query limits (depth, aliases, connection cost), so
no portal screen asks for pages the API refuses with QUERY_TOO_COSTLY."""

from graphql import build_schema, parse, validate

from backend.core import limits
from backend.schema import sdl
from frontend.api.operations import portal_operations


def test_every_portal_operation_is_within_the_query_limits() -> None:
    schema = build_schema(sdl())
    refused = {
        text.split("(")[0].split("{")[0].strip(): [e.message for e in errors]
        for text in portal_operations().values()
        if (errors := validate(schema, parse(text), [limits.rule()]))
    }
    assert refused == {}
