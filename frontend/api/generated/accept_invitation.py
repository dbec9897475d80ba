from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import TokensFields, UserFields


class AcceptInvitation(BaseModel):
    accept_invitation: "AcceptInvitationAcceptInvitation" = Field(
        alias="acceptInvitation"
    )


class AcceptInvitationAcceptInvitation(BaseModel):
    user: Optional["AcceptInvitationAcceptInvitationUser"]
    tokens: Optional["AcceptInvitationAcceptInvitationTokens"]
    errors: list["AcceptInvitationAcceptInvitationErrors"]


AcceptInvitationAcceptInvitationUser = UserFields
AcceptInvitationAcceptInvitationTokens = TokensFields


class AcceptInvitationAcceptInvitationErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


AcceptInvitation.model_rebuild()
AcceptInvitationAcceptInvitation.model_rebuild()
