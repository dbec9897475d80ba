from pydantic import Field

from .base_model import BaseModel
from .fragments import OfficeFamilyFields


class AccountFamilies(BaseModel):
    account_families: "AccountFamiliesAccountFamilies" = Field(alias="accountFamilies")


class AccountFamiliesAccountFamilies(BaseModel):
    nodes: list["AccountFamiliesAccountFamiliesNodes"]


AccountFamiliesAccountFamiliesNodes = OfficeFamilyFields
AccountFamilies.model_rebuild()
AccountFamiliesAccountFamilies.model_rebuild()
