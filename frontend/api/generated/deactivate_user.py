from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import MembershipFields


class DeactivateUser(BaseModel):
    deactivate_user: "DeactivateUserDeactivateUser" = Field(alias="deactivateUser")


class DeactivateUserDeactivateUser(BaseModel):
    membership: Optional["DeactivateUserDeactivateUserMembership"]
    errors: list["DeactivateUserDeactivateUserErrors"]


DeactivateUserDeactivateUserMembership = MembershipFields


class DeactivateUserDeactivateUserErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


DeactivateUser.model_rebuild()
DeactivateUserDeactivateUser.model_rebuild()
