"""Every GraphQL operation the portal sends, for the API's allow-list.

The operations are written in `graphql/*.graphql`; ariadne-codegen turns each into a method
of `generated/client.py` holding the exact text it sends (the operation and the fragments it
uses). `python -m frontend.api.operations` reads those texts and writes
`persisted-queries.json` (sha256 -> text): with `GRAPHQL_PERSISTED_ONLY=true` the API runs
only these. Tests check that the file and the generated package are current, so a portal
query that no longer matches the schema fails the build.
"""

from __future__ import annotations

import ast
import hashlib
import json
import sys
from pathlib import Path

GENERATED_CLIENT = Path(__file__).resolve().parent / "generated" / "client.py"
MANIFEST = Path(__file__).resolve().parents[2] / "persisted-queries.json"


def sent_texts(client_source: str) -> list[str]:
    """The literal passed to each `gql(...)` call of a generated client module."""
    return [
        node.args[0].value
        for node in ast.walk(ast.parse(client_source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "gql"
        and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
    ]


def portal_operations() -> dict[str, str]:
    """sha256 -> text of every operation the generated client sends."""
    texts = sent_texts(GENERATED_CLIENT.read_text())
    return dict(sorted((hashlib.sha256(text.encode()).hexdigest(), text) for text in texts))


def manifest_text() -> str:
    return json.dumps(portal_operations(), indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else MANIFEST
    path.write_text(manifest_text())
    print(f"wrote {path}: {len(portal_operations())} operations")
