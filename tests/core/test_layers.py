"""Arrows point down: nothing in backend/core imports a domain at run time, and the
subscription area is layered seats < activity < learning < reports (no folder imports
one above it, so each can be read without those above)."""

from __future__ import annotations

import ast
from pathlib import Path

import backend

ROOT = Path(backend.__file__).parent
CORE = ROOT / "core"
LAYERS = ["seats", "activity", "learning", "reports"]


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


def _imports(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("backend."):
                found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("backend.")}
    return found


def test_the_subscription_area_imports_only_downward() -> None:
    for i, package in enumerate(LAYERS):
        above = set(LAYERS[i + 1:])
        assert not _imports(package) & above, f"backend/{package} imports {sorted(_imports(package) & above)}"


def test_teams_live_in_seats_and_arguments_are_shared() -> None:
    assert not (ROOT / "teams").exists()
    for package in LAYERS:
        for path in (ROOT / package).glob("*.py"):
            assert "from backend.seats.schema import" not in path.read_text(), path
