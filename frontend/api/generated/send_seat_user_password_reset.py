from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class SendSeatUserPasswordReset(BaseModel):
    send_seat_user_password_reset: "SendSeatUserPasswordResetSendSeatUserPasswordReset" = Field(
        alias="sendSeatUserPasswordReset"
    )


class SendSeatUserPasswordResetSendSeatUserPasswordReset(BaseModel):
    ok: bool
    errors: list["SendSeatUserPasswordResetSendSeatUserPasswordResetErrors"]


class SendSeatUserPasswordResetSendSeatUserPasswordResetErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


SendSeatUserPasswordReset.model_rebuild()
SendSeatUserPasswordResetSendSeatUserPasswordReset.model_rebuild()
