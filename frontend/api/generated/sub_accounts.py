from pydantic import Field

from .base_model import BaseModel


class SubAccounts(BaseModel):
    sub_accounts: "SubAccountsSubAccounts" = Field(alias="subAccounts")


class SubAccountsSubAccounts(BaseModel):
    nodes: list["SubAccountsSubAccountsNodes"]


class SubAccountsSubAccountsNodes(BaseModel):
    id: str
    name: str


SubAccounts.model_rebuild()
SubAccountsSubAccounts.model_rebuild()
