"""The API is no oracle for what exists: for every root field taking IDs, another
tenant's existing objects and IDs that exist nowhere get the same answer."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLNonNull, GraphQLObjectType, get_named_type

from backend.accounts.models import MembershipRole
from backend.families import service as families
from backend.invitations.models import Invitation
from backend.members import service as members
from backend.schema import schema
from backend.seats import teams
from tests.conftest import Api
from tests.factories import make_account, make_member, make_subscription, make_user, token_for

NOWHERE = "2000000000"


async def _foreign_ids() -> dict[str, str]:
    """Tenant B's objects, by the argument name that names them."""
    bob = await make_user("bob@b.example.com")
    b = await make_account("Tenant B", admin=bob)
    member = await make_member(b, await make_user("member@b.example.com"))
    sub = await make_subscription(b, bob)
    team = await teams.create_team(actor=bob, subscription_id=sub.id, name="B team")
    family = await families.create_family(account=b, primary=bob, name="B family")
    secondary = await families.add_secondary(actor=bob, family_id=family.id, email="sec@b.example.com",
                                             first_name="Sec", last_name="B")
    await members.invite_users(account=b, inviter=bob, emails=["pending@b.example.com"], role=MembershipRole.USER,
                               modules=[], sub_account_ids=[])
    invitation = await Invitation.get(email="pending@b.example.com")
    ids = {"accountId": b.id, "subscriptionId": sub.id, "userId": member.id, "targetUserId": member.id,
           "familyId": family.id, "teamId": team.id, "invitationId": invitation.id, "secondaryId": secondary.id}
    return {k: str(v) for k, v in ids.items()}


def _probes(known: set[str]) -> list[tuple[str, str, list[str]]]:
    """(operation, field, ID argument names) for root fields whose required arguments are known IDs."""
    probes = []
    for kind, root in (("query", schema._schema.query_type), ("mutation", schema._schema.mutation_type)):
        assert root is not None
        for name, field in root.fields.items():
            id_args = [a for a, arg in field.args.items() if get_named_type(arg.type).name == "ID"]
            required = [a for a, arg in field.args.items()
                        if isinstance(arg.type, GraphQLNonNull) and arg.default_value is None]
            if id_args and set(required) <= known and set(id_args) <= known:
                probes.append((kind, name, id_args))
    return probes


def _document(kind: str, name: str, args: list[str], values: dict[str, str]) -> str:
    root = schema._schema.query_type if kind == "query" else schema._schema.mutation_type
    assert root is not None
    returned = get_named_type(root.fields[name].type)
    selection = ""
    if isinstance(returned, GraphQLObjectType):
        selection = "{ __typename errors { code message } }" if "errors" in returned.fields else "{ __typename }"
    call = ", ".join(f'{a}: "{values[a]}"' for a in args)
    return f"{kind} {{ {name}({call}) {selection} }}"


def _answer(body: dict[str, Any]) -> Any:
    return body.get("data"), [(e.get("extensions", {}).get("code"), e["message"]) for e in body.get("errors") or []]


async def test_foreign_and_missing_ids_answer_alike_on_every_by_id_field(api: Api) -> None:
    alice = await make_user("alice@a.example.com")
    a = await make_account("Tenant A", admin=alice)
    await make_subscription(a, alice)
    await families.create_family(account=a, primary=alice, name="A family")
    foreign = await _foreign_ids()
    as_alice = api.as_(await token_for(alice))
    probes = _probes(set(foreign))
    assert len(probes) >= 20
    oracles = []
    for kind, name, args in probes:
        there = _answer(await as_alice.raw(_document(kind, name, args, foreign)))
        nowhere = _answer(await as_alice.raw(_document(kind, name, args, {a: NOWHERE for a in args})))
        if there != nowhere:
            oracles.append((name, there, nowhere))
    assert oracles == []
