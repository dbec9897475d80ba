from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import EnterpriseLevel


class MyEnterpriseGroups(BaseModel):
    my_enterprise_groups: list["MyEnterpriseGroupsMyEnterpriseGroups"] = Field(
        alias="myEnterpriseGroups"
    )


class MyEnterpriseGroupsMyEnterpriseGroups(BaseModel):
    id: str
    name: str
    my_level: EnterpriseLevel = Field(alias="myLevel")
    my_subgroup_id: Optional[str] = Field(alias="mySubgroupId")
    is_admin: bool = Field(alias="isAdmin")


MyEnterpriseGroups.model_rebuild()
