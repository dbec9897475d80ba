from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class InviteSeatUser(BaseModel):
    invite_seat_user: "InviteSeatUserInviteSeatUser" = Field(alias="inviteSeatUser")


class InviteSeatUserInviteSeatUser(BaseModel):
    invitation: Optional["InviteSeatUserInviteSeatUserInvitation"]
    errors: list["InviteSeatUserInviteSeatUserErrors"]


class InviteSeatUserInviteSeatUserInvitation(BaseModel):
    id: str
    email: str


class InviteSeatUserInviteSeatUserErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


InviteSeatUser.model_rebuild()
InviteSeatUserInviteSeatUser.model_rebuild()
