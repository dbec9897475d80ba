"""`portico serve --workers 2`: the real uvicorn supervisor, metrics added up across workers,
and a graceful stop that drains first."""

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATABASE_URL, EXTRA_LOGS, LOG_FILE, _free_port, _tmp
from tests.ops.helpers import portico
from tests.ops.test_metrics import TOKEN, value

SSO = {"query": "query Provider { ssoProvider }"}


def _wait_ready(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "server exited"
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("server not ready")


@pytest.fixture
def two_workers() -> Iterator[tuple[str, subprocess.Popen, Path]]:
    port = _free_port()
    metrics_dir = _tmp / f"metrics-{port}"
    metrics_dir.mkdir()
    log = LOG_FILE.with_name(f"serve-{port}.log")
    EXTRA_LOGS.append(log)
    proc = portico("serve", "--port", str(port), "--workers", "2", database_url=DATABASE_URL, log=log, background=True, env={
        "METRICS_TOKEN": TOKEN, "SHUTDOWN_DRAIN_SECONDS": "2", "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "MAIL_WORKER": "off", "PORTICO_ENV": "production", "LOG_FORMAT": "json",
    })
    assert isinstance(proc, subprocess.Popen)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, proc)
        yield url, proc, metrics_dir
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def test_two_workers_share_their_metrics_and_drain_on_sigterm(two_workers: tuple[str, subprocess.Popen, Path]) -> None:
    url, proc, metrics_dir = two_workers
    with httpx.Client(base_url=url) as client:
        for _ in range(30):  # new connections: the kernel spreads them over both workers
            assert httpx.post(f"{url}/graphql", json=SSO, timeout=5).status_code == 200
        pids = {f.stem.rsplit("_", 1)[-1] for f in metrics_dir.glob("counter_*.db")}
        assert len(pids) == 2, f"expected files from two workers, got {pids}"
        scraped = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).text
        assert value(scraped, "portico_requests_total", operation="Provider", outcome="ok") == 30

        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 1.5
        refused = None
        while time.monotonic() < deadline:  # draining: still listening, answering 503
            response = client.post("/graphql", json=SSO, headers={"Connection": "close"})
            if response.status_code == 503:
                refused = response
                break
            time.sleep(0.05)
        assert refused is not None and refused.headers["retry-after"] == "2"
        assert client.get("/readyz", headers={"Connection": "close"}).status_code == 503
        assert client.get("/healthz", headers={"Connection": "close"}).status_code == 200
    assert proc.wait(timeout=20) == 0
    assert os.path.exists(metrics_dir)


def test_a_mail_worker_serves_its_metrics_on_its_own_port_and_stops_cleanly() -> None:
    port = _free_port()
    log = LOG_FILE.with_name(f"mail-worker-{port}.log")
    EXTRA_LOGS.append(log)
    proc = portico("mail-worker", database_url=DATABASE_URL, log=log, background=True, env={"METRICS_PORT": str(port)})
    assert isinstance(proc, subprocess.Popen)
    try:
        deadline, text = time.monotonic() + 30, ""
        while time.monotonic() < deadline and "portico_deliveries_total" not in text:
            try:
                text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=1).text
            except httpx.HTTPError:
                time.sleep(0.2)
        assert "# TYPE portico_deliveries_total counter" in text
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
