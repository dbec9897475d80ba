from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import TeamFields


class Teams(BaseModel):
    teams: "TeamsTeams"


class TeamsTeams(BaseModel):
    nodes: list["TeamsTeamsNodes"]
    page_info: "TeamsTeamsPageInfo" = Field(alias="pageInfo")


TeamsTeamsNodes = TeamFields


class TeamsTeamsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


Teams.model_rebuild()
TeamsTeams.model_rebuild()
