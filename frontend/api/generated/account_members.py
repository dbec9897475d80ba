from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MembershipFields


class AccountMembers(BaseModel):
    account_members: "AccountMembersAccountMembers" = Field(alias="accountMembers")


class AccountMembersAccountMembers(BaseModel):
    nodes: list["AccountMembersAccountMembersNodes"]


class AccountMembersAccountMembersNodes(BaseModel):
    user: "AccountMembersAccountMembersNodesUser"
    membership: "AccountMembersAccountMembersNodesMembership"
    last_sign_in_at: Optional[str] = Field(alias="lastSignInAt")


class AccountMembersAccountMembersNodesUser(BaseModel):
    id: str
    email: str
    full_name: str = Field(alias="fullName")


AccountMembersAccountMembersNodesMembership = MembershipFields
AccountMembers.model_rebuild()
AccountMembersAccountMembers.model_rebuild()
AccountMembersAccountMembersNodes.model_rebuild()
