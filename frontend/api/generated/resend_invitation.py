from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import InvitationFields


class ResendInvitation(BaseModel):
    resend_invitation: "ResendInvitationResendInvitation" = Field(
        alias="resendInvitation"
    )


class ResendInvitationResendInvitation(BaseModel):
    invitation: Optional["ResendInvitationResendInvitationInvitation"]
    errors: list["ResendInvitationResendInvitationErrors"]


ResendInvitationResendInvitationInvitation = InvitationFields


class ResendInvitationResendInvitationErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ResendInvitation.model_rebuild()
ResendInvitationResendInvitation.model_rebuild()
