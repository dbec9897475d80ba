"""OpenTelemetry tracing, off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set.

When on: a span per GraphQL operation (Strawberry's OpenTelemetry extension) and a span
per SQL statement (a thin wrapper around Tortoise's client). When off, nothing of
OpenTelemetry is imported, so an idle process does not carry it.
"""

from __future__ import annotations

import functools
from typing import Any

from strawberry.extensions import SchemaExtension

from backend.core.config import Settings

_enabled = False


class OperationSpan(SchemaExtension):
    """A span per GraphQL operation, named after it; a no-op unless tracing is on."""

    def on_operation(self):  # type: ignore[no-untyped-def]
        if not _enabled:
            yield
            return
        from opentelemetry import trace

        ec = self.execution_context
        with trace.get_tracer("portico.graphql").start_as_current_span("graphql") as span:
            yield
            name = ec.operation_name or (ec.operation_type.value.lower() if ec.operation_type else "operation")
            span.update_name(f"graphql {name}")
            span.set_attribute("graphql.operation.name", name)
            if ec.result is not None and ec.result.errors:
                span.set_attribute("graphql.errors", len(ec.result.errors))


def observers() -> list[Any]:
    """Schema extensions: the request observer and the operation span."""
    from backend.core.observability.requests import RequestObserver

    return [RequestObserver, OperationSpan]


def configure(settings: Settings, exporter: Any = None) -> None:
    """Install the tracer provider (OTLP over HTTP, or `exporter` in tests) and DB spans."""
    global _enabled
    if _enabled:
        return
    _enabled = True
    from opentelemetry import trace
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": settings.otel_service_name}))
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=_traces_url(settings))))
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    _trace_database()


def disable() -> None:
    """Stop making spans (tests); the provider stays installed."""
    global _enabled
    _enabled = False


def _traces_url(settings: Settings) -> str:
    base = (settings.otel_endpoint or "").rstrip("/")
    return base if base.endswith("/v1/traces") else f"{base}/v1/traces"


def _trace_database() -> None:
    """Wrap the SQL entry points of Tortoise's clients: one span per statement (no parameters)."""
    from opentelemetry import trace
    from tortoise.backends.base.client import BaseDBAsyncClient

    tracer = trace.get_tracer("portico.db")
    for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script"):
        for cls in _subclasses(BaseDBAsyncClient):
            original = cls.__dict__.get(name)
            if original is None or getattr(original, "_portico_traced", False):
                continue
            setattr(cls, name, _span(tracer, original, name))


def _subclasses(cls: type) -> list[type]:
    _load_backends()
    found: list[type] = [cls]
    todo: list[type] = [cls]
    while todo:
        sub: type
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def _load_backends() -> None:
    import importlib

    for module in ("tortoise.backends.sqlite.client", "tortoise.backends.asyncpg.client"):
        try:
            importlib.import_module(module)
        except ImportError:
            pass


def _span(tracer: Any, fn: Any, name: str) -> Any:
    @functools.wraps(fn)
    async def traced(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        if not _enabled:
            return await fn(self, query, *args, **kwargs)
        statement = str(query).split(None, 1)[0].upper() if query else name
        with tracer.start_as_current_span(f"db {statement}", attributes={"db.statement": str(query)[:500],
                                                                           "db.system": type(self).__name__}):
            return await fn(self, query, *args, **kwargs)

    traced._portico_traced = True  # type: ignore[attr-defined]
    return traced
