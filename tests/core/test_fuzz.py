"""Fuzzing the GraphQL API with schemathesis: generated queries and mutations for every
root field, sent through the real app as a signed-in account admin. Bounded in count
and time; any internal error (a masked bug, an HTTP 500) fails the test."""

from __future__ import annotations

import os
import time

import schemathesis.graphql
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from backend.schema import sdl
from tests.conftest import Api
from tests.factories import make_account, make_subscription, make_user, token_for

EXAMPLES_PER_FIELD = int(os.environ.get("PORTICO_FUZZ_EXAMPLES", "3"))
TIME_BUDGET_SECONDS = 90
MASKED = "Unexpected error. It has been logged."
# Besides what schemathesis draws on its own, the values that broke the API before.
HOSTILE_IDS = ["1", "2", "3", "³", "１２", "-1", "0", "1e3", "2147483648", "99999999999999999999"]
HOSTILE_STRINGS = ["x\x00y", "n" * 5000, "a" * 250 + "@example.com", "", "Ann"]


def _register_hostile_scalars() -> None:
    schemathesis.graphql.scalar("ID", st.sampled_from(HOSTILE_IDS).map(nodes.String))
    schemathesis.graphql.scalar("String", st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=40))
                                .map(nodes.String))


def _generated_requests() -> list[tuple[str, dict]]:
    """Cases schemathesis draws for each root field (deterministic: derandomized)."""
    bodies: list[tuple[str, dict]] = []
    _register_hostile_scalars()
    schema = schemathesis.graphql.from_file(sdl())
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=EXAMPLES_PER_FIELD, derandomize=True, database=None, deadline=None,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        @given(operation.as_strategy())
        def collect(case) -> None:  # type: ignore[no-untyped-def]
            bodies.append((operation.label, case.body if isinstance(case.body, dict) else {"query": case.body}))

        collect()
    return bodies


async def test_generated_requests_never_hit_an_internal_error(api: Api) -> None:
    admin = await make_user("fuzz@example.com")
    account = await make_account("Fuzz Gym", admin=admin)
    await make_subscription(account, admin)
    token = await token_for(admin)
    requests = _generated_requests()
    assert len(requests) > 100
    failures, deadline = [], time.monotonic() + TIME_BUDGET_SECONDS
    for label, body in requests:
        if time.monotonic() > deadline:
            break
        r = await api.client.post("/graphql", json=body, headers={"Authorization": f"Bearer {token}"})
        errors = r.json().get("errors") or [] if r.status_code < 500 else [{"message": MASKED}]
        if r.status_code >= 500 or any(e.get("message") == MASKED for e in errors):
            failures.append((label, r.status_code, body["query"][:300], errors[:1]))
    assert failures == []
