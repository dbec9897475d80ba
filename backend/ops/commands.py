"""The operator commands behind `portico migrate`, `serve` and `mail-worker` (the CLI in
`backend/cli.py` parses; these run)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from backend.core import db
from backend.core.config import get_settings
from backend.ops import migrations


def migrate(args: argparse.Namespace) -> int:
    """Apply migrations (one replica at a time), or with `--check` only say whether any are
    pending: exit 0 when the database is current, 1 when not (for a deploy pipeline)."""
    where = get_settings().database_url.split("@")[-1]
    if getattr(args, "check", False):
        pending = asyncio.run(migrations.check())
        if pending:
            print(f"pending migrations on {where}: {', '.join(pending)}")
            return 1
        print(f"{where} is current")
        return 0
    asyncio.run(migrations.migrate())
    print(f"migrated {where}")
    return 0


def _prepare_multiprocess_metrics(workers: int) -> None:
    """Several workers write their counters to files in one folder that a scrape adds up.
    The folder must start empty; children inherit it through the environment (spawn)."""
    folder = get_settings().prometheus_multiproc_dir
    if workers <= 1 and not folder:
        return
    if not folder:
        folder = tempfile.mkdtemp(prefix="portico-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder  # for prometheus_client and the spawned workers
        get_settings.cache_clear()
    for stale in Path(folder).glob("*.db"):
        stale.unlink()


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    workers = max(1, int(getattr(args, "workers", 1) or 1))
    _prepare_multiprocess_metrics(workers)
    # uvicorn re-raises the signal that stopped it once it has shut down: a graceful stop exits 0.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    uvicorn.run(
        "backend.app:create_app", factory=True, host=args.host, port=args.port, workers=workers,
        log_config=None, access_log=False, proxy_headers=True,
        timeout_graceful_shutdown=int(get_settings().drain_seconds) + 30,
    )
    return 0


async def _mail_worker() -> None:
    from backend.core.mail import worker
    from backend.ops.server import release_claims

    await db.init_db()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    task = asyncio.create_task(worker.run_forever())
    try:
        await asyncio.wait([task, asyncio.create_task(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await release_claims()
        await db.close_db()


def mail_worker(args: argparse.Namespace) -> int:
    """Deliver queued mail until SIGTERM/SIGINT; then give back what was claimed."""
    # Until the loop takes over the signal (nothing is claimed yet), stopping is just leaving.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    port = get_settings().metrics_port
    if port:
        from backend.ops.metrics_route import start_metrics_port

        start_metrics_port(port)
    asyncio.run(_mail_worker())
    print("mail worker stopped", file=sys.stderr)
    return 0


def add_data_commands(sub: Any) -> None:
    """`portico export-account` and `portico erase-person` (operators act on a request)."""
    p = sub.add_parser("export-account", help="write everything an account holds as JSON (audited)")
    p.add_argument("account_id", type=int)
    p.add_argument("--out", help="file to write (default: standard output)")
    p.add_argument("--requested-by", default="", help="who asked, e.g. a ticket number (kept in the audit log)")
    p.set_defaults(fn=export_account)
    p = sub.add_parser("erase-person", help="erase a person's personal data, keeping the audit trail (audited)")
    p.add_argument("email")
    p.add_argument("--requested-by", default="", help="who asked, e.g. a ticket number (kept in the audit log)")
    p.add_argument("--yes", action="store_true", help="really erase (there is no undo)")
    p.set_defaults(fn=erase_person)


def _requested_by(args: argparse.Namespace) -> str:
    import getpass

    return f"{getpass.getuser()} (cli){': ' + args.requested_by if args.requested_by else ''}"


async def _with_db(fn: Any) -> Any:
    await db.init_db()
    try:
        return await fn()
    finally:
        await db.close_db()


def export_account(args: argparse.Namespace) -> int:
    import json

    from backend.core.errors import ApiError
    from backend.ops.export import export_account as run

    try:
        data = asyncio.run(_with_db(lambda: run(account_id=args.account_id, requested_by=_requested_by(args))))
    except ApiError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text + "\n")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        print(text)
    return 0


def erase_person(args: argparse.Namespace) -> int:
    from backend.core.errors import ApiError
    from backend.ops.erasure import erase_person as run

    if not args.yes:
        print("erase-person changes data for good: run again with --yes", file=sys.stderr)
        return 2
    try:
        name = asyncio.run(_with_db(lambda: run(email=args.email, requested_by=_requested_by(args))))
    except ApiError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"erased: the person is now {name}")
    return 0
