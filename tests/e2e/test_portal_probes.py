"""The running portal (reflex run --env prod) answers its probes on its one port."""

import httpx
import pytest

pytestmark = [pytest.mark.e2e]


def test_the_running_portal_is_alive_and_ready(portal: str) -> None:
    assert httpx.get(f"{portal}/healthz", timeout=10).json() == {"status": "ok"}
    ready = httpx.get(f"{portal}/readyz", timeout=10)
    assert (ready.status_code, ready.json()) == (200, {"status": "ok", "api": "ok"})
    assert httpx.get(f"{portal}/ping", timeout=10).status_code == 200
