from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class ResetPassword(BaseModel):
    reset_password: "ResetPasswordResetPassword" = Field(alias="resetPassword")


class ResetPasswordResetPassword(BaseModel):
    ok: bool
    errors: list["ResetPasswordResetPasswordErrors"]


class ResetPasswordResetPasswordErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ResetPassword.model_rebuild()
ResetPasswordResetPassword.model_rebuild()
