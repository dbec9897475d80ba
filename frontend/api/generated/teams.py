from .base_model import BaseModel
from .fragments import TeamFields


class Teams(BaseModel):
    teams: list["TeamsTeams"]


TeamsTeams = TeamFields
Teams.model_rebuild()
