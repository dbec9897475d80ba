from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class ChangeOneTimePassword(BaseModel):
    change_one_time_password: "ChangeOneTimePasswordChangeOneTimePassword" = Field(
        alias="changeOneTimePassword"
    )


class ChangeOneTimePasswordChangeOneTimePassword(BaseModel):
    ok: bool
    errors: list["ChangeOneTimePasswordChangeOneTimePasswordErrors"]


class ChangeOneTimePasswordChangeOneTimePasswordErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ChangeOneTimePassword.model_rebuild()
ChangeOneTimePasswordChangeOneTimePassword.model_rebuild()
