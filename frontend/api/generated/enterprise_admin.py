from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import EnterprisePersonFields


class EnterpriseAdmin(BaseModel):
    enterprise_people: list["EnterpriseAdminEnterprisePeople"] = Field(
        alias="enterprisePeople"
    )
    enterprise_subgroups: list["EnterpriseAdminEnterpriseSubgroups"] = Field(
        alias="enterpriseSubgroups"
    )
    enterprise_member_accounts: list["EnterpriseAdminEnterpriseMemberAccounts"] = Field(
        alias="enterpriseMemberAccounts"
    )
    enterprise_identity_providers: list[
        "EnterpriseAdminEnterpriseIdentityProviders"
    ] = Field(alias="enterpriseIdentityProviders")


EnterpriseAdminEnterprisePeople = EnterprisePersonFields


class EnterpriseAdminEnterpriseSubgroups(BaseModel):
    id: str
    name: str
    account_ids: list[str] = Field(alias="accountIds")


class EnterpriseAdminEnterpriseMemberAccounts(BaseModel):
    account_id: str = Field(alias="accountId")
    name: str
    user_login_as: Optional["EnterpriseAdminEnterpriseMemberAccountsUserLoginAs"] = (
        Field(alias="userLoginAs")
    )
    admin_login_as: Optional["EnterpriseAdminEnterpriseMemberAccountsAdminLoginAs"] = (
        Field(alias="adminLoginAs")
    )


class EnterpriseAdminEnterpriseMemberAccountsUserLoginAs(BaseModel):
    email: str


class EnterpriseAdminEnterpriseMemberAccountsAdminLoginAs(BaseModel):
    email: str


class EnterpriseAdminEnterpriseIdentityProviders(BaseModel):
    key: str
    display_name: str = Field(alias="displayName")
    issuer: str
    allowed_domains: list[str] = Field(alias="allowedDomains")


EnterpriseAdmin.model_rebuild()
EnterpriseAdminEnterpriseMemberAccounts.model_rebuild()
