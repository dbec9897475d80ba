"""Arrows point down: the subscription area is layered seats < activity < learning < reports,
and no folder imports one above it (each can be read without those above)."""

import ast
from pathlib import Path

import backend

ROOT = Path(backend.__file__).parent
LAYERS = ["seats", "activity", "learning", "reports"]


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
