from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import Permission


class MyEnterpriseAccounts(BaseModel):
    my_enterprise_accounts: list["MyEnterpriseAccountsMyEnterpriseAccounts"] = Field(
        alias="myEnterpriseAccounts"
    )


class MyEnterpriseAccountsMyEnterpriseAccounts(BaseModel):
    account_id: str = Field(alias="accountId")
    name: str
    can_act: bool = Field(alias="canAct")
    permissions: list[Permission]
    login_as: Optional["MyEnterpriseAccountsMyEnterpriseAccountsLoginAs"] = Field(
        alias="loginAs"
    )


class MyEnterpriseAccountsMyEnterpriseAccountsLoginAs(BaseModel):
    id: str
    email: str
    full_name: str = Field(alias="fullName")


MyEnterpriseAccounts.model_rebuild()
MyEnterpriseAccountsMyEnterpriseAccounts.model_rebuild()
