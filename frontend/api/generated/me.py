from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import MembershipRole, MembershipStatus, Module, Permission
from .fragments import UserFields


class Me(BaseModel):
    me: Optional["MeMe"]


class MeMe(BaseModel):
    user: "MeMeUser"
    is_enterprise_user: bool = Field(alias="isEnterpriseUser")
    act_as_account_id: Optional[str] = Field(alias="actAsAccountId")
    memberships: list["MeMeMemberships"]


MeMeUser = UserFields


class MeMeMemberships(BaseModel):
    id: str
    role: MembershipRole
    status: MembershipStatus
    modules: list[Module]
    sub_account_ids: list[str] = Field(alias="subAccountIds")
    permissions: list[Permission]
    account: "MeMeMembershipsAccount"


class MeMeMembershipsAccount(BaseModel):
    id: str
    name: str
    parent_id: Optional[str] = Field(alias="parentId")


Me.model_rebuild()
MeMe.model_rebuild()
MeMeMemberships.model_rebuild()
