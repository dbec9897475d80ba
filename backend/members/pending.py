"""The pending-invitations list over GraphQL: filters and a Relay connection (`first/after`, `last/before`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from backend.core.enums import graphql_enum
from backend.core.graphql import Info, to_id
from backend.core.pagination import After, Before, Connection, First, Last, PageRequest, paginate
from backend.core.permissions import Permission, needs
from backend.invitations.types import InvitationKind, InvitationType
from backend.members import service

CURSOR = "pendingInvitations"

graphql_enum(
    service.ListedStatus, name="OpenInvitationStatus",
    description="Which open invitations to list: PENDING (link still valid) or EXPIRED (link ran out; resend it).",
    values={
        "PENDING": "Not accepted yet, and the link still works.",
        "EXPIRED": "Not accepted, and the link ran out: resend it.",
    },
)


@strawberry.type
class Query:
    @strawberry.field(
        description=(
            "Open invitations of an account (pending and expired; every kind unless `kind` is given), newest first, "
            "with filters and cursor pagination. Needs `users.manage`."
        ),
        extensions=needs(Permission.USERS_MANAGE),
    )
    async def pending_invitations(
        self, info: Info, account_id: Annotated[strawberry.ID, strawberry.argument(description="The account being managed.")],
        status: Annotated[service.ListedStatus | None, strawberry.argument(description="PENDING or EXPIRED; both when null.")] = None,
        kind: Annotated[InvitationKind | None, strawberry.argument(description="Only this kind; every kind when null.")] = None,
        invited_by: Annotated[strawberry.ID | None, strawberry.argument(description="Only those sent by this user id.")] = None,
        created_from: Annotated[datetime | None, strawberry.argument(description="Sent at or after this time.")] = None,
        created_to: Annotated[datetime | None, strawberry.argument(description="Sent before this time.")] = None,
        search: Annotated[str, strawberry.argument(description="Words each found in the email or the name.")] = "",
        disposable: Annotated[bool | None, strawberry.argument(description="Only (true) or never (false) disposable-domain addresses.")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[InvitationType]:
        filters = service.InvitationFilter(
            status=status, kind=InvitationKind(kind.value) if kind else None,
            invited_by_id=to_id(invited_by) if invited_by is not None else None,
            created_from=created_from, created_to=created_to, search=search, disposable=disposable,
        )
        query = service.pending_invitations(account_id=to_id(account_id), filters=filters)
        page = await paginate(query, PageRequest(CURSOR, first, after, last, before))
        return Connection[InvitationType].of(page, InvitationType.of)
