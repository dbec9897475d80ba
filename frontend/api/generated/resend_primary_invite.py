from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import OfficeFamilyFields


class ResendPrimaryInvite(BaseModel):
    resend_primary_invite: "ResendPrimaryInviteResendPrimaryInvite" = Field(
        alias="resendPrimaryInvite"
    )


class ResendPrimaryInviteResendPrimaryInvite(BaseModel):
    family: Optional["ResendPrimaryInviteResendPrimaryInviteFamily"]
    errors: list["ResendPrimaryInviteResendPrimaryInviteErrors"]


ResendPrimaryInviteResendPrimaryInviteFamily = OfficeFamilyFields


class ResendPrimaryInviteResendPrimaryInviteErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ResendPrimaryInvite.model_rebuild()
ResendPrimaryInviteResendPrimaryInvite.model_rebuild()
