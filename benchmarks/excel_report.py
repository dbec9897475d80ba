"""One large Excel report over HTTP, through the real app on PostgreSQL.

    .venv/bin/python -m benchmarks.excel_report [--rows 100000] [--rounds 3]

Seeds a throw-away PostgreSQL database (the admin and subscription of `benchmarks.compare`,
plus `--rows` login events), starts Portico on a free local port (uvicorn, one process) and
downloads the logins report `--rounds` times. For each download it prints the seconds to
the first body byte and to the last, the server's peak RSS growth over its RSS just before
the download (sampled from /proc every 5 ms), and the `/healthz` answer times seen by
another thread asking every 50 ms meanwhile; for comparison, also those of the 2 s just
before, with nothing else running (on a busy machine a slow answer may be the machine's).
A tiny report (a period with no events) is downloaded first, so lazy imports are not
counted as the large report's memory. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

import httpx

from benchmarks.compare import PG, Server, _add_events, _pg, seed


@dataclass
class Download:
    first_byte: float
    whole: float
    size: int
    rss_growth_mb: float
    health: list[float] = field(default_factory=list)


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]


def _every(seconds: float, done: threading.Event, work: Callable[[], object]) -> threading.Thread:
    def loop() -> None:
        while not done.is_set():
            work()
            time.sleep(seconds)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


def health_alone(portico: Server, seconds: float = 2.0) -> list[float]:
    """`/healthz` answer times with nothing else running: the machine's own noise."""
    times = []
    with httpx.Client(base_url=portico.url, timeout=60) as client:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            started = time.perf_counter()
            client.get("/healthz")
            times.append(time.perf_counter() - started)
            time.sleep(0.05)
    return times


def download(portico: Server, path: str, token: str) -> tuple[Download, bytes]:
    assert portico.process is not None
    pid = portico.process.pid
    before = _rss_mb(pid)
    peak = [before]
    health: list[float] = []
    done = threading.Event()

    prober = httpx.Client(base_url=portico.url, timeout=60)

    def ask_health() -> None:
        started = time.perf_counter()
        prober.get("/healthz")
        health.append(time.perf_counter() - started)

    threads = [_every(0.005, done, lambda: peak.append(_rss_mb(pid))), _every(0.05, done, ask_health)]
    body = BytesIO()
    first = 0.0
    with httpx.Client(base_url=portico.url, timeout=300) as client:
        started = time.perf_counter()
        try:
            with client.stream("GET", path, headers={"Authorization": f"Bearer {token}"}) as response:
                response.raise_for_status()
                for chunk in response.iter_raw():
                    if not first:
                        first = time.perf_counter() - started
                    body.write(chunk)
            whole = time.perf_counter() - started
        finally:
            done.set()
            for thread in threads:
                thread.join()
            prober.close()
    data = body.getvalue()
    return Download(first, whole, len(data), max(peak) - before, health), data


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    name = f"bench_excel_{uuid.uuid4().hex[:10]}"
    database_url = PG.rsplit("/", 1)[0] + f"/{name}"
    asyncio.run(_pg(f'CREATE DATABASE "{name}"'))
    portico = Server("Portico", ["backend.app:create_app", "--factory"], {
        "DATABASE_URL": database_url, "MAIL_WORKER": "external", "PORTICO_ENV": "development",
    })
    runs: list[Download] = []
    alone: list[list[float]] = []
    try:
        token, sub = asyncio.run(seed(database_url))
        asyncio.run(_add_events(database_url, int(sub), args.rows))
        portico.start()
        idle = _rss_mb(portico.process.pid)  # type: ignore[union-attr]
        report = f"/reports/subscriptions/{sub}/logins.xlsx"
        download(portico, f"{report}?from={date.today() + timedelta(days=2)}", token)  # warm-up: lazy imports
        warm = _rss_mb(portico.process.pid)  # type: ignore[union-attr]
        for _ in range(args.rounds):
            alone.append(health_alone(portico))
            run, body = download(portico, report, token)
            with ZipFile(BytesIO(body)) as z:
                assert z.testzip() is None and f'<row r="{args.rows + 1}"'.encode() in z.read("xl/worksheets/sheet2.xml")
            runs.append(run)
        after = _rss_mb(portico.process.pid)  # type: ignore[union-attr]
    finally:
        portico.stop()
        asyncio.run(_pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    print(f"\nExcel logins report, {args.rows:,} events, PostgreSQL, {args.rounds} downloads")
    print("| download | first byte | whole | size | peak RSS growth | /healthz meanwhile: answers, slowest, median "
          "| /healthz alone just before: slowest, median |")
    print("|---|---|---|---|---|---|---|")
    for i, (r, quiet) in enumerate(zip(runs, alone), 1):
        print(f"| {i} | {r.first_byte:.2f} s | {r.whole:.2f} s | {r.size / 1e6:.1f} MB | {r.rss_growth_mb:.0f} MB | "
              f"{len(r.health)}, {_ms(max(r.health))}, {_ms(statistics.median(r.health))} | "
              f"{_ms(max(quiet))}, {_ms(statistics.median(quiet))} |")
    print(f"RSS: idle {idle:.0f} MB, after the warm-up report {warm:.0f} MB, after the last download {after:.0f} MB")
    print("goals: first byte < 0.5 s, whole <= 5 s, growth < 50 MB, /healthz < 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
