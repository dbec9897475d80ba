from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MembershipFields


class AccountMembers(BaseModel):
    account_members: "AccountMembersAccountMembers" = Field(alias="accountMembers")


class AccountMembersAccountMembers(BaseModel):
    page_info: "AccountMembersAccountMembersPageInfo" = Field(alias="pageInfo")
    nodes: list["AccountMembersAccountMembersNodes"]


class AccountMembersAccountMembersPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


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
