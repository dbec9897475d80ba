"""Portico against the framework's own ceiling, in one interleaved run.

    ./scripts/bench.sh                      # installs wrk when missing, then runs this
    .venv/bin/python -m benchmarks.compare [--seconds 5] [--rounds 5] [--connections 16]

Starts three servers on free local ports under the same uvicorn settings (one process,
no access log): Portico on a fresh PostgreSQL database seeded here (an admin, a
subscription with 1,000 seat users), and two bare Strawberry apps answering the same
shapes from memory (`benchmarks/bare.py`: one with the parser and validation caches
Portico uses, one with Strawberry's defaults). Load comes from `wrk` (one thread). Each
round runs every target once, A, B, C, A, B, C ..., so a slower moment of the machine
touches all of them; the table shows medians, the spread (min-max) over rounds, and
ratios of medians. It also reads each server's CPU time from /proc around every `wrk` run
and prints CPU milliseconds per request: on a shared machine that moves far less between
runs than requests per second. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("PORTICO_BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")
PASSWORD = "benchmark-password-1"
ME = """query Me { me { user { id email firstName lastName fullName }
  memberships { id role status modules subAccountIds permissions account { id name parentId } } } }"""
SEAT_USERS = """query SeatUsers($sub: ID!) { subscriptionUsers(subscriptionId: $sub, search: "", first: 100) { totalCount
  nodes { user { id fullName } email firstName lastName status isAdmin hasContentAccess teams } } }"""


@dataclass
class Server:
    name: str
    argv: list[str]
    env: dict[str, str]
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", *self.argv, "--port", str(self.port), "--log-level", "warning",
             "--no-access-log"],
            # Not a pipe nobody reads: Portico logs a line per request, and a full pipe stops the server.
            cwd=ROOT, env={**os.environ, **self.env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not start")

    def rss_mb(self) -> float:
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]

    def cpu_seconds(self) -> float:
        """User + system CPU the server process has used so far."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@dataclass
class Series:
    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def spread(self) -> str:
        return f"{min(self.values):.4g}-{max(self.values):.4g}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def settle(url: str, limit: float = 60.0) -> None:
    """Wait until the server has worked off the requests wrk left queued when it stopped
    (a slow list can leave seconds of them), so the next target runs on a quiet machine."""
    deadline = time.monotonic() + limit
    with httpx.Client(base_url=url, timeout=limit) as client:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            client.get("/healthz")
            if time.perf_counter() - started < 0.05:
                return
            time.sleep(0.2)


