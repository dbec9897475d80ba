"""The pending-invitations list over GraphQL: filters and cursor pagination (Relay-style)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from backend.core.enums import graphql_enum
from backend.core.graphql import Info, to_id
from backend.core.pagination import PageInfo, decode_cursor, encode_cursor, page_size
from backend.core.permissions import Permission, needs
from backend.invitations.types import InvitationKind, InvitationType
from backend.members import service

CURSOR = "invitation"

graphql_enum(
    service.ListedStatus, name="OpenInvitationStatus",
    description="Which open invitations to list: PENDING (link still valid) or EXPIRED (link ran out; resend it).",
    values={
        "PENDING": "Not accepted yet, and the link still works.",
        "EXPIRED": "Not accepted, and the link ran out: resend it.",
    },
)


@strawberry.type(description="One invitation in a page of the list, with its cursor.")
class InvitationEdge:
    cursor: str = strawberry.field(description="Pass as `after` to continue after this invitation.")
    node: InvitationType = strawberry.field(description="The invitation.")


@strawberry.type(description="A page of open invitations, newest first.")
class InvitationConnection:
    edges: list[InvitationEdge] = strawberry.field(description="The invitations of this page.")
    page_info: PageInfo = strawberry.field(description="Whether more follow, and the cursors to get them.")
    total_count: int = strawberry.field(description="How many invitations match the filters, over all pages.")


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
        first: Annotated[int, strawberry.argument(description="Page size, 1 to 100. Default 50.")] = 50,
        after: Annotated[str | None, strawberry.argument(description="The `endCursor` of the previous page.")] = None,
    ) -> InvitationConnection:
        filters = service.InvitationFilter(
            status=status, kind=InvitationKind(kind.value) if kind else None,
            invited_by_id=to_id(invited_by) if invited_by is not None else None,
            created_from=created_from, created_to=created_to, search=search, disposable=disposable,
        )
        after_id = decode_cursor(CURSOR, after)
        page = await service.pending_invitations(
            account_id=to_id(account_id), filters=filters, first=page_size(first), after_id=after_id
        )
        edges = [InvitationEdge(cursor=encode_cursor(CURSOR, i.id), node=InvitationType.of(i)) for i in page.rows]
        info_ = PageInfo(
            has_next_page=page.has_next, has_previous_page=after_id is not None,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None,
        )
        return InvitationConnection(edges=edges, page_info=info_, total_count=page.total_count)
