"""`portico` — the operator's command line.

    portico migrate                 apply database migrations
    portico seed                    load demo data (idempotent)
    portico create-admin EMAIL ACCOUNT_NAME [--password P]
    portico export-schema [PATH]    write schema.graphql
    portico mail-worker             deliver queued email until stopped
    portico sms-worker              deliver queued text messages until stopped
    portico dev-mailbox [--port 1025]   local SMTP server printing each email's links
    portico serve [--host H] [--port P] [--migrate] [--seed]
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from pathlib import Path

from backend.core import db
from backend.core.config import ConfigError, get_settings

ROOT = Path(__file__).resolve().parent.parent


async def _with_db(coro_fn):  # type: ignore[no-untyped-def]
    await db.init_db()
    try:
        return await coro_fn()
    finally:
        await db.close_db()


def cmd_migrate(_: argparse.Namespace) -> int:
    asyncio.run(db.migrate())
    print(f"migrated {get_settings().database_url.split('@')[-1]}")
    return 0


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


def cmd_mail_worker(_: argparse.Namespace) -> int:
    from backend.core.mail import worker

    try:
        asyncio.run(_with_db(worker.run_forever))
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

    controller = Controller(Printer(), hostname="127.0.0.1", port=args.port)
    controller.start()
    print(f"dev mailbox listening on 127.0.0.1:{args.port}, saving to {folder}/", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    if args.migrate:
        cmd_migrate(args)
    if args.seed:
        cmd_seed(args)
    uvicorn.run("backend.app:create_app", factory=True, host=args.host, port=args.port, log_level="info")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="portico", description="Portico operator commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply database migrations").set_defaults(fn=cmd_migrate)
    sub.add_parser("seed", help="load demo data (idempotent)").set_defaults(fn=cmd_seed)
    p = sub.add_parser("create-admin", help="create an account with an admin")
    p.add_argument("email")
    p.add_argument("account", help="name of the new account")
    p.add_argument("--password", help="prompted for when omitted")
    p.set_defaults(fn=cmd_create_admin)
    p = sub.add_parser("export-schema", help="write the GraphQL schema")
    p.add_argument("path", nargs="?", default=str(ROOT / "schema.graphql"))
    p.set_defaults(fn=cmd_export_schema)
    sub.add_parser("mail-worker", help="deliver queued email until stopped").set_defaults(fn=cmd_mail_worker)
    sub.add_parser("sms-worker", help="deliver queued text messages until stopped").set_defaults(fn=cmd_sms_worker)
    p = sub.add_parser("dev-mailbox", help="development SMTP server that prints links (dev extra)")
    p.add_argument("--port", type=int, default=1025)
    p.add_argument("--folder", default="mail")
    p.set_defaults(fn=cmd_dev_mailbox)
    p = sub.add_parser("serve", help="serve the API with uvicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--migrate", action="store_true", help="apply migrations first")
    p.add_argument("--seed", action="store_true", help="load demo data first")
    p.set_defaults(fn=cmd_serve)
    args = parser.parse_args(argv)
    try:
        get_settings()
    except ConfigError as exc:
        print(f"portico: configuration error: {exc}", file=sys.stderr)
        return 2
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
