from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserAccountFields


class UserAccounts(BaseModel):
    user_accounts: "UserAccountsUserAccounts" = Field(alias="userAccounts")


class UserAccountsUserAccounts(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "UserAccountsUserAccountsPageInfo" = Field(alias="pageInfo")
    edges: list["UserAccountsUserAccountsEdges"]


class UserAccountsUserAccountsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


class UserAccountsUserAccountsEdges(BaseModel):
    cursor: str
    node: "UserAccountsUserAccountsEdgesNode"


UserAccountsUserAccountsEdgesNode = UserAccountFields
UserAccounts.model_rebuild()
UserAccountsUserAccounts.model_rebuild()
UserAccountsUserAccountsEdges.model_rebuild()
