"""What an operator sees of a running Portico: logs, metrics, traces, request ids.

Core plumbing only: domains call the small hooks in `metrics`; nothing here imports a domain.
"""

from __future__ import annotations

import sys


def _import_structlog_without_extras() -> None:
    """structlog imports rich (pretty console tracebacks, with local variables that no
    redaction sees) and greenlet (for a deprecated thread-local) whenever they are installed,
    and the portal's dependencies install both: about 5 MB of an idle API process for
    features Portico never uses (its console lines are plain, production's are JSON). They
    are hidden while structlog loads, and importable as usual afterwards."""
    hidden = [name for name in ("rich", "greenlet") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import structlog  # noqa: F401
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


_import_structlog_without_extras()
