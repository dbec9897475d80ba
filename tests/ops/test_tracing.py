"""OpenTelemetry: off unless configured (not even imported), and when on a span per
GraphQL operation with the SQL statements beneath it."""

import subprocess
import sys

from backend.core.config import get_settings
from backend.core.observability import tracing
from tests.conftest import Api
from tests.factories import make_account, make_user, token_for

MEMBERS = """query Members($accountId: ID!) { accountMembers(accountId: $accountId) { nodes { user { id } } } }"""


def test_tracing_off_imports_nothing_of_opentelemetry() -> None:
    code = ("import sys, backend.app; backend.app.create_app();"
            "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('opentelemetry')}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


async def test_spans_for_the_operation_and_its_sql(api: Api) -> None:
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    admin = await make_user("traced@example.com")
    account = await make_account("Traced Gym", admin=admin)
    token = await token_for(admin)
    exporter = InMemorySpanExporter()
    tracing.configure(get_settings(), exporter=exporter)
    try:
        await api.as_(token)(MEMBERS, {"accountId": str(account.id)})
    finally:
        tracing.disable()
    spans = exporter.get_finished_spans()
    [operation] = [s for s in spans if s.name.startswith("graphql")]
    assert operation.name == "graphql Members"
    sql = [s for s in spans if s.name.startswith("db ")]
    assert sql and all(s.parent is not None and s.parent.span_id == operation.context.span_id for s in sql)
    assert {s.name for s in sql} == {"db SELECT"}
    assert all("traced@example.com" not in str(s.attributes) for s in spans)  # statements, never parameters
