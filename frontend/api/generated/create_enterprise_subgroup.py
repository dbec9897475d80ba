from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class CreateEnterpriseSubgroup(BaseModel):
    create_enterprise_subgroup: "CreateEnterpriseSubgroupCreateEnterpriseSubgroup" = (
        Field(alias="createEnterpriseSubgroup")
    )


class CreateEnterpriseSubgroupCreateEnterpriseSubgroup(BaseModel):
    subgroup: Optional["CreateEnterpriseSubgroupCreateEnterpriseSubgroupSubgroup"]
    errors: list["CreateEnterpriseSubgroupCreateEnterpriseSubgroupErrors"]


class CreateEnterpriseSubgroupCreateEnterpriseSubgroupSubgroup(BaseModel):
    id: str


class CreateEnterpriseSubgroupCreateEnterpriseSubgroupErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


CreateEnterpriseSubgroup.model_rebuild()
CreateEnterpriseSubgroupCreateEnterpriseSubgroup.model_rebuild()
