from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import TeamFields


class RemoveTeamMember(BaseModel):
    remove_team_member: "RemoveTeamMemberRemoveTeamMember" = Field(
        alias="removeTeamMember"
    )


class RemoveTeamMemberRemoveTeamMember(BaseModel):
    team: Optional["RemoveTeamMemberRemoveTeamMemberTeam"]
    errors: list["RemoveTeamMemberRemoveTeamMemberErrors"]


RemoveTeamMemberRemoveTeamMemberTeam = TeamFields


class RemoveTeamMemberRemoveTeamMemberErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


RemoveTeamMember.model_rebuild()
RemoveTeamMemberRemoveTeamMember.model_rebuild()
