"""Start-up: the domains plug into core's identity and act-as registries.

Core never imports a domain; this module (like `backend/schema.py`) sits on top and tells
core how a token becomes a session (auth), how a permission is checked (accounts), what an
act-as session must still satisfy (enterprise), who must sign in through a provider
(enterprise), and which arguments name an account-bound object (every domain, below).
`install()` is idempotent; `create_app` calls it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tortoise.models import Model

from backend.accounts import service as accounts
from backend.auth import service as auth
from backend.core import identity, scope
from backend.enterprise import service as enterprise
from backend.families.models import Family, FamilyMember, PaymentMethod, Student
from backend.invitations.models import Invitation
from backend.learning.models import Assignment, LearningModule
from backend.seats.models import Subscription, Team


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
}


def install() -> None:
    identity.set_session_loader(auth.load_session)
    identity.set_permission_check(accounts.has_permission)
    identity.add_session_check(enterprise.act_as_still_allowed)
    identity.set_sso_lookup(enterprise.sso_provider_of)
    for name, accounts_of in ACCOUNT_ARGUMENTS.items():
        scope.register_account_argument(name, accounts_of)
