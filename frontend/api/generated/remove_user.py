from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class RemoveUser(BaseModel):
    remove_user: "RemoveUserRemoveUser" = Field(alias="removeUser")


class RemoveUserRemoveUser(BaseModel):
    ok: bool
    errors: list["RemoveUserRemoveUserErrors"]


class RemoveUserRemoveUserErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


RemoveUser.model_rebuild()
RemoveUserRemoveUser.model_rebuild()
