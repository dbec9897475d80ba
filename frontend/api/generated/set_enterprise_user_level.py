from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import EnterprisePersonFields


class SetEnterpriseUserLevel(BaseModel):
    set_enterprise_user_level: "SetEnterpriseUserLevelSetEnterpriseUserLevel" = Field(
        alias="setEnterpriseUserLevel"
    )


class SetEnterpriseUserLevelSetEnterpriseUserLevel(BaseModel):
    enterprise_user: Optional[
        "SetEnterpriseUserLevelSetEnterpriseUserLevelEnterpriseUser"
    ] = Field(alias="enterpriseUser")
    errors: list["SetEnterpriseUserLevelSetEnterpriseUserLevelErrors"]


SetEnterpriseUserLevelSetEnterpriseUserLevelEnterpriseUser = EnterprisePersonFields


class SetEnterpriseUserLevelSetEnterpriseUserLevelErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


SetEnterpriseUserLevel.model_rebuild()
SetEnterpriseUserLevelSetEnterpriseUserLevel.model_rebuild()
