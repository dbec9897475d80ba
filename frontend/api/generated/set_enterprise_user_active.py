from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import EnterprisePersonFields


class SetEnterpriseUserActive(BaseModel):
    set_enterprise_user_active: "SetEnterpriseUserActiveSetEnterpriseUserActive" = (
        Field(alias="setEnterpriseUserActive")
    )


class SetEnterpriseUserActiveSetEnterpriseUserActive(BaseModel):
    enterprise_user: Optional[
        "SetEnterpriseUserActiveSetEnterpriseUserActiveEnterpriseUser"
    ] = Field(alias="enterpriseUser")
    errors: list["SetEnterpriseUserActiveSetEnterpriseUserActiveErrors"]


SetEnterpriseUserActiveSetEnterpriseUserActiveEnterpriseUser = EnterprisePersonFields


class SetEnterpriseUserActiveSetEnterpriseUserActiveErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


SetEnterpriseUserActive.model_rebuild()
SetEnterpriseUserActiveSetEnterpriseUserActive.model_rebuild()
