"""Prometheus metrics (prometheus-client).

Counters and histograms live in each process; with several workers
`PROMETHEUS_MULTIPROC_DIR` makes every process write its values to files there and a
scrape adds them up. Outbox depth and age are read from the database at scrape time, so
they are true whichever process answers.

Domains call the one-line hooks below; the outboxes register themselves by table name.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, Collector

from backend.core.config import get_settings

log = logging.getLogger("portico.metrics")

REQUESTS = Counter(
    "portico_requests_total", "Requests by GraphQL operation (or route) and outcome.", ["operation", "outcome"]
)
LATENCY = Histogram(
    "portico_request_duration_seconds", "Request latency by GraphQL operation (or route).", ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
DELIVERIES = Counter("portico_deliveries_total", "Outbox deliveries by channel (mail, sms) and outcome.", ["channel", "outcome"])
SEATS = Counter("portico_seat_activations_total", "Seat activations: outcome activated or refused.", ["outcome"])
LOGINS = Counter("portico_logins_total", "Password sign-ins by outcome (ok or the error code).", ["outcome"])
RATE_LIMITED = Counter("portico_rate_limit_refusals_total", "Requests refused by a rate limit, by scope.", ["scope"])


def delivered(channel: str = "mail") -> None:
    DELIVERIES.labels(channel, "sent").inc()


def delivery_failed(channel: str = "mail") -> None:
    DELIVERIES.labels(channel, "failed").inc()


def seat(outcome: str) -> None:
    SEATS.labels(outcome).inc()


def login(outcome: str) -> None:
    LOGINS.labels(outcome).inc()


def rate_limited(scope: str) -> None:
    RATE_LIMITED.labels(scope).inc()


@dataclass(frozen=True)
class Outbox:
    """A durable queue table: rows waiting have `status = 'pending'` and a `created_at`."""

    channel: str
    table: str


OUTBOXES: list[Outbox] = [Outbox("mail", "outbox_emails"), Outbox("sms", "sms_outbox")]


def register_outbox(channel: str, table: str) -> None:
    """Let a domain's queue be watched (a missing table is skipped at scrape time)."""
    if all(o.table != table for o in OUTBOXES):
        OUTBOXES.append(Outbox(channel, table))


async def outbox_samples() -> list[tuple[str, int, float]]:
    """(channel, pending rows, age in seconds of the oldest pending row) per existing outbox."""
    from tortoise import Tortoise

    conn = Tortoise.get_connection("default")
    samples = []
    for box in OUTBOXES:
        if not await _table_exists(conn, box.table):  # not in this deployment (yet)
            continue
        try:
            _, rows = await conn.execute_query(
                f"SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM {box.table} WHERE status = 'pending'"  # noqa: S608
            )
        except Exception:  # a queue shaped differently: skip it, keep the others
            log.warning("outbox %s could not be measured", box.table, exc_info=True)
            continue
        n, oldest = int(rows[0]["n"]), rows[0]["oldest"]
        samples.append((box.channel, n, _age(oldest)))
    return samples


async def _table_exists(conn: Any, table: str) -> bool:
    """Asked first, because a failed query would abort the caller's PostgreSQL transaction."""
    if conn.capabilities.dialect == "sqlite":
        _, rows = await conn.execute_query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [table])
    else:
        _, rows = await conn.execute_query("SELECT to_regclass($1) AS name", [table])
        rows = [r for r in rows if r["name"]]
    return bool(rows)


def _age(oldest: datetime | str | None) -> float:
    if oldest is None:
        return 0.0
    if isinstance(oldest, str):  # SQLite hands back text
        oldest = datetime.fromisoformat(oldest)
    if oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=timezone.utc)
    return max(0.0, (datetime.now(timezone.utc) - oldest).total_seconds())


class _OutboxCollector(Collector):
    def __init__(self, samples: list[tuple[str, int, float]]) -> None:
        self.samples = samples

    def collect(self):  # type: ignore[no-untyped-def]
        depth = GaugeMetricFamily("portico_outbox_depth", "Rows waiting in an outbox.", labels=["channel"])
        age = GaugeMetricFamily("portico_outbox_oldest_age_seconds", "Age of the oldest waiting row.", labels=["channel"])
        for channel, n, seconds in self.samples:
            depth.add_metric([channel], n)
            age.add_metric([channel], seconds)
        yield depth
        yield age


def _process_registry() -> CollectorRegistry:
    if get_settings().prometheus_multiproc_dir:
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return registry
    return REGISTRY


async def exposition(*, with_outboxes: bool = True) -> bytes:
    """The text a scrape gets: this process's (or every worker's) counters plus the outboxes."""
    registry = CollectorRegistry()
    registry.register(_Merged(_process_registry()))
    if with_outboxes:
        try:
            registry.register(_OutboxCollector(await outbox_samples()))
        except Exception:  # no database: counters still answer
            log.warning("outbox metrics unavailable", exc_info=True)
    return generate_latest(registry)


class _Merged(Collector):
    def __init__(self, inner: CollectorRegistry) -> None:
        self.inner = inner

    def collect(self):  # type: ignore[no-untyped-def]
        yield from self.inner.collect()
