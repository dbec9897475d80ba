from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import EnterprisePersonFields


class CreateEnterpriseUser(BaseModel):
    create_enterprise_user: "CreateEnterpriseUserCreateEnterpriseUser" = Field(
        alias="createEnterpriseUser"
    )


class CreateEnterpriseUserCreateEnterpriseUser(BaseModel):
    enterprise_user: Optional[
        "CreateEnterpriseUserCreateEnterpriseUserEnterpriseUser"
    ] = Field(alias="enterpriseUser")
    errors: list["CreateEnterpriseUserCreateEnterpriseUserErrors"]


CreateEnterpriseUserCreateEnterpriseUserEnterpriseUser = EnterprisePersonFields


class CreateEnterpriseUserCreateEnterpriseUserErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


CreateEnterpriseUser.model_rebuild()
CreateEnterpriseUserCreateEnterpriseUser.model_rebuild()
