from pydantic import Field

from .base_model import BaseModel


class SubAccounts(BaseModel):
    sub_accounts: list["SubAccountsSubAccounts"] = Field(alias="subAccounts")


class SubAccountsSubAccounts(BaseModel):
    id: str
    name: str


SubAccounts.model_rebuild()
