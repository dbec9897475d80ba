"""What every request pays for is decided when the schema is built: the act-as guard wraps
root fields and fields with arguments only, and no schema extension runs per field."""

from graphql import GraphQLObjectType
from strawberry.extensions import SchemaExtension

from backend.schema import schema


def _guarded(resolve: object) -> bool:
    return bool(getattr(resolve, "_portico_scope_guarded", False))


def test_every_root_field_is_guarded() -> None:
    gs = schema._schema
    for root in (gs.query_type, gs.mutation_type):
        assert root is not None
        assert [name for name, f in root.fields.items() if not _guarded(f.resolve)] == []


def test_fields_without_arguments_below_the_root_are_not_wrapped() -> None:
    gs = schema._schema
    roots = {gs.query_type, gs.mutation_type}
    for type_ in gs.type_map.values():
        if isinstance(type_, GraphQLObjectType) and type_ not in roots and not type_.name.startswith("__"):
            for name, field in type_.fields.items():
                assert _guarded(field.resolve) == bool(field.args), f"{type_.name}.{name}"


def test_no_schema_extension_runs_around_every_field() -> None:
    extensions = schema.get_extensions()
    assert [type(e).__name__ for e in extensions if type(e).resolve is not SchemaExtension.resolve] == []
