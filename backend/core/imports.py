"""Optional extras two of our libraries load at import whenever they are installed (and the
portal's dependencies install them), which the API never uses:

* structlog: rich (pretty console tracebacks, printing local variables no redaction sees)
  and greenlet (for a deprecated thread-local);
* Tortoise: pydantic (JSON fields typed with pydantic models; ours hold lists and dicts).

About 10 MB of an idle API process. `import_without_extras()` (run when `backend` is first
imported) hides them while those libraries load; they stay importable as usual afterwards.
"""

from __future__ import annotations

import sys

OPTIONAL_EXTRAS = {"structlog": ("rich", "greenlet"), "tortoise": ("pydantic", "pydantic_core")}


def import_without_extras() -> None:
    for library, extras in OPTIONAL_EXTRAS.items():
        if library in sys.modules:  # loaded already (by a test runner, the portal): nothing to save
            continue
        hidden = [name for name in extras if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
        try:
            __import__(library)
        finally:
            for name in hidden:
                sys.modules.pop(name, None)
