"""`portico` — the operator's command line.

    portico migrate                 apply database migrations
    portico seed                    load demo data (idempotent)
    portico create-admin EMAIL ACCOUNT_NAME [--password P]
    portico export-schema [PATH]    write schema.graphql
    portico mail-worker             deliver queued email until stopped
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
from backend.core.config import get_settings

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
    p = sub.add_parser("serve", help="serve the API with uvicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--migrate", action="store_true", help="apply migrations first")
    p.add_argument("--seed", action="store_true", help="load demo data first")
    p.set_defaults(fn=cmd_serve)
    args = parser.parse_args(argv)
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
