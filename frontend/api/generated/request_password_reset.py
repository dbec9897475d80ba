from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class RequestPasswordReset(BaseModel):
    request_password_reset: "RequestPasswordResetRequestPasswordReset" = Field(
        alias="requestPasswordReset"
    )


class RequestPasswordResetRequestPasswordReset(BaseModel):
    ok: bool
    errors: list["RequestPasswordResetRequestPasswordResetErrors"]


class RequestPasswordResetRequestPasswordResetErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


RequestPasswordReset.model_rebuild()
RequestPasswordResetRequestPasswordReset.model_rebuild()
