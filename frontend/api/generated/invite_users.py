from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode, InviteOutcome


class InviteUsers(BaseModel):
    invite_users: "InviteUsersInviteUsers" = Field(alias="inviteUsers")


class InviteUsersInviteUsers(BaseModel):
    invited_count: int = Field(alias="invitedCount")
    results: list["InviteUsersInviteUsersResults"]
    errors: list["InviteUsersInviteUsersErrors"]


class InviteUsersInviteUsersResults(BaseModel):
    email: str
    outcome: InviteOutcome
    message: str


class InviteUsersInviteUsersErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


InviteUsers.model_rebuild()
InviteUsersInviteUsers.model_rebuild()
