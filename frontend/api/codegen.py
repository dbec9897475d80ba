"""Regenerate the portal's typed client, `frontend/api/generated`, with ariadne-codegen from
`schema.graphql` and the operations in `frontend/api/graphql/` ([tool.ariadne-codegen] in
pyproject.toml), then the allow-list `persisted-queries.json` from it.

ariadne-codegen needs graphql-core 3.2 and Strawberry needs 3.3, so the generator runs from
its own venv, `.venv/codegen` (./scripts/setup.sh installs pyproject's `codegen` group
there). `./scripts/codegen.sh` runs this module; tests/portal/test_generated_client.py
generates into a temporary directory and fails when the committed package differs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / ".venv" / "codegen" / "bin" / "ariadne-codegen"
PACKAGE = ROOT / "frontend" / "api" / "generated"


class CodegenError(Exception):
    """ariadne-codegen refused (an operation that does not match the schema) or is missing."""


def settings() -> dict[str, Any]:
    return dict(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ariadne-codegen"])


def _toml(section: str, values: dict[str, Any]) -> str:
    """A TOML table of strings, booleans, lists and sub-tables (JSON spells those alike)."""
    lines, tables = [f"[{section}]"], []
    for key, value in values.items():
        if isinstance(value, dict):
            tables.append(_toml(f"{section}.{key}", value))
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    return "\n".join(lines) + "\n" + "".join("\n" + table for table in tables)


def generate(target: Path) -> Path:
    """Generate the package into the directory `target`; returns the package's path."""
    if not TOOL.exists():
        raise CodegenError(f"{TOOL} is missing: run ./scripts/setup.sh")
    config = target / "codegen.toml"
    config.write_text(_toml("tool.ariadne-codegen", {**settings(), "target_package_path": str(target)}))
    result = subprocess.run([str(TOOL), "--config", str(config)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        output = result.stderr.strip() or result.stdout.strip()
        # The tool's exception names what is wrong ("Cannot query field 'x' on type 'Y'."); its traceback does not.
        raise CodegenError(output[output.rfind("ariadne_codegen.exceptions."):] if "ariadne_codegen.exceptions." in output else output)
    return target / settings()["target_package_name"]


def package_files(package: Path) -> dict[str, str]:
    """Relative path -> text of the package's Python files."""
    return {path.relative_to(package).as_posix(): path.read_text() for path in sorted(package.rglob("*.py"))}


def main() -> None:
    from frontend.api.operations import MANIFEST, manifest_text

    with tempfile.TemporaryDirectory() as tmp:
        try:
            fresh = generate(Path(tmp))
        except CodegenError as exc:
            sys.exit(f"ariadne-codegen failed:\n{exc}")
        shutil.rmtree(PACKAGE, ignore_errors=True)
        shutil.copytree(fresh, PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    MANIFEST.write_text(manifest_text())
    print(f"wrote {PACKAGE.relative_to(ROOT)} ({len(package_files(PACKAGE))} modules) and {MANIFEST.name}")


if __name__ == "__main__":
    main()
