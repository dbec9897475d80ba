"""Scale test with real parts: nginx in front of three API processes and two mail workers,
on PostgreSQL and Redis. A bounded load (seat races, invitations, sign-ins) runs through
nginx while one API process is killed (SIGKILL) and restarted, another is stopped
gracefully (SIGTERM: drain) and restarted, and a mail worker is stopped and restarted.

It asserts: no request lost except those in flight at the killed process; never more
active seats than bought; every queued email delivered exactly once; one rate limit for
all processes (Redis). `SCALE_SECONDS` lengthens the load (CI: a few seconds).
"""

import asyncio
import itertools
import os
import random
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
import pytest

from backend.core.mail.models import OutboxEmail, OutboxStatus
from backend.seats.models import SeatHolder, SeatStatus
from tests.conftest import TEST_DB, Mailbox, _tmp
from tests.factories import PASSWORD, make_account, make_seat_user, make_subscription, make_user, token_for
from tests.ops.scale_cluster import Cluster, nginx_binary, start_cluster

pytestmark = [
    pytest.mark.scale,
    pytest.mark.committed,
    pytest.mark.skipif(TEST_DB != "postgres", reason="several processes share PostgreSQL"),
    pytest.mark.skipif(not (shutil.which("redis-server") and os.path.exists(nginx_binary())), reason="needs nginx and redis-server"),
]
SECONDS = float(os.environ.get("SCALE_SECONDS", "5"))
CONCURRENCY = 6
SEATS = 4
ACTIVATE = """mutation ActivateSeat($s: ID!, $u: ID!) { activateSeat(subscriptionId: $s, userId: $u) {
  subscription { seatsAllocated seatCount } errors { code } } }"""
DEACTIVATE = ACTIVATE.replace("activateSeat", "deactivateSeat").replace("ActivateSeat", "DeactivateSeat")
INVITE = """mutation InviteStaff($a: ID!, $e: String!) { inviteUsers(accountId: $a, input: {emails: [$e]}) {
  invitedCount errors { code } } }"""
LOGIN = """mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { tokens { accessToken } errors { code } } }"""
RESET = """mutation Reset($e: String!) { requestPasswordReset(email: $e) { ok errors { code } } }"""


@dataclass
class Tally:
    ok: int = 0
    retried_503: int = 0
    lost: list[str] = field(default_factory=list)  # request ids that never got an answer
    most_seats: int = 0
    invited: int = 0


async def _call(client: httpx.AsyncClient, tally: Tally, rid: str, query: str, variables: dict, token: str | None) -> dict | None:
    headers = {"X-Request-ID": rid, **({"Authorization": f"Bearer {token}"} if token else {})}
    for _ in range(8):
        try:
            response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        except httpx.HTTPError:
            tally.lost.append(rid)
            return None
        if response.status_code == 503 and "retry-after" in response.headers:
            tally.retried_503 += 1  # a draining process did nothing: wait (capped for the test) and send again
            await asyncio.sleep(min(float(response.headers["retry-after"]), 0.3))
            continue
        if response.status_code != 200:
            tally.lost.append(rid)
            return None
        tally.ok += 1
        return response.json()["data"]
    tally.lost.append(rid)
    return None


async def _load(cluster: Cluster, tally: Tally, world: dict, stop_at: float) -> None:
    counter = itertools.count()

    async def one_client(n: int) -> None:
        rng = random.Random(n)
        async with httpx.AsyncClient(base_url=cluster.url, timeout=30) as client:
            while time.monotonic() < stop_at:
                i = next(counter)
                rid = f"load-{i:06d}"
                roll = rng.random()
                if roll < 0.55:
                    op = ACTIVATE if rng.random() < 0.6 else DEACTIVATE
                    user = rng.choice(world["users"])
                    data = await _call(client, tally, rid, op, {"s": world["sub"], "u": user}, world["token"])
                    payload = data and (data.get("activateSeat") or data.get("deactivateSeat"))
                    if payload and payload["subscription"]:
                        tally.most_seats = max(tally.most_seats, payload["subscription"]["seatsAllocated"])
                elif roll < 0.9:
                    data = await _call(client, tally, rid, INVITE, {"a": world["account"], "e": f"load-{i}@example.com"},
                                       world["token"])
                    if data and data["inviteUsers"]["invitedCount"] == 1:
                        tally.invited += 1
                else:
                    await _call(client, tally, rid, LOGIN, {"e": rng.choice(world["logins"]), "p": PASSWORD}, None)

    await asyncio.gather(*(one_client(n) for n in range(CONCURRENCY)))


