"""Structured logs (structlog): JSON lines in production, plain lines in development.

Every record, Portico's or a library's (uvicorn, tortoise, httpx), goes through one
formatter whose last processor removes secrets: no email address, token, password or
one-time code leaves the process whole, whatever a call site happened to pass.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from typing import Any

import structlog

from backend.core.config import Settings, get_settings

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_JWT = re.compile(r"eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}")
_QUERY_SECRET = re.compile(r"((?:token|code|state|password|access_token|refresh_token|id_token)=)[^&\s\"']+", re.I)
_BEARER = re.compile(r"(bearer\s+)\S+", re.I)
# Random tokens Portico mints are 43 url-safe characters (256 bits): long, with digits and
# both cases. Long identifiers (snake_case names, hex digests) do not look like that.
_LONG_RANDOM = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[A-Za-z0-9_-]{40,}(?![\w-])")
_SECRET_KEYS = {"password", "new_password", "current_password", "token", "access_token", "refresh_token",
                "code", "otp", "secret", "authorization", "id_token"}


def redact_text(text: str) -> str:
    """Mask what must never be logged: `maria@example.com` becomes `m***@example.com`."""
    text = _JWT.sub("[jwt]", text)
    text = _BEARER.sub(r"\1[redacted]", text)
    text = _QUERY_SECRET.sub(r"\1[redacted]", text)
    text = _LONG_RANDOM.sub("[redacted]", text)
    return _EMAIL.sub(r"\1***@\2", text)


@functools.lru_cache(maxsize=2048)
def _redact_short(text: str) -> str:
    return redact_text(text)


def _redact_value(key: str, value: Any) -> Any:
    if key.lower() in _SECRET_KEYS:
        return "[redacted]"
    if isinstance(value, str):
        # Most values repeat on every line (level, logger, path, operation, outcome): their
        # five regular expressions run once, not per request.
        return _redact_short(value) if len(value) <= 64 else redact_text(value)
    if isinstance(value, dict):
        return {k: _redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redact_value(key, v) for v in value]
    return value


def redact(_: Any, __: str, event_dict: Any) -> Any:
    """structlog processor: the last line of defence before a record is written."""
    return {k: _redact_value(k, v) for k, v in event_dict.items()}


def _formatter(settings: Settings) -> structlog.stdlib.ProcessorFormatter:
    json_lines = (settings.log_format or ("plain" if settings.debug else "json")) == "json"
    renderer: Any = structlog.processors.JSONRenderer() if json_lines else structlog.dev.ConsoleRenderer(colors=False)
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            redact,
            renderer,
        ],
    )


def formatter(settings: Settings | None = None) -> logging.Formatter:
    """The formatter every handler should use (tests attach it to a file handler)."""
    return _formatter(settings or get_settings())


_configured = False


def configure_logging(settings: Settings | None = None, *, stream: Any = None) -> None:
    """Route every logger through structlog's formatter, once per process."""
    global _configured
    if _configured:
        return
    _configured = True
    s = settings or get_settings()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(_formatter(s))
    root = logging.getLogger()
    # Replace plain console handlers (basicConfig's); keep others (pytest's capture, a test's file).
    for old in [h for h in root.handlers if type(h) is logging.StreamHandler]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(s.log_level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # One line per request comes from our middleware; uvicorn's access line would repeat it with the query string.
    logging.getLogger("uvicorn.access").disabled = True


def get_logger(name: str) -> Any:
    return structlog.stdlib.get_logger(name)
