from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import InvitationFields


class PendingInvitations(BaseModel):
    pending_invitations: "PendingInvitationsPendingInvitations" = Field(
        alias="pendingInvitations"
    )


class PendingInvitationsPendingInvitations(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "PendingInvitationsPendingInvitationsPageInfo" = Field(alias="pageInfo")
    edges: list["PendingInvitationsPendingInvitationsEdges"]


class PendingInvitationsPendingInvitationsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


class PendingInvitationsPendingInvitationsEdges(BaseModel):
    node: "PendingInvitationsPendingInvitationsEdgesNode"


PendingInvitationsPendingInvitationsEdgesNode = InvitationFields
PendingInvitations.model_rebuild()
PendingInvitationsPendingInvitations.model_rebuild()
PendingInvitationsPendingInvitationsEdges.model_rebuild()