async def _chaos(cluster: Cluster, started: float) -> dict:
    """Kill API 0 hard, stop API 1 and mail worker 0 gracefully, and bring each back."""
    await asyncio.sleep(SECONDS * 0.25)
    killed_at = time.time()
    await asyncio.to_thread(cluster.kill_api, 0)
    await asyncio.sleep(0.3)
    cluster.restart_api(0)
    await asyncio.sleep(SECONDS * 0.2)
    cluster.workers[0].send_signal(15)
    graceful_exit = await asyncio.to_thread(cluster.stop_api, 1)
    worker_exit = await asyncio.to_thread(cluster.workers[0].wait, 20)
    cluster.restart_api(1)
    cluster.workers[0] = cluster.start_worker(0)
    await asyncio.to_thread(cluster.wait_api, 0)
    await asyncio.to_thread(cluster.wait_api, 1)
    return {"killed_at": killed_at, "graceful_exit": graceful_exit, "worker_exit": worker_exit}


async def _wait_outbox_empty(seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not await OutboxEmail.filter(status=OutboxStatus.PENDING).exists():
            return
        await asyncio.sleep(0.2)
    raise AssertionError("mail workers did not empty the outbox")


async def test_three_apis_two_workers_behind_nginx_lose_nothing_but_the_killed_in_flight(mailbox: Mailbox) -> None:
    admin = await make_user("scale.admin@example.com")
    account = await make_account("Scale Gym", admin=admin)
    sub = await make_subscription(account, admin, seats=SEATS)
    users = [await make_seat_user(sub, active=False, first=f"Seat{i}") for i in range(10)]
    logins = [(await make_user(f"scale.login{i}@example.com")).email for i in range(3)]
    world = {"sub": str(sub.id), "account": str(account.id), "token": await token_for(admin),
             "users": [str(u.id) for u in users], "logins": logins}

    cluster = start_cluster(_tmp / f"scale-{os.getpid()}-{int(time.time())}",
                            extra_env={"RATE_LIMIT_LOGIN": "10000/minute", "RATE_LIMIT_PASSWORD_RESET": "4/hour",
                                       "RATE_LIMIT_INVITATIONS": "100000/hour"})
    try:
        tally = Tally()
        started = time.monotonic()
        load = asyncio.create_task(_load(cluster, tally, world, started + SECONDS + 1))
        chaos = await _chaos(cluster, started)
        await load

        # One limit for every process: 4 resets an hour, wherever nginx sends each of 7.
        async with httpx.AsyncClient(base_url=cluster.url, timeout=30) as client:
            answers = [await _call(client, tally, f"reset-{i}", RESET, {"e": "nobody.here@example.com"}, None) for i in range(7)]
        codes = Counter((a["requestPasswordReset"]["errors"] or [{"code": "OK"}])[0]["code"] for a in answers if a)
        assert codes == {"OK": 4, "RATE_LIMITED": 3}
        await _wait_outbox_empty()
        await asyncio.sleep(0.3)
    finally:
        cluster.stop()

    print(f"\nscale: {tally.ok} answered, {len(tally.lost)} lost, {tally.retried_503} retried after a draining 503, "
          f"{tally.invited} invited, at most {tally.most_seats}/{SEATS} seats, {len(mailbox.messages)} emails")
    # Requests: only those in flight at the killed process may be lost (502 from it).
    log = cluster.nginx_log()
    killed = f"127.0.0.1:{cluster.api_ports[0]}"
    lost_lines = [line for line in log if line[-1] in set(tally.lost)]
    assert len(tally.lost) <= CONCURRENCY, tally.lost
    assert all(line[1] == "502" and line[2].split(",")[-1].strip() == killed for line in lost_lines), lost_lines
    assert all(abs(float(line[0]) - chaos["killed_at"]) < 2 for line in lost_lines), (lost_lines, chaos)
    assert tally.ok >= 12 and tally.invited >= 1  # the load ran (a busy 2-core machine answers few)
    assert chaos["graceful_exit"] == 0 and chaos["worker_exit"] == 0
    served_by = Counter(line[2] for line in log if line[1] == "200")
    assert all(served_by[f"127.0.0.1:{p}"] > 0 for p in cluster.api_ports), served_by

    # Seats: never more than bought, at any answer and at the end.
    assert tally.most_seats <= SEATS
    assert await SeatHolder.filter(subscription_id=sub.id, seat_status=SeatStatus.ACTIVE).count() <= SEATS

    # Mail: every queued email sent, each exactly once.
    queued = sorted(await OutboxEmail.all().values_list("to_email", flat=True))
    assert await OutboxEmail.filter(status=OutboxStatus.PENDING).count() == 0
    received = sorted(m["X-Envelope-To"] for m in mailbox.messages)
    assert received == queued
    assert len(queued) >= tally.invited