def wrk(url: str, body: dict[str, object], token: str | None, seconds: int, connections: int) -> float:
    """Requests per second for one POST body (wrk, one thread); non-2xx answers fail the run."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    script.write(
        'wrk.method = "POST"\n'
        f"wrk.body = {json.dumps(json.dumps(body))}\n"
        + "".join(f'wrk.headers["{k}"] = "{v}"\n' for k, v in headers.items())
    )
    script.close()
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", script.name, f"{url}/graphql"],
        capture_output=True, text=True, check=True,
    ).stdout
    os.unlink(script.name)
    if "Non-2xx" in out:
        raise RuntimeError(f"{url}: non-2xx answers:\n{out}")
    settle(url)
    WRK_REQUESTS[url] = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]


WRK_REQUESTS: dict[str, int] = {}  # url -> requests answered in its latest wrk run


def loaded(server: Server, cpu: Series, body: dict[str, object], token: str | None, seconds: int, connections: int) -> float:
    """`wrk` against one server; also appends the server's CPU milliseconds per request to
    `cpu`: what a request costs, whatever else the machine is doing."""
    before = server.cpu_seconds()
    rps = wrk(server.url, body, token, seconds, connections)
    cpu.values.append((server.cpu_seconds() - before) * 1000 / max(1, WRK_REQUESTS[server.url]))
    return rps


async def seed(database_url: str) -> tuple[str, str]:
    """Migrate a fresh database; an admin with a 1,000-seat subscription. Returns (token, subscription id)."""
    os.environ.update(DATABASE_URL=database_url, MAIL_WORKER="external")
    from datetime import timedelta

    from backend.accounts import service as accounts
    from backend.accounts.models import User
    from backend.auth import service as auth
    from backend.core import db
    from backend.core.security import hash_password, utcnow
    from backend.seats import service as seats
    from backend.seats.models import SeatHolder, SeatStatus

    await db.migrate()
    await db.init_db()
    try:
        pw = hash_password(PASSWORD)
        admin = await User.create(email="admin@bench.test", password_hash=pw, first_name="Ada", last_name="Admin")
        account = await accounts.create_account(name="Bench account", creator=admin)
        today = utcnow().date()
        sub = await seats.create_subscription(
            account=account, actor=admin, name="Bench plan", seat_count=1000, starts_on=today - timedelta(days=1),
            ends_on=today + timedelta(days=300), features=[],
        )
        await SeatHolder.get_or_create(subscription_id=sub.id, user_id=admin.id, defaults={"is_admin": True})
        await SeatHolder.filter(subscription_id=sub.id, user_id=admin.id).update(is_admin=True)
        await User.bulk_create(
            [User(email=f"u{i}@bench.test", password_hash=pw, first_name="Seat", last_name=f"User {i}") for i in range(1000)]
        )
        people = await User.filter(email__startswith="u").order_by("id")
        await SeatHolder.bulk_create(
            [SeatHolder(subscription_id=sub.id, user_id=u.id, seat_status=SeatStatus.ACTIVE) for u in people]
        )
        token = (await auth.start_session(user=admin)).access_token
        return token, str(sub.id)
    finally:
        await db.close_db()


async def _pg(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def login_vs_verify(portico: Server, rounds: int, per_round: int = 10) -> tuple[Series, Series]:
    """Median seconds of a login over HTTP, and of one argon2id verify in this process."""
    from backend.core.security import hash_password, verify_password

    stored = hash_password(PASSWORD)
    logins, verifies = Series(), Series()
    body = {"query": 'mutation { login(email: "admin@bench.test", password: "%s") { errors { code } } }' % PASSWORD}
    with httpx.Client(base_url=portico.url, timeout=60) as client:
        client.post("/graphql", json=body)  # warm-up (first argon2 in the server, lazy imports)
        for _ in range(rounds):
            started = time.perf_counter()
            for _ in range(per_round):
                assert client.post("/graphql", json=body).json()["data"]["login"]["errors"] == []
            logins.values.append((time.perf_counter() - started) / per_round)
            started = time.perf_counter()
            for _ in range(per_round):
                assert verify_password(PASSWORD, stored)
            verifies.values.append((time.perf_counter() - started) / per_round)
    return logins, verifies


@dataclass
class ExcelTiming:
    rows: int
    first_byte: float
    whole: float
    size: int
    health: list[float]


async def _add_events(database_url: str, subscription_id: int, rows: int) -> None:
    import asyncpg

    conn = await asyncpg.connect(database_url)
    try:
        await conn.execute(
            "INSERT INTO activity_events (subscription_id, user_id, kind, occurred_at) "
            "SELECT $1, (SELECT id FROM users WHERE email = 'admin@bench.test'), 'login', now() - make_interval(secs => g) "
            "FROM generate_series(1, $2) AS g", subscription_id, rows,
        )
    finally:
        await conn.close()


def excel_report(portico: Server, database_url: str, token: str, sub: str, rows: int) -> ExcelTiming:
    """One logins report of `rows` events over HTTP: seconds to the first byte and to the
    last, while another thread asks `/healthz` every 50 ms (its answer times)."""
    import threading

    asyncio.run(_add_events(database_url, int(sub), rows))
    health: list[float] = []
    done = threading.Event()

    def probe() -> None:
        with httpx.Client(base_url=portico.url, timeout=60) as client:
            while not done.is_set():
                started = time.perf_counter()
                client.get("/healthz")
                health.append(time.perf_counter() - started)
                time.sleep(0.05)

    prober = threading.Thread(target=probe)
    size, first = 0, 0.0
    with httpx.Client(base_url=portico.url, timeout=300) as client:
        prober.start()
        started = time.perf_counter()
        try:
            with client.stream("GET", f"/reports/subscriptions/{sub}/logins.xlsx", headers={"Authorization": f"Bearer {token}"}) as response:
                response.raise_for_status()
                for chunk in response.iter_bytes():
                    if not size:
                        first = time.perf_counter() - started
                    size += len(chunk)
            whole = time.perf_counter() - started
        finally:
            done.set()
            prober.join()
    return ExcelTiming(rows=rows, first_byte=first, whole=whole, size=size, health=health)


def interleaved(rounds: int, cases: dict[str, Callable[[], float]]) -> dict[str, Series]:
    results = {name: Series() for name in cases}
    for _ in range(rounds):
        for name, run in cases.items():
            results[name].values.append(run())
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--excel-rows", type=int, default=100_000, help="events in the Excel report timed last (0: skip)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("benchmarks.compare needs wrk (apt-get install wrk; ./scripts/bench.sh does it)", file=sys.stderr)
        return 2

    name = f"bench_portico_{uuid.uuid4().hex[:10]}"
    database_url = PG.rsplit("/", 1)[0] + f"/{name}"
    asyncio.run(_pg(f'CREATE DATABASE "{name}"'))
    env = {
        "DATABASE_URL": database_url, "MAIL_WORKER": "external", "PORTICO_ENV": "development",
        "RATE_LIMIT_LOGIN": "1000000/minute",
    }
    servers = {
        "portico": Server("Portico", ["backend.app:create_app", "--factory"], env),
        "bare_cached": Server("bare Strawberry (caches)", ["benchmarks.bare:app_cached", "--factory"], {}),
        "bare_default": Server("bare Strawberry (defaults)", ["benchmarks.bare:app_default", "--factory"], {}),
    }
    try:
        token, sub = asyncio.run(seed(database_url))
        for server in servers.values():
            server.start()
        idle = {key: server.rss_mb() for key, server in servers.items()}
        me = {"query": ME}
        seat_users = {"query": SEAT_USERS, "variables": {"sub": sub}}
        s, c = args.seconds, args.connections
        me_cpu = {key: Series() for key in servers}
        me_rps = interleaved(args.rounds, {
            key: (lambda key=key, server=server: loaded(server, me_cpu[key], me, token, s, c))
            for key, server in servers.items()
        })
        list_cpu = {key: Series() for key in ("portico", "bare_cached")}
        list_rps = interleaved(args.rounds, {
            "portico": lambda: loaded(servers["portico"], list_cpu["portico"], seat_users, token, s, c),
            "bare_cached": lambda: loaded(servers["bare_cached"], list_cpu["bare_cached"], seat_users, None, s, c),
        })
        logins, verifies = login_vs_verify(servers["portico"], args.rounds)
        excel = excel_report(servers["portico"], database_url, token, sub, args.excel_rows) if args.excel_rows else None
    finally:
        for server in servers.values():
            server.stop()
        asyncio.run(_pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def ratio(a: Series, b: Series) -> str:
        return f"{a.median / b.median:.2f}x"

    rows = [
        ("me: Portico (PostgreSQL, bearer) vs bare Strawberry with the same caches",
         ratio(me_rps["portico"], me_rps["bare_cached"]), ">= 0.6x"),
        ("me: Portico vs bare Strawberry with defaults", ratio(me_rps["portico"], me_rps["bare_default"]), ">= 1.0x"),
        ("A page of 100 of 1,000 seat users: Portico vs bare Strawberry (same rows)",
         ratio(list_rps["portico"], list_rps["bare_cached"]), ">= 0.6x"),
        ("login vs one argon2id verify (time)", ratio(logins, verifies), "<= 1.3x"),
        ("idle memory: Portico vs bare Strawberry (MB)", f"{idle['portico'] / idle['bare_default']:.2f}x", "<= 1.5x"),
    ]
    print(f"\n{args.rounds} interleaved rounds, {s} s each, {c} connections, wrk -t1; {os.cpu_count()} CPUs\n")
    print("| measure | ratio | goal |\n|---|---|---|")
    for row in rows:
        print(f"| {row[0]} | {row[1]} | {row[2]} |")
    print("\nmedians (spread over rounds):")
    for key, series in me_rps.items():
        print(f"  me {servers[key].name}: {series.median:.0f} req/s ({series.spread()})")
    for key, series in list_rps.items():
        print(f"  seat list {servers[key].name}: {series.median:.1f} req/s ({series.spread()})")
    print(f"  login {logins.median * 1000:.1f} ms ({logins.spread()} s); argon2id verify {verifies.median * 1000:.1f} ms")
    print("  idle RSS: " + ", ".join(f"{servers[k].name} {v:.0f} MB" for k, v in idle.items()))
    if excel is not None:
        print(f"  Excel report, {excel.rows:,} events: first byte {excel.first_byte:.2f} s, whole {excel.whole:.2f} s, "
              f"{excel.size / 1e6:.1f} MB; /healthz meanwhile x{len(excel.health)}, slowest {max(excel.health) * 1000:.0f} ms, "
              f"median {statistics.median(excel.health) * 1000:.0f} ms (goals: whole <= 5 s, first byte < 0.5 s, /healthz < 50 ms)")
    print("server CPU per request (ms; medians over rounds, read from /proc: steadier than req/s on a busy machine):")
    for key, series in me_cpu.items():
        print(f"  me {servers[key].name}: {series.median:.3g} ms ({series.spread()})")
    for key, series in list_cpu.items():
        print(f"  seat list {servers[key].name}: {series.median:.3g} ms ({series.spread()})")
    print(f"  ratios (bare / Portico, as the table): me {me_cpu['bare_cached'].median / me_cpu['portico'].median:.2f}x "
          f"(caches), {me_cpu['bare_default'].median / me_cpu['portico'].median:.2f}x (defaults); "
          f"seat list {list_cpu['bare_cached'].median / list_cpu['portico'].median:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
