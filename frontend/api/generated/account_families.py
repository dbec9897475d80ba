from pydantic import Field

from .base_model import BaseModel
from .fragments import OfficeFamilyFields


class AccountFamilies(BaseModel):
    account_families: list["AccountFamiliesAccountFamilies"] = Field(
        alias="accountFamilies"
    )


AccountFamiliesAccountFamilies = OfficeFamilyFields
AccountFamilies.model_rebuild()
