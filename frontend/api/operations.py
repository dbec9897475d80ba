"""Every GraphQL operation the portal sends, for the API's allow-list.

`python -m frontend.api.operations` writes `persisted-queries.json` (sha256 -> text): with
`GRAPHQL_PERSISTED_ONLY=true` the API runs only these. A test checks the file is current and
that every operation validates against `schema.graphql`, so a portal query that no longer
matches the schema fails the build.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import pkgutil
import sys
from pathlib import Path

from graphql import OperationDefinitionNode, parse
from graphql.error import GraphQLSyntaxError

import frontend.api

MANIFEST = Path(__file__).resolve().parents[2] / "persisted-queries.json"


def _is_operation(text: str) -> bool:
    try:
        document = parse(text)
    except GraphQLSyntaxError:
        return False  # a template (`SEAT_CHANGE`) or a field list, not an operation
    return any(isinstance(d, OperationDefinitionNode) for d in document.definitions)


def portal_operations() -> dict[str, str]:
    """sha256 -> text of every module-level operation string in `frontend.api`."""
    found: dict[str, str] = {}
    for module_info in pkgutil.iter_modules(frontend.api.__path__):
        module = importlib.import_module(f"frontend.api.{module_info.name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str) and _is_operation(value):
                found[hashlib.sha256(value.encode()).hexdigest()] = value
    return dict(sorted(found.items()))


def manifest_text() -> str:
    return json.dumps(portal_operations(), indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else MANIFEST
    path.write_text(manifest_text())
    print(f"wrote {path}: {len(portal_operations())} operations")
