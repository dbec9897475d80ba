from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class RevokeSeatInvitation(BaseModel):
    revoke_seat_invitation: "RevokeSeatInvitationRevokeSeatInvitation" = Field(
        alias="revokeSeatInvitation"
    )


class RevokeSeatInvitationRevokeSeatInvitation(BaseModel):
    ok: bool
    errors: list["RevokeSeatInvitationRevokeSeatInvitationErrors"]


class RevokeSeatInvitationRevokeSeatInvitationErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


RevokeSeatInvitation.model_rebuild()
RevokeSeatInvitationRevokeSeatInvitation.model_rebuild()
