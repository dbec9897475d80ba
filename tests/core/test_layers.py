"""Arrows point down: nothing in backend/core imports a domain at run time."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).parents[2] / "backend" / "core"


def _runtime_imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []  # imports for type checking only do not count
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_core_imports_no_domain() -> None:
    offenders = {
        f"{path.relative_to(CORE)}: {name}"
        for path in CORE.rglob("*.py")
        for name in _runtime_imports(ast.parse(path.read_text()))
        if name.startswith("backend.") and not name.startswith("backend.core")
    }
    assert offenders == set()
