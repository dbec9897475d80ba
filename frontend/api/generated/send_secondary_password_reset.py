from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class SendSecondaryPasswordReset(BaseModel):
    send_secondary_password_reset: "SendSecondaryPasswordResetSendSecondaryPasswordReset" = Field(
        alias="sendSecondaryPasswordReset"
    )


class SendSecondaryPasswordResetSendSecondaryPasswordReset(BaseModel):
    ok: bool
    errors: list["SendSecondaryPasswordResetSendSecondaryPasswordResetErrors"]


class SendSecondaryPasswordResetSendSecondaryPasswordResetErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


SendSecondaryPasswordReset.model_rebuild()
SendSecondaryPasswordResetSendSecondaryPasswordReset.model_rebuild()
