"""`node(id:)` for invitations and invitation jobs: users.manage in their account, as
`pendingInvitations` and `invitationJob` need."""

from __future__ import annotations

from typing import Any

from backend.core.graphql import Info
from backend.core.nodes import holds, row
from backend.core.permissions import Permission
from backend.invitations.models import Invitation
from backend.invitations.types import InvitationType
from backend.members.job_schema import InvitationJobType
from backend.members.models import InvitationJob


async def invitation(info: Info, key: str) -> InvitationType | None:
    i = await row(Invitation, key)
    return InvitationType.of(i) if i and await holds(info, i.account_id, Permission.USERS_MANAGE) else None  # type: ignore[attr-defined]


async def invitation_job(info: Info, key: str) -> InvitationJobType | None:
    j = await row(InvitationJob, key)
    return InvitationJobType.of(j) if j and await holds(info, j.account_id, Permission.USERS_MANAGE) else None  # type: ignore[attr-defined]


LOADERS: dict[str, Any] = {"Invitation": invitation, "InvitationJob": invitation_job}
