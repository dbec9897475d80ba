"""Mail worker throughput: emails per second into a local SMTP server.

    .venv/bin/python -m benchmarks.mail_throughput [--emails 2000] [--database-url URL]

Queues `emails` messages in a throw-away SQLite database (or the PostgreSQL database
given, whose outbox is emptied first), starts a local SMTP sink (aiosmtpd) in its own
process, and measures in the same run:

* baseline: what the worker used to do, one connection per message, one at a time;
* worker: `deliver_pending()` as `portico mail-worker` runs it (reused connections,
  `MAIL_CONCURRENCY` of them, small claimed batches, each row marked on its own).

Prints both rates, their ratio and the worker's own CPU time per email, and checks that
the sink received each email once and every row is marked sent.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import tempfile
import time
from pathlib import Path
from typing import Any


def _sink(port: int, counter: Any, ready: Any) -> None:
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            with counter.get_lock():
                counter.value += 1
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _queue(n: int) -> None:
    from backend.core.mail import service as mail
    from backend.core.mail.models import OutboxEmail

    await OutboxEmail.all().delete()
    subject, text, page = mail.render("password_reset", first_name="Bench", link="http://portal.test/x", minutes="15")
    now = __import__("backend.core.security", fromlist=["utcnow"]).utcnow()
    rows = [
        OutboxEmail(template="password_reset", to_email=f"p{i}@bench.test", subject=subject, text_body=text,
                    html_body=page, next_attempt_at=now)
        for i in range(n)
    ]
    await OutboxEmail.bulk_create(rows, batch_size=500)


async def _baseline(n: int) -> float:
    """The old way: an EmailMessage and `aiosmtplib.send` (connect, EHLO, send, QUIT) per
    message, one at a time (database work left out, so the baseline errs fast)."""
    from email.message import EmailMessage
    from email.utils import formataddr, make_msgid

    import aiosmtplib

    from backend.core.config import get_settings
    from backend.core.mail.models import OutboxEmail

    s = get_settings()
    rows = await OutboxEmail.all().order_by("id").limit(n)
    start = time.perf_counter()
    for row in rows:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = s.mail_from, formataddr((row.to_name, row.to_email)), row.subject
        msg["Message-ID"] = make_msgid(domain="portico.local")
        msg.set_content(row.text_body)
        msg.add_alternative(row.html_body, subtype="html")
        await aiosmtplib.send(msg, hostname=s.smtp_host, port=s.smtp_port, timeout=10)
    return n / (time.perf_counter() - start)


async def main(emails: int, baseline_emails: int, database_url: str | None) -> dict[str, float]:
    port = _free_port()
    counter: Any = multiprocessing.Value("i", 0)
    ready = multiprocessing.Event()
    sink = multiprocessing.Process(target=_sink, args=(port, counter, ready), daemon=True)
    sink.start()
    ready.wait(10)
    tmp = Path(tempfile.mkdtemp(prefix="portico-bench-"))
    os.environ.update(
        DATABASE_URL=database_url or f"sqlite://{tmp / 'bench.sqlite3'}", MAIL_WORKER="off",
        PORTICO_ENV="development", SMTP_HOST="127.0.0.1", SMTP_PORT=str(port),
    )
    from backend.core import db
    from backend.core.mail import worker
    from backend.core.mail.models import OutboxEmail, OutboxStatus

    await db.migrate()
    await db.init_db()
    try:
        await _queue(baseline_emails)
        old_rate = await _baseline(baseline_emails)
        await _queue(emails)
        counter.value = 0
        start, cpu = time.perf_counter(), time.process_time()
        sent = await worker.deliver_pending(limit=emails)
        new_rate = sent / (time.perf_counter() - start)
        cpu_ms = (time.process_time() - cpu) * 1000 / max(1, sent)
        await asyncio.sleep(0.2)
        marked = await OutboxEmail.filter(status=OutboxStatus.SENT).count()
        assert sent == emails == marked == counter.value, (sent, emails, marked, counter.value)
    finally:
        await OutboxEmail.all().delete()
        await db.close_db()
        sink.terminate()
    return {"baseline_per_s": old_rate, "worker_per_s": new_rate, "ratio": new_rate / old_rate, "cpu_ms": cpu_ms}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--emails", type=int, default=2000)
    parser.add_argument("--baseline-emails", type=int, default=300)
    parser.add_argument("--database-url", help="a PostgreSQL URL; its outbox is emptied (default: a temp SQLite)")
    args = parser.parse_args()
    r = asyncio.run(main(args.emails, args.baseline_emails, args.database_url))
    print(f"baseline (connection per message): {r['baseline_per_s']:7.0f} emails/s")
    print(f"worker (reused, concurrent):       {r['worker_per_s']:7.0f} emails/s")
    print(f"ratio:                             {r['ratio']:7.1f}x")
    # On a shared machine wall-clock rates follow the load; the worker's own CPU per email
    # says what one core sustains (the SMTP sink runs in its own process).
    print(f"worker CPU per email:              {r['cpu_ms']:7.2f} ms  (~{1000 / r['cpu_ms']:.0f} emails/s per core)")
