from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import TeamFields


class AddTeamMembers(BaseModel):
    add_team_members: "AddTeamMembersAddTeamMembers" = Field(alias="addTeamMembers")


class AddTeamMembersAddTeamMembers(BaseModel):
    team: Optional["AddTeamMembersAddTeamMembersTeam"]
    errors: list["AddTeamMembersAddTeamMembersErrors"]


AddTeamMembersAddTeamMembersTeam = TeamFields


class AddTeamMembersAddTeamMembersErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


AddTeamMembers.model_rebuild()
AddTeamMembersAddTeamMembers.model_rebuild()
