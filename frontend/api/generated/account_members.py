from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MembershipFields


class AccountMembers(BaseModel):
    account_members: list["AccountMembersAccountMembers"] = Field(
        alias="accountMembers"
    )


class AccountMembersAccountMembers(BaseModel):
    user: "AccountMembersAccountMembersUser"
    membership: "AccountMembersAccountMembersMembership"
    last_sign_in_at: Optional[str] = Field(alias="lastSignInAt")


class AccountMembersAccountMembersUser(BaseModel):
    id: str
    email: str
    full_name: str = Field(alias="fullName")


AccountMembersAccountMembersMembership = MembershipFields
AccountMembers.model_rebuild()
AccountMembersAccountMembers.model_rebuild()
