"""`portico` — the operator's command line.

    portico migrate [--check]       apply database migrations (--check: exit 1 if any are pending)
    portico seed                    load demo data (idempotent)
    portico create-admin EMAIL ACCOUNT_NAME [--password P]
    portico export-schema [PATH]    write schema.graphql
    portico mail-worker             deliver queued email until stopped
    portico job-worker              run invitation jobs until stopped (with JOB_WORKER=external)
    portico sms-worker              deliver queued text messages until stopped
    portico dev-mailbox [--host H] [--port 1025]   local SMTP server printing each email's links
    portico serve [--host H] [--port P] [--workers N] [--migrate] [--seed]
    portico export-account ACCOUNT_ID [--out FILE]     all of an account's data as JSON (audited)
    portico erase-person EMAIL --yes                   erase a person's personal data (audited)
    portico enterprise create-group|add-account|remove-account|set-login-as|add-provider|add-person
                                    set up enterprise groups (backend/enterprise/cli.py)
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path

from backend.core import db
from backend.core.config import ConfigError, get_settings
from backend.core.observability.logging import configure_logging
from backend.ops import commands as ops_commands

ROOT = Path(__file__).resolve().parent.parent


async def _with_db(coro_fn):  # type: ignore[no-untyped-def]
    await db.init_db()
    try:
        return await coro_fn()
    finally:
        await db.close_db()


def cmd_migrate(args: argparse.Namespace) -> int:
    return ops_commands.migrate(args)


def cmd_seed(_: argparse.Namespace) -> int:
    from backend import demo

    lines = asyncio.run(_with_db(demo.seed))
    print("\n".join(lines))
    return 0


def cmd_create_admin(args: argparse.Namespace) -> int:
    from tortoise.transactions import in_transaction

    from backend.accounts import service as accounts
    from backend.core.errors import DomainError
    from backend.core.passwords import validate_password

    password = args.password or getpass.getpass("Password: ")

    async def run() -> str:
        validate_password(password, email=args.email)
        async with in_transaction():
            user = await accounts.get_by_email(email=args.email) or await accounts.create_user(
                email=args.email, password=password
            )
            account = await accounts.create_account(name=args.account, creator=user)
        return f"{user.email} is admin of account {account.id} ({account.name})"

    try:
        print(asyncio.run(_with_db(run)))
    except DomainError as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 2
    return 0


def cmd_export_schema(args: argparse.Namespace) -> int:
    from backend.schema import sdl

    path = Path(args.path)
    path.write_text(sdl())
    print(f"wrote {path}")
    return 0


def cmd_schema_check(_: argparse.Namespace) -> int:
    from backend.core import contract
    from backend.schema import sdl

    found = contract.changes((ROOT / "schema.lock.graphql").read_text(), sdl())
    missing = contract.not_in_changelog(found, (ROOT / "CHANGELOG.md").read_text())
    for change in found:
        kind = "BREAKING" if change.breaking else "dangerous"
        print(f"{kind:9} {change.description}")
    for change in missing:
        print(f"portico: not in CHANGELOG.md (## Unreleased): `{change.coordinate}` - {change.description}", file=sys.stderr)
    return 1 if missing else 0


def cmd_schema_lock(_: argparse.Namespace) -> int:
    from backend.schema import sdl

    (ROOT / "schema.lock.graphql").write_text(sdl())
    print("wrote schema.lock.graphql: the released contract is now the current schema")
    return 0


def cmd_mail_worker(args: argparse.Namespace) -> int:
    return ops_commands.mail_worker(args)


def cmd_job_worker(_: argparse.Namespace) -> int:
    from backend.members import jobs

    try:
        asyncio.run(_with_db(lambda: jobs.run_forever(wake=asyncio.Event())))
    except KeyboardInterrupt:
        pass
    return 0


def cmd_sms_worker(_: argparse.Namespace) -> int:
    import backend.students.credentials  # noqa: F401  (registers what a failed credentials text undoes)
    from backend.core.sms import worker

    try:
        asyncio.run(_with_db(worker.run_forever))
    except KeyboardInterrupt:
        pass
    return 0


def cmd_dev_mailbox(args: argparse.Namespace) -> int:
    """A local SMTP server for development: prints each email's subject and links, and
    keeps the message under `mail/` (needs the dev extra: aiosmtpd)."""
    import re
    import time
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)

    class Printer:
        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
            msg = message_from_bytes(envelope.content, policy=policy.default)
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{abs(hash(envelope.content)) % 10**6}.eml"
            (folder / name).write_bytes(envelope.content)
            body = msg.get_body(preferencelist=("plain",))
            links = re.findall(r"https?://\S+", body.get_content() if body else "")
            print(f"\n[mail] to {', '.join(envelope.rcpt_tos)}: {msg['Subject']}", flush=True)
            for link in links:
                print(f"[mail]   {link}", flush=True)
            return "250 OK"

    controller = Controller(Printer(), hostname=args.host, port=args.port)
    controller.start()
    print(f"dev mailbox listening on {args.host}:{args.port}, saving to {folder}/", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    if args.migrate:
        cmd_migrate(args)
    if args.seed:
        cmd_seed(args)
    return ops_commands.serve(args)


def build_parser() -> argparse.ArgumentParser:
    """Every command and its flags (servers listen on 127.0.0.1 unless `--host` says otherwise)."""
    parser = argparse.ArgumentParser(prog="portico", description="Portico operator commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("migrate", help="apply database migrations (several replicas may run it at once)")
    p.add_argument("--check", action="store_true", help="only report pending migrations; exit 1 if any")
    p.set_defaults(fn=cmd_migrate)
    sub.add_parser("seed", help="load demo data (idempotent)").set_defaults(fn=cmd_seed)
    p = sub.add_parser("create-admin", help="create an account with an admin")
    p.add_argument("email")
    p.add_argument("account", help="name of the new account")
    p.add_argument("--password", help="prompted for when omitted")
    p.set_defaults(fn=cmd_create_admin)
    p = sub.add_parser("export-schema", help="write the GraphQL schema")
    p.add_argument("path", nargs="?", default=str(ROOT / "schema.graphql"))
    p.set_defaults(fn=cmd_export_schema)
    sub.add_parser("schema-check", help="list schema changes since the release; fail on unannounced breaking ones").set_defaults(
        fn=cmd_schema_check
    )
    sub.add_parser("schema-lock", help="at a release: make the current schema the released contract").set_defaults(
        fn=cmd_schema_lock
    )
    sub.add_parser("mail-worker", help="deliver queued email until stopped").set_defaults(fn=cmd_mail_worker)
    sub.add_parser("job-worker", help="run invitation jobs until stopped").set_defaults(fn=cmd_job_worker)
    sub.add_parser("sms-worker", help="deliver queued text messages until stopped").set_defaults(fn=cmd_sms_worker)
    p = sub.add_parser("dev-mailbox", help="development SMTP server that prints links (dev extra)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    p.add_argument("--port", type=int, default=1025)
    p.add_argument("--folder", default="mail")
    p.set_defaults(fn=cmd_dev_mailbox)
    p = sub.add_parser("serve", help="serve the API with uvicorn")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--migrate", action="store_true", help="apply migrations first")
    p.add_argument("--seed", action="store_true", help="load demo data first")
    p.add_argument("--workers", type=int, default=1, help="worker processes (graceful drain on SIGTERM)")
    p.set_defaults(fn=cmd_serve)
    ops_commands.add_data_commands(sub)
    from backend.enterprise import cli as enterprise_cli

    enterprise_cli.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        configure_logging(get_settings())
    except ConfigError as exc:
        print(f"portico: configuration error: {exc}", file=sys.stderr)
        return 2
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
