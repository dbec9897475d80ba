"""An act-as session reaches its own account only: on every account-bound field (the list
comes from the schema), on `me`, on report downloads, and nowhere else by default."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLType,
    GraphQLUnionType,
)

from backend.accounts.models import Account, User
from backend.audit.models import AuditEvent
from backend.core import scope
from backend.core.security import utcnow
from backend.families import service as families
from backend.families.models import FamilyMember, MemberRole, PaymentMethod, Student
from backend.invitations.models import Invitation, InvitationKind
from backend.learning.models import LearningModule
from backend.schema import schema
from backend.seats.models import Team
from backend.wiring import ACCOUNT_ARGUMENTS, install
from tests.conftest import Api
from tests.enterprise.conftest import Group, make_group
from tests.enterprise.test_act_as_in_account import ACT_AS, person_token
from tests.factories import gid, make_subscription, make_user, token_for

ISSUER = "https://idp.example.com"
OUTSIDE = "OUTSIDE_ACT_AS_ACCOUNT"
# ID arguments that name no account-bound object (people exist across accounts; the
# content catalogue is global; sub-account ids are checked against `accountId` by the
# service; enterprise groups and people are checked by the enterprise service).
# Names that identify no account's object, or one always given beside its `accountId`
# (an invitation job's `id`, User Accounts' `people`, the `invitedBy` filter).
NOT_ACCOUNT_BOUND = {
    "userId", "userIds", "contentId", "contentIds", "subAccountIds", "groupId", "enterpriseUserId", "subgroupId",
    "id", "people", "invitedBy",
    # `node(id:)` / `nodes(ids:)` take any type's global ID and contain act-as sessions
    # themselves (core/nodes.py): test_node_is_contained_for_act_as below.
    "ids",
}
ME = "{ me { user { email } memberships { account { id name } } } }"
SHORT_STRINGS = {"last4": '"4242"', "phoneRegion": '"US"'}
install()  # the registries the app fills at start-up


def _root_fields() -> list[tuple[str, str, GraphQLField]]:
    gs = schema._schema
    return [
        (kind, name, field)
        for kind, t in (("query", gs.query_type), ("mutation", gs.mutation_type))
        if t is not None
        for name, field in t.fields.items()
    ]


def account_bound_fields() -> list[tuple[str, str, GraphQLField]]:
    """Every query and mutation with an argument naming an account-bound object, read from the schema."""
    return [(kind, name, f) for kind, name, f in _root_fields() if scope.is_account_bound(f)]


def _id_names(t: GraphQLType, name: str, seen: set[str]) -> set[str]:
    while isinstance(t, (GraphQLNonNull, GraphQLList)):
        t = t.of_type
    if isinstance(t, GraphQLScalarType) and t.name == "ID":
        return {name}
    if isinstance(t, GraphQLInputObjectType) and t.name not in seen:
        seen.add(t.name)
        return set().union(*(_id_names(f.type, n, seen) for n, f in t.fields.items()))
    return set()


def test_every_id_argument_is_declared_account_bound_or_not() -> None:
    """A new ID argument must be placed on one side: else an act-as session might pass it."""
    names: set[str] = set()
    for _, _, field in _root_fields():
        for arg_name, arg in field.args.items():
            names |= _id_names(arg.type, arg_name, set())
    assert names - set(ACCOUNT_ARGUMENTS) - NOT_ACCOUNT_BOUND == set()


def test_the_list_comes_from_the_schema_and_is_not_empty() -> None:
    names = {name for _, name, _ in account_bound_fields()}
    # A sample across domains; the test below runs them all.
    assert {"account", "inviteUsers", "family", "addSecondary", "updateStudent", "makePayment", "subscriptionUsers",
            "addTeamMembers", "assignModule", "inviteSeatUser", "resendInvitation", "createAccount"} <= names
    assert len(names) > 50


# ---------------------------------------------------------------- documents


def _literal(t: GraphQLType, name: str, ids: dict[str, int], other_id: int) -> str | None:
    """A literal for an argument: the account-bound object's id for registered names,
    plausible values otherwise; None to leave out an optional argument."""
    required = isinstance(t, GraphQLNonNull)
    inner = t.of_type if isinstance(t, GraphQLNonNull) else t
    if isinstance(inner, GraphQLList):
        item = _literal(inner.of_type, name, ids, other_id)
        return f"[{item}]" if item is not None else "[]"
    if name in ids:
        return f'"{ids[name]}"'
    if not required and not (isinstance(inner, GraphQLInputObjectType) and scope._binds(name, inner, set())):
        return None
    if isinstance(inner, GraphQLInputObjectType):
        parts = [(n, _literal(f.type, n, ids, other_id)) for n, f in inner.fields.items()]
        return "{" + ", ".join(f"{n}: {v}" for n, v in parts if v is not None) + "}"
    if isinstance(inner, GraphQLEnumType):
        return next(iter(inner.values))
    if name in SHORT_STRINGS:  # within the column, so the input limits let it reach the guard
        return SHORT_STRINGS[name]
    return {"ID": f'"{other_id}"', "String": '"scope-test@example.com"', "Int": "1", "Boolean": "false",
            "Float": "1.0", "Date": '"2031-01-01"'}[inner.name]


def document(kind: str, name: str, field: GraphQLField, ids: dict[str, int], other_id: int) -> str:
    args = [(n, _literal(a.type, n, ids, other_id)) for n, a in field.args.items()]
    arg_text = ", ".join(f"{n}: {v}" for n, v in args if v is not None)
    t = field.type
    while isinstance(t, (GraphQLNonNull, GraphQLList)):
        t = t.of_type
    selection = " { __typename }" if isinstance(t, (GraphQLObjectType, GraphQLUnionType)) else ""
    return f"{kind} {{ {name}{f'({arg_text})' if arg_text else ''}{selection} }}"


async def objects_in(account: Account, admin: User, primary_email: str) -> dict[str, int]:
    """One object of every account-bound kind in the account, by the argument that names it."""
    primary = await make_user(primary_email)
    family = await families.create_family(account=account, primary=primary, name="Scope")
    secondary = await FamilyMember.create(family=family, role=MemberRole.SECONDARY, email=f"2nd.{primary_email}")
    student = await Student.create(family=family, first_name="Kid", last_name="Scope")
    method = await PaymentMethod.create(family=family, owner=primary, brand="visa", last4="4242")
    sub = await make_subscription(account, admin)
    team = await Team.create(subscription=sub, name="Scope team")
    module = await LearningModule.create(subscription=sub, name="Scope module")
    invitation = await Invitation.create(
        kind=InvitationKind.ACCOUNT_USER, email=f"inv.{primary_email}", account=account, target=f"account:{account.id}",
        token_hash=f"{account.id:064d}", expires_at=utcnow() + timedelta(days=3),
    )
    return {
        "accountId": account.id, "accountIds": account.id, "parentId": account.id, "subscriptionId": sub.id, "familyId": family.id,
        "secondaryId": secondary.id, "studentId": student.id, "paymentMethodId": method.id, "invitationId": invitation.id,
        "teamId": team.id, "teamIds": team.id, "moduleId": module.id, "assignmentId": 0, "guardianId": secondary.id,
    }


def reasons(body: dict[str, Any]) -> list[str | None]:
    return [e.get("extensions", {}).get("reason") for e in body.get("errors") or []]


async def _acting_in(api: Api, group: Group, account_id: int) -> Api:
    ada = api.as_(await person_token("ada@corp.example.com"))
    return api.as_((await ada(ACT_AS, {"a": str(account_id)}))["actAsInAccount"]["accessToken"])


async def test_act_as_for_x_is_refused_on_every_account_bound_field_for_y(api: Api) -> None:
    group = await make_group(ISSUER)
    x, y = await Account.get(id=group.gym_a), await Account.get(id=group.gym_b)
    in_x = await objects_in(x, group.office_admin, "x.primary@example.com")
    in_y = await objects_in(y, group.office_admin, "y.primary@example.com")
    acting = await _acting_in(api, group, x.id)  # acts as office_admin, admin of X and of Y
    own_session = api.as_(await token_for(group.office_admin))
    fields = account_bound_fields()
    events = await AuditEvent.all().count()

    leaks = []
    for kind, name, field in fields:
        body = await acting.raw(document(kind, name, field, in_y, group.front_desk.id))
        if OUTSIDE not in reasons(body) or (body.get("data") or {}).get(name) is not None:
            leaks.append(name)
    assert leaks == []
    assert await AuditEvent.all().count() == events  # refusals changed nothing

    # The same documents about X are not refused for scope, and the staff user's own
    # session is not refused for Y: the refusals above come from the act-as scope alone.
    for kind, name, field in fields:
        assert OUTSIDE not in reasons(await acting.raw(document(kind, name, field, in_x, group.front_desk.id))), name
    for kind, name, field in fields:
        assert OUTSIDE not in reasons(await own_session.raw(document(kind, name, field, in_y, group.front_desk.id))), name


async def test_act_as_sees_only_its_account_in_me(api: Api) -> None:
    group = await make_group(ISSUER)
    acting = await _acting_in(api, group, group.gym_a)
    me = (await acting(ME))["me"]
    assert me["user"]["email"] == "office@corp.example.com"
    assert [m["account"]["id"] for m in me["memberships"]] == [gid("Account", group.gym_a)]
    own = (await api.as_(await token_for(group.office_admin))(ME))["me"]
    assert {m["account"]["id"] for m in own["memberships"]} == {gid("Account", group.gym_a), gid("Account", group.gym_b)}


async def test_fields_naming_no_account_are_refused_unless_declared(api: Api) -> None:
    group = await make_group(ISSUER)
    acting = await _acting_in(api, group, group.gym_a)
    for doc in (
        'mutation { createAccount(name: "Side gym") { errors { code } } }',
        'mutation { changePassword(currentPassword: "a", newPassword: "b") { ok } }',
        f'mutation {{ actAsInAccount(accountId: "{group.gym_b}") {{ accessToken }} }}',
    ):
        assert reasons(await acting.raw(doc)) == [OUTSIDE], doc
    assert await Account.filter(name="Side gym").count() == 0
    # Declared ANY_ACCOUNT: about the caller themself (and filtered to the account), or public.
    assert (await acting("{ ssoProvider }")) == {"ssoProvider": None}
    x, y = await Account.get(id=group.gym_a), await Account.get(id=group.gym_b)
    sub_x, _ = await make_subscription(x, group.office_admin), await make_subscription(y, group.office_admin)
    mine = "{ mySubscriptions { subscription { id } } }"
    assert [s["subscription"]["id"] for s in (await acting(mine))["mySubscriptions"]] == [gid("Subscription", sub_x.id)]
    assert len((await api.as_(await token_for(group.office_admin))(mine))["mySubscriptions"]) == 2


NODE = "query($id: ID!) { node(id: $id) { id __typename } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
# Types of `objects_in` reachable by an act-as session through `node`, by the argument naming them.
NODE_TYPES = {
    "accountId": "Account", "subscriptionId": "Subscription", "familyId": "Family", "secondaryId": "FamilyMember",
    "studentId": "Student", "paymentMethodId": "PaymentMethod", "invitationId": "Invitation", "teamId": "Team",
    "moduleId": "LearningModule",
}


async def test_node_is_contained_for_act_as(api: Api) -> None:
    """`node` names no account in its arguments, so it checks the object's account itself: an
    act-as session for X gets NOT_FOUND for every object of Y, and reaches X's objects."""
    group = await make_group(ISSUER)
    x, y = await Account.get(id=group.gym_a), await Account.get(id=group.gym_b)
    in_x = await objects_in(x, group.office_admin, "x.primary@example.com")
    in_y = await objects_in(y, group.office_admin, "y.primary@example.com")
    acting = await _acting_in(api, group, x.id)
    own_session = api.as_(await token_for(group.office_admin))
    for argument, type_name in NODE_TYPES.items():
        foreign, mine = gid(type_name, in_y[argument]), gid(type_name, in_x[argument])
        assert await acting.error_code(NODE, {"id": foreign}) == "NOT_FOUND", type_name
        assert (await acting(NODE, {"id": mine}))["node"]["id"] == mine, type_name
        assert (await own_session(NODE, {"id": foreign}))["node"]["id"] == foreign, type_name
    ids = [gid("Account", x.id), gid("Account", y.id)]
    body = await acting.raw(NODES, {"ids": ids})
    assert body["data"]["nodes"] == [{"id": ids[0]}, None]
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["nodes", 1], "NOT_FOUND")]


async def test_report_downloads_refuse_another_account(api: Api) -> None:
    group = await make_group(ISSUER)
    x, y = await Account.get(id=group.gym_a), await Account.get(id=group.gym_b)
    sub_x, sub_y = await make_subscription(x, group.office_admin), await make_subscription(y, group.office_admin)
    acting = await _acting_in(api, group, group.gym_a)
    headers = {"Authorization": f"Bearer {acting.token}"}
    refused = await api.client.get(f"/reports/subscriptions/{sub_y.id}/logins.xlsx", headers=headers)
    assert refused.status_code == 403 and refused.json()["error"] == "FORBIDDEN"
    allowed = await api.client.get(f"/reports/subscriptions/{sub_x.id}/logins.xlsx", headers=headers)
    assert allowed.status_code == 200
    own = {"Authorization": f"Bearer {await token_for(group.office_admin)}"}
    assert (await api.client.get(f"/reports/subscriptions/{sub_y.id}/logins.xlsx", headers=own)).status_code == 200
