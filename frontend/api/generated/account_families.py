from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import OfficeFamilyFields


class AccountFamilies(BaseModel):
    account_families: "AccountFamiliesAccountFamilies" = Field(alias="accountFamilies")


class AccountFamiliesAccountFamilies(BaseModel):
    page_info: "AccountFamiliesAccountFamiliesPageInfo" = Field(alias="pageInfo")
    nodes: list["AccountFamiliesAccountFamiliesNodes"]


class AccountFamiliesAccountFamiliesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


AccountFamiliesAccountFamiliesNodes = OfficeFamilyFields
AccountFamilies.model_rebuild()
AccountFamiliesAccountFamilies.model_rebuild()
