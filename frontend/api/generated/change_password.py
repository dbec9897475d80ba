from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class ChangePassword(BaseModel):
    change_password: "ChangePasswordChangePassword" = Field(alias="changePassword")


class ChangePasswordChangePassword(BaseModel):
    ok: bool
    errors: list["ChangePasswordChangePasswordErrors"]


class ChangePasswordChangePasswordErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ChangePassword.model_rebuild()
ChangePasswordChangePassword.model_rebuild()
