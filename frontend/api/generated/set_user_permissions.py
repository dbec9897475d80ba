from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import MembershipFields


class SetUserPermissions(BaseModel):
    set_user_permissions: "SetUserPermissionsSetUserPermissions" = Field(
        alias="setUserPermissions"
    )


class SetUserPermissionsSetUserPermissions(BaseModel):
    membership: Optional["SetUserPermissionsSetUserPermissionsMembership"]
    errors: list["SetUserPermissionsSetUserPermissionsErrors"]


SetUserPermissionsSetUserPermissionsMembership = MembershipFields


class SetUserPermissionsSetUserPermissionsErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


SetUserPermissions.model_rebuild()
SetUserPermissionsSetUserPermissions.model_rebuild()
