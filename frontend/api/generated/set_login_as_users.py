from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class SetLoginAsUsers(BaseModel):
    set_login_as_users: "SetLoginAsUsersSetLoginAsUsers" = Field(
        alias="setLoginAsUsers"
    )


class SetLoginAsUsersSetLoginAsUsers(BaseModel):
    account: Optional["SetLoginAsUsersSetLoginAsUsersAccount"]
    errors: list["SetLoginAsUsersSetLoginAsUsersErrors"]


class SetLoginAsUsersSetLoginAsUsersAccount(BaseModel):
    account_id: str = Field(alias="accountId")


class SetLoginAsUsersSetLoginAsUsersErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


SetLoginAsUsers.model_rebuild()
SetLoginAsUsersSetLoginAsUsers.model_rebuild()
