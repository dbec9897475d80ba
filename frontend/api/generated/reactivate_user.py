from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import MembershipFields


class ReactivateUser(BaseModel):
    reactivate_user: "ReactivateUserReactivateUser" = Field(alias="reactivateUser")


class ReactivateUserReactivateUser(BaseModel):
    membership: Optional["ReactivateUserReactivateUserMembership"]
    errors: list["ReactivateUserReactivateUserErrors"]


ReactivateUserReactivateUserMembership = MembershipFields


class ReactivateUserReactivateUserErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ReactivateUser.model_rebuild()
ReactivateUserReactivateUser.model_rebuild()
