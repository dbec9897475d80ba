from pydantic import Field

from .base_model import BaseModel
from .enums import FamilyRole


class MyFamilies(BaseModel):
    my_families: list["MyFamiliesMyFamilies"] = Field(alias="myFamilies")


class MyFamiliesMyFamilies(BaseModel):
    id: str
    name: str
    account_name: str = Field(alias="accountName")
    role: FamilyRole
    is_active: bool = Field(alias="isActive")


MyFamilies.model_rebuild()
