from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import TeamFields


class CreateTeam(BaseModel):
    create_team: "CreateTeamCreateTeam" = Field(alias="createTeam")


class CreateTeamCreateTeam(BaseModel):
    team: Optional["CreateTeamCreateTeamTeam"]
    errors: list["CreateTeamCreateTeamErrors"]


CreateTeamCreateTeamTeam = TeamFields


class CreateTeamCreateTeamErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


CreateTeam.model_rebuild()
CreateTeamCreateTeam.model_rebuild()
