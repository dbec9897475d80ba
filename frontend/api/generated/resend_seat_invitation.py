from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class ResendSeatInvitation(BaseModel):
    resend_seat_invitation: "ResendSeatInvitationResendSeatInvitation" = Field(
        alias="resendSeatInvitation"
    )


class ResendSeatInvitationResendSeatInvitation(BaseModel):
    invitation: Optional["ResendSeatInvitationResendSeatInvitationInvitation"]
    errors: list["ResendSeatInvitationResendSeatInvitationErrors"]


class ResendSeatInvitationResendSeatInvitationInvitation(BaseModel):
    id: str


class ResendSeatInvitationResendSeatInvitationErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ResendSeatInvitation.model_rebuild()
ResendSeatInvitationResendSeatInvitation.model_rebuild()
