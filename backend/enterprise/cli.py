"""`portico enterprise ...`: operators set up a group from nothing, without code.

    portico enterprise create-group NAME [--issuer URL] [--provider-name NAME]
    portico enterprise add-account GROUP_ID ACCOUNT_ID [--user-login-as EMAIL] [--admin-login-as EMAIL]
    portico enterprise remove-account GROUP_ID ACCOUNT_ID
    portico enterprise set-login-as GROUP_ID ACCOUNT_ID [--user EMAIL] [--admin EMAIL]
    portico enterprise add-provider GROUP_ID --key KEY --name NAME --issuer URL --client-id ID
        [--client-secret-env VAR] [--domain DOMAIN ...] [--tenant TID ...] [--discovery-url URL]
    portico enterprise add-person GROUP_ID EMAIL [--first F] [--last L] [--level admin|user] [--subgroup ID]

The client secret is read from the environment variable named by `--client-secret-env`, or
prompted for: it never appears in the shell history. Every change is audited (no actor).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from backend.core import db
from backend.core.errors import ApiError, DomainError


async def _with_db(work: Callable[[], Awaitable[str]]) -> str:
    await db.init_db()
    try:
        return await work()
    finally:
        await db.close_db()


def _run(work: Callable[[], Awaitable[str]]) -> int:
    try:
        print(asyncio.run(_with_db(work)))
    except (DomainError, ApiError) as exc:
        code = exc.code.value if isinstance(exc, DomainError) else exc.code
        print(f"portico enterprise: {code}: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd(args: argparse.Namespace) -> int:
    from backend.enterprise import admin, providers, service
    from backend.enterprise.models import EnterpriseLevel, EnterpriseUser

    async def create_group() -> str:
        group = await admin.create_group(name=args.name, issuer=args.issuer, provider_name=args.provider_name)
        return f"group {group.id} {group.name!r}"

    async def add_account() -> str:
        manager = await admin.operator(group_id=args.group_id)
        await admin.add_account(manager, account_id=args.account_id, user_login_as=args.user_login_as,
                                admin_login_as=args.admin_login_as)
        return f"account {args.account_id} added to group {args.group_id}"

    async def remove_account() -> str:
        await admin.operator(group_id=args.group_id)
        removed = await service.remove_account(group_id=args.group_id, account_id=args.account_id)
        return f"account {args.account_id} {'removed from' if removed else 'was not in'} group {args.group_id}"

    async def set_login_as() -> str:
        manager = await admin.operator(group_id=args.group_id)
        await admin.set_login_as(manager, account_id=args.account_id, user_login_as=args.user, admin_login_as=args.admin)
        return f"login-as users of account {args.account_id}: user={args.user or '-'} admin={args.admin or '-'}"

    async def add_provider() -> str:
        secret = os.environ.get(args.client_secret_env, "") if args.client_secret_env else getpass.getpass("Client secret: ")
        row = await providers.add(
            group_id=args.group_id, key=args.key, display_name=args.name, issuer=args.issuer, client_id=args.client_id,
            client_secret=secret, allowed_domains=args.domain, tenant_ids=args.tenant, discovery_url=args.discovery_url,
        )
        return f"provider {row.key!r} ({row.display_name}) for group {args.group_id}: redirect URI <API_URL>/sso/callback"

    async def add_person() -> str:
        manager = await admin.operator(group_id=args.group_id)
        person = await admin.create_person(
            manager, email=args.email, first_name=args.first, last_name=args.last, level=EnterpriseLevel(args.level),
            subgroup_id=args.subgroup,
        )
        return f"person {person.id} {person.email} ({person.level.value}) in group {args.group_id}"

    async def remove_person() -> str:
        manager = await admin.operator(group_id=args.group_id)
        person = await EnterpriseUser.get_or_none(group_id=args.group_id, email=args.email.strip().lower())
        if person is None:
            return f"{args.email} was not in group {args.group_id}"
        await admin.remove_person(manager, enterprise_user_id=person.id)
        return f"person {person.id} {person.email} removed from group {args.group_id}; their sessions ended"

    async def remove_provider() -> str:
        await admin.operator(group_id=args.group_id)
        removed = await providers.remove(group_id=args.group_id, key=args.key)
        return f"provider {args.key!r} {'removed from' if removed else 'was not in'} group {args.group_id}"

    commands: dict[str, Callable[[], Awaitable[str]]] = {
        "create-group": create_group, "add-account": add_account, "remove-account": remove_account,
        "set-login-as": set_login_as, "add-provider": add_provider, "add-person": add_person,
        "remove-person": remove_person, "remove-provider": remove_provider,
    }
    return _run(commands[args.enterprise_command])


def register(sub: Any) -> None:
    """Add `portico enterprise ...` to the operator CLI."""
    parser = sub.add_parser("enterprise", help="set up enterprise groups (see `portico enterprise -h`)")
    commands = parser.add_subparsers(dest="enterprise_command", required=True)
    p = commands.add_parser("create-group", help="create an enterprise group")
    p.add_argument("name")
    p.add_argument("--issuer", default="", help="issuer of the default provider (OIDC_ISSUER) its people use, if any")
    p.add_argument("--provider-name", default="", help="shown when the default provider is used")
    for name, text in (("add-account", "add a member account"), ("remove-account", "remove a member account")):
        p = commands.add_parser(name, help=text)
        p.add_argument("group_id", type=int)
        p.add_argument("account_id", type=int)
        if name == "add-account":
            p.add_argument("--user-login-as", help="email of the staff user USER-level people act as")
            p.add_argument("--admin-login-as", help="email of the staff user ADMIN-level people act as")
    p = commands.add_parser("set-login-as", help="choose the login-as staff users of a member account")
    p.add_argument("group_id", type=int)
    p.add_argument("account_id", type=int)
    p.add_argument("--user", help="email of the USER-level staff user (omit: none)")
    p.add_argument("--admin", help="email of the ADMIN-level staff user (omit: none)")
    p = commands.add_parser("add-provider", help="add an OpenID provider for the group")
    p.add_argument("group_id", type=int)
    p.add_argument("--key", required=True, help="URL name, e.g. acme-google")
    p.add_argument("--name", required=True, help="button text, e.g. Google or Microsoft")
    p.add_argument("--issuer", required=True, help="e.g. https://accounts.google.com or https://login.microsoftonline.com/{tenantid}/v2.0")
    p.add_argument("--client-id", required=True)
    p.add_argument("--client-secret-env", help="environment variable holding the client secret (else prompted)")
    p.add_argument("--domain", action="append", default=[], help="email domain for home-realm discovery (repeat)")
    p.add_argument("--tenant", action="append", default=[], help="allowed Entra tenant id, multi-tenant issuers (repeat)")
    p.add_argument("--discovery-url", help="default: <issuer>/.well-known/openid-configuration")
    p = commands.add_parser("add-person", help="add a person (the first one: an ADMIN)")
    p.add_argument("group_id", type=int)
    p.add_argument("email")
    p.add_argument("--first", default="")
    p.add_argument("--last", default="")
    p.add_argument("--level", choices=["admin", "user"], default="user")
    p.add_argument("--subgroup", type=int, help="subgroup id (omit: the whole group)")
    p = commands.add_parser("remove-person", help="remove a person: sign-in disabled, every session ended")
    p.add_argument("group_id", type=int)
    p.add_argument("email")
    p = commands.add_parser("remove-provider", help="remove an OpenID provider of the group")
    p.add_argument("group_id", type=int)
    p.add_argument("key", help="the provider's URL name, as given to add-provider --key")
    for action in commands.choices.values():
        action.set_defaults(fn=cmd)
