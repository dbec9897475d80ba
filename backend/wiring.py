"""Start-up: the domains plug into core's identity and act-as registries.

Core never imports a domain; this module (like `backend/schema.py`) sits on top and tells
core how a token becomes a session (auth), how a permission is checked (accounts), what an
act-as session must still satisfy (enterprise), who must sign in through a provider
(enterprise), and which arguments name an account-bound object (every domain, below).
`install()` is idempotent; `create_app` calls it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from tortoise.models import Model

from backend.accounts import nodes as accounts_nodes
from backend.accounts import service as accounts
from backend.accounts.models import Membership
from backend.activity.models import ActivityEvent
from backend.audit.models import AuditEvent
from backend.auth import service as auth
from backend.core import globalid, identity, scope
from backend.core.nodes import pk_or_none
from backend.enterprise import nodes as enterprise_nodes
from backend.enterprise import service as enterprise
from backend.families import nodes as families_nodes
from backend.families.models import Enrollment, Family, FamilyMember, LedgerEntry, PaymentMethod, Student
from backend.invitations.models import Invitation
from backend.learning import nodes as learning_nodes
from backend.learning.models import Assignment, LearningModule
from backend.members import nodes as members_nodes
from backend.members.models import InvitationJob
from backend.seats import nodes as seats_nodes
from backend.seats.models import Subscription, Team
from backend.students import nodes as students_nodes


def owned_by(model: type[Model], path: str) -> Callable[[list[int]], Awaitable[dict[int, int]]]:
    """ids -> the account each belongs to, following `path` (e.g. `subscription__account_id`)."""

    async def accounts_of(ids: list[int]) -> dict[int, int]:
        return {int(i): int(a) for i, a in await model.filter(id__in=ids).values_list("id", path)}

    return accounts_of


async def _same(ids: list[int]) -> dict[int, int]:
    return {i: i for i in ids}


# Every argument (or input field) that names an object of one account, as spelt in the
# schema. `tests/core/test_act_as_scope.py` makes every ID argument appear here or in its
# list of arguments that name no account.
ACCOUNT_ARGUMENTS: dict[str, Callable[[list[int]], Awaitable[dict[int, int]]]] = {
    "accountId": _same,
    "accountIds": _same,
    "parentId": _same,
    "subscriptionId": owned_by(Subscription, "account_id"),
    "familyId": owned_by(Family, "account_id"),
    "secondaryId": owned_by(FamilyMember, "family__account_id"),
    "studentId": owned_by(Student, "family__account_id"),
    "paymentMethodId": owned_by(PaymentMethod, "family__account_id"),
    "invitationId": owned_by(Invitation, "account_id"),
    "teamId": owned_by(Team, "subscription__account_id"),
    "teamIds": owned_by(Team, "subscription__account_id"),
    "moduleId": owned_by(LearningModule, "subscription__account_id"),
    "assignmentId": owned_by(Assignment, "subscription__account_id"),
    "guardianId": owned_by(FamilyMember, "family__account_id"),
}


# Every ID argument (or input field) and the Node types whose global IDs it accepts (a bare
# integer is accepted too, until the next major version). `tests/core/test_global_ids.py`
# makes every ID argument of the schema appear here.
ID_ARGUMENTS: dict[str, tuple[str, ...]] = {
    "accountId": ("Account",), "accountIds": ("Account",), "parentId": ("Account",), "subAccountIds": ("Account",),
    "contentId": ("ContentItem",), "contentIds": ("ContentItem",),
    "enterpriseUserId": ("EnterpriseUserType",), "groupId": ("EnterpriseGroupType",), "subgroupId": ("EnterpriseSubgroupType",),
    "familyId": ("Family",), "secondaryId": ("FamilyMember",), "guardianId": ("FamilyMember",),
    "studentId": ("Student",), "paymentMethodId": ("PaymentMethod",),
    "invitationId": ("Invitation",), "id": ("InvitationJob",), "invitedBy": ("User",),
    "userId": ("User",), "userIds": ("User",), "people": ("UserAccount",),
    "subscriptionId": ("Subscription",), "teamId": ("Team",), "teamIds": ("Team",),
    "moduleId": ("LearningModule",), "assignmentId": ("Assignment",),
}


async def _user(info: Any, key: str) -> Any:
    """A person: the accounts rule (myself, or users.manage where they are a member), or a
    seat admin of a subscription they are on (`subscriptionUsers` lists them)."""
    found = await accounts_nodes.user(info, key)
    if found is None and (pk := pk_or_none(key)) is not None and await seats_nodes.seat_admin_of_user(info, pk):
        found = await accounts_nodes.user(info, key, any_viewer=True)
    return found


# `node(id:)`: each Node type's loader (the domain applies its query's permission rules).
# `tests/core/test_node.py` makes every type implementing Node appear here.
NODE_LOADERS: dict[str, Any] = {
    **accounts_nodes.LOADERS, "User": _user, **members_nodes.LOADERS, **families_nodes.LOADERS, **seats_nodes.LOADERS,
    **learning_nodes.LOADERS, **enterprise_nodes.LOADERS, **students_nodes.LOADERS,
}
# The account of each type's rows, for act-as sessions (they reach their account's objects
# only); a type missing here is never reached by an act-as session through `node`.
NODE_ACCOUNTS: dict[str, Callable[[list[int]], Awaitable[dict[int, int]]]] = {
    "Account": _same,
    "Membership": owned_by(Membership, "account_id"),
    "AuditEntry": owned_by(AuditEvent, "account_id"),
    "Invitation": owned_by(Invitation, "account_id"),
    "InvitationJob": owned_by(InvitationJob, "account_id"),
    "Family": owned_by(Family, "account_id"),
    "FamilyMember": owned_by(FamilyMember, "family__account_id"),
    "LedgerEntry": owned_by(LedgerEntry, "family__account_id"),
    "PaymentMethod": owned_by(PaymentMethod, "family__account_id"),
    "Student": owned_by(Student, "family__account_id"),
    "Enrollment": owned_by(Enrollment, "student__family__account_id"),
    "Subscription": owned_by(Subscription, "account_id"),
    "Team": owned_by(Team, "subscription__account_id"),
    "LearningModule": owned_by(LearningModule, "subscription__account_id"),
    "Assignment": owned_by(Assignment, "subscription__account_id"),
    "ActivityEvent": owned_by(ActivityEvent, "subscription__account_id"),
}


def install() -> None:
    identity.set_session_loader(auth.load_session)
    identity.set_permission_check(accounts.has_permission)
    identity.add_session_check(enterprise.act_as_still_allowed)
    identity.set_sso_lookup(enterprise.sso_provider_of)
    for name, accounts_of in ACCOUNT_ARGUMENTS.items():
        scope.register_account_argument(name, accounts_of)
    for name, type_names in ID_ARGUMENTS.items():
        globalid.register_argument(name, *type_names)
    for name, loader in NODE_LOADERS.items():
        globalid.register_loader(name, loader, NODE_ACCOUNTS.get(name))
