from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import EnterprisePersonFields


class EnterpriseAdmin(BaseModel):
    enterprise_people: "EnterpriseAdminEnterprisePeople" = Field(
        alias="enterprisePeople"
    )
    enterprise_subgroups: "EnterpriseAdminEnterpriseSubgroups" = Field(
        alias="enterpriseSubgroups"
    )
    enterprise_member_accounts: "EnterpriseAdminEnterpriseMemberAccounts" = Field(
        alias="enterpriseMemberAccounts"
    )
    enterprise_identity_providers: list[
        "EnterpriseAdminEnterpriseIdentityProviders"
    ] = Field(alias="enterpriseIdentityProviders")


class EnterpriseAdminEnterprisePeople(BaseModel):
    nodes: list["EnterpriseAdminEnterprisePeopleNodes"]


EnterpriseAdminEnterprisePeopleNodes = EnterprisePersonFields


class EnterpriseAdminEnterpriseSubgroups(BaseModel):
    nodes: list["EnterpriseAdminEnterpriseSubgroupsNodes"]


class EnterpriseAdminEnterpriseSubgroupsNodes(BaseModel):
    id: str
    name: str
    account_ids: list[str] = Field(alias="accountIds")


class EnterpriseAdminEnterpriseMemberAccounts(BaseModel):
    nodes: list["EnterpriseAdminEnterpriseMemberAccountsNodes"]


class EnterpriseAdminEnterpriseMemberAccountsNodes(BaseModel):
    account_id: str = Field(alias="accountId")
    name: str
    user_login_as: Optional[
        "EnterpriseAdminEnterpriseMemberAccountsNodesUserLoginAs"
    ] = Field(alias="userLoginAs")
    admin_login_as: Optional[
        "EnterpriseAdminEnterpriseMemberAccountsNodesAdminLoginAs"
    ] = Field(alias="adminLoginAs")


class EnterpriseAdminEnterpriseMemberAccountsNodesUserLoginAs(BaseModel):
    email: str


class EnterpriseAdminEnterpriseMemberAccountsNodesAdminLoginAs(BaseModel):
    email: str


class EnterpriseAdminEnterpriseIdentityProviders(BaseModel):
    key: str
    display_name: str = Field(alias="displayName")
    issuer: str
    allowed_domains: list[str] = Field(alias="allowedDomains")


EnterpriseAdmin.model_rebuild()
EnterpriseAdminEnterprisePeople.model_rebuild()
EnterpriseAdminEnterpriseSubgroups.model_rebuild()
EnterpriseAdminEnterpriseMemberAccounts.model_rebuild()
EnterpriseAdminEnterpriseMemberAccountsNodes.model_rebuild()
