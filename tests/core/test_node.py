"""Global IDs and `node(id:)`, driven by the schema: every type implementing `Node` is built
in tenant A; its owner gets it back from `node`, a user of tenant B gets NOT_FOUND (as for a
missing or malformed ID). A new Node type without a loader and a case here fails."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from graphql import GraphQLObjectType

from backend.accounts.models import Account, Membership, User
from backend.activity.models import ActivityEvent, ActivityKind
from backend.audit.models import AuditEvent
from backend.core import globalid
from backend.core.security import utcnow
from backend.enterprise.models import EnterpriseGroup, EnterpriseLevel, EnterpriseSubgroup, EnterpriseUser
from backend.families import service as families
from backend.families.models import Enrollment, FamilyMember, LedgerEntry, LedgerKind, MemberRole, PaymentMethod, Student
from backend.invitations.models import Invitation, InvitationKind
from backend.learning.models import Assignment, ContentItem, ContentKind, LearningModule
from backend.members.models import InvitationJob
from backend.schema import schema
from backend.seats.models import Team
from backend.wiring import NODE_LOADERS, install
from tests.conftest import Api
from tests.factories import gid, make_account, make_subscription, make_user, token_for

install()
NODE = "query($id: ID!) { node(id: $id) { __typename id ... on Family { name } } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"


def node_types() -> dict[str, str]:
    """GraphQL name -> the type its IDs name (itself, or the row type it is a view of)."""
    gs = schema._schema
    found = {}
    for t in gs.get_implementations(gs.type_map["Node"]).objects:  # type: ignore[arg-type]
        assert isinstance(t, GraphQLObjectType)
        cls = t.extensions["strawberry-definition"].origin
        found[t.name] = cls.node_type or t.name
    return found


@dataclass
class Tenant:
    owner: User
    account: Account
    built: dict[str, int | str]  # type name -> key


async def tenant(name: str) -> Tenant:
    """One object of every Node type, readable by `owner` (admin, primary guardian, seat admin,
    enterprise admin)."""
    owner = await make_user(f"owner.{name}@example.com")
    account = await make_account(f"Gym {name}", admin=owner)
    family = await families.create_family(account=account, primary=owner, name=f"Family {name}")
    primary = await FamilyMember.get(family=family, role=MemberRole.PRIMARY)
    student = await Student.create(family=family, first_name="Kid", last_name=name)
    method = await PaymentMethod.create(family=family, owner=owner, brand="visa", last4="4242")
    sub = await make_subscription(account, owner)
    module = await LearningModule.create(subscription=sub, name=f"Module {name}")
    content = await ContentItem.create(kind=ContentKind.EPISODE, slug=f"node-{name}", title="Episode")
    group = await EnterpriseGroup.create(name=f"Group {name}", issuer=f"https://idp.{name}.example.com", provider_name="Google")
    built: dict[str, int | str] = {
        "Account": account.id, "Family": family.id, "FamilyMember": primary.id, "Student": student.id,
        "PaymentMethod": method.id, "Subscription": sub.id, "LearningModule": module.id, "ContentItem": content.id,
        "User": owner.id,
        "Membership": (await Membership.get(user=owner, account=account)).id,
        "Enrollment": (await Enrollment.create(student=student, class_name="Beginners")).id,
        "LedgerEntry": (await LedgerEntry.create(family=family, kind=LedgerKind.CHARGE, amount_cents=500, description="Fee")).id,
        "Team": (await Team.create(subscription=sub, name=f"Team {name}")).id,
        "Assignment": (await Assignment.create(subscription=sub, module=module, due_on=date.today() + timedelta(days=7))).id,
        "ActivityEvent": (await ActivityEvent.create(subscription=sub, user=owner, kind=ActivityKind.LOGIN, occurred_at=utcnow())).id,
        "AuditEntry": (await AuditEvent.create(action="node.test", account=account, actor=owner)).id,
        "Invitation": (await Invitation.create(
            kind=InvitationKind.ACCOUNT_USER, email=f"inv.{name}@example.com", account=account, target=f"account:{account.id}",
            token_hash=f"{account.id:064d}", expires_at=utcnow() + timedelta(days=3),
        )).id,
        "InvitationJob": (await InvitationJob.create(account=account, created_by=owner)).id,
        "UserAccount": f"student:{student.id}",
        "EnterpriseGroupType": group.id,
        "EnterpriseSubgroupType": (await EnterpriseSubgroup.create(group=group, name=f"Sub {name}")).id,
    }
    await EnterpriseUser.create(group=group, user=owner, email=owner.email, level=EnterpriseLevel.ADMIN, active=True)
    person = await make_user(f"person.{name}@example.com")
    built["EnterpriseUserType"] = (await EnterpriseUser.create(group=group, user=person, email=person.email)).id
    return Tenant(owner, account, built)


# Types every signed-in person may read (the content catalogue is global, not a tenant's).
GLOBAL = {"ContentItem"}


def test_every_node_type_has_a_loader_and_a_case() -> None:
    names = set(node_types().values())
    assert names <= set(NODE_LOADERS), sorted(names - set(NODE_LOADERS))
    assert names == set(globalid.loaders())
    assert len(node_types()) >= 25


@pytest.fixture
async def tenants() -> tuple[Tenant, Tenant]:
    return await tenant("a"), await tenant("b")


async def test_node_answers_the_owner_and_not_found_for_another_tenant(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    a, b = tenants
    owner, stranger = api.as_(await token_for(a.owner)), api.as_(await token_for(b.owner))
    missing = []
    for graphql_name, type_name in sorted(node_types().items()):
        if type_name not in a.built:
            missing.append(graphql_name)
            continue
        id_ = gid(type_name, a.built[type_name])
        got = (await owner(NODE, {"id": id_}))["node"]
        assert got["id"] == id_, graphql_name
        if type_name in GLOBAL:
            assert (await stranger(NODE, {"id": id_}))["node"]["id"] == id_
        else:
            assert await stranger.error_code(NODE, {"id": id_}) == "NOT_FOUND", graphql_name
    assert missing == []


async def test_missing_malformed_and_unknown_ids_are_not_found(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    a, _ = tenants
    owner = api.as_(await token_for(a.owner))
    huge = (gid("Family", 9_999_999_999), gid("User", 9_999_999_999), gid("UserAccount", "student:9999999999"))
    for bad in (gid("Family", 999_999), *huge, gid("Family", 0), gid("NoSuchType", 1), "bm90IGFuIGlk", str(a.built["Family"]), gid("Family", "x1")):
        assert await owner.error_code(NODE, {"id": bad}) == "NOT_FOUND", bad
    assert await api.error_code(NODE, {"id": gid("Family", a.built["Family"])}) == "UNAUTHENTICATED"


async def test_nodes_answers_null_with_an_error_per_unreadable_id(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    a, b = tenants
    owner = api.as_(await token_for(a.owner))
    ids = [gid("Family", a.built["Family"]), gid("Family", b.built["Family"]), gid("Team", a.built["Team"])]
    body = await owner.raw(NODES, {"ids": ids})
    assert body["data"]["nodes"] == [{"id": ids[0]}, None, {"id": ids[2]}]
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["nodes", 1], "NOT_FOUND")]
    too_many = await owner.raw(NODES, {"ids": ids[:1] * 101})
    assert too_many["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


FAMILY = "query($f: ID) { family(familyId: $f) { id databaseId name accountId } }"


async def test_arguments_take_global_ids_and_bare_integers(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    a, _ = tenants
    owner = api.as_(await token_for(a.owner))
    family_id = a.built["Family"]
    by_global = (await owner(FAMILY, {"f": gid("Family", family_id)}))["family"]
    by_integer = (await owner(FAMILY, {"f": str(family_id)}))["family"]
    assert by_global == by_integer
    assert by_global["id"] == gid("Family", family_id) and by_global["databaseId"] == family_id
    assert by_global["accountId"] == gid("Account", a.account.id)  # references are global IDs too


async def test_a_global_id_of_another_type_is_refused(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    a, _ = tenants
    owner = api.as_(await token_for(a.owner))
    # A Team ID whose key is the family's: the type decides, not the number.
    assert await owner.error_code(FAMILY, {"f": gid("Team", a.built["Family"])}) == "NOT_FOUND"
    members = "query($a: ID!) { accountMembers(accountId: $a) { nodes { user { email } } } }"
    assert await owner.error_code(members, {"a": gid("Team", a.account.id)}) == "NOT_FOUND"
    assert len((await owner(members, {"a": gid("Account", a.account.id)}))["accountMembers"]["nodes"]) == 1



def test_every_id_argument_names_the_types_it_takes() -> None:
    """A new ID argument must say which Node types it takes (backend/wiring.ID_ARGUMENTS):
    else a global ID of any type would be read as its key."""
    from tests.enterprise.test_act_as_scope import _id_names, _root_fields

    names: set[str] = set()
    for _, _, field in _root_fields():
        if not globalid.takes_raw_ids(field):
            for arg_name, arg in field.args.items():
                names |= _id_names(arg.type, arg_name, set())
    assert names - set(globalid.argument_types()) == set()
    assert set().union(*globalid.argument_types().values()) <= set(node_types().values())


async def test_a_view_shares_the_id_of_the_object_it_shows(api: Api, tenants: tuple[Tenant, Tenant]) -> None:
    """`FamilyChoice` (the switcher's view of a `Family`) answers the family's ID, so a cache
    keys both on one object and `switchFamily(familyId:)` takes it."""
    a, _ = tenants
    owner = api.as_(await token_for(a.owner))
    [choice] = (await owner("{ myFamilies { id } }"))["myFamilies"]
    assert choice["id"] == gid("Family", a.built["Family"])
    assert (await owner(NODE, {"id": choice["id"]}))["node"]["__typename"] == "Family"
