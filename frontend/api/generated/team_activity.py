from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import SeatUserStatus
from .fragments import ActivityTotalsFields


class TeamActivity(BaseModel):
    team_activity: "TeamActivityTeamActivity" = Field(alias="teamActivity")


class TeamActivityTeamActivity(BaseModel):
    team: "TeamActivityTeamActivityTeam"
    totals: "TeamActivityTeamActivityTotals"
    members: "TeamActivityTeamActivityMembers"
    assignments: list["TeamActivityTeamActivityAssignments"]
    download_path: str = Field(alias="downloadPath")


class TeamActivityTeamActivityTeam(BaseModel):
    id: str
    name: str


TeamActivityTeamActivityTotals = ActivityTotalsFields


class TeamActivityTeamActivityMembers(BaseModel):
    nodes: list["TeamActivityTeamActivityMembersNodes"]


class TeamActivityTeamActivityMembersNodes(BaseModel):
    user: "TeamActivityTeamActivityMembersNodesUser"
    status: SeatUserStatus
    assignments_done: int = Field(alias="assignmentsDone")
    assignments_total: int = Field(alias="assignmentsTotal")
    totals: "TeamActivityTeamActivityMembersNodesTotals"


class TeamActivityTeamActivityMembersNodesUser(BaseModel):
    id: str
    full_name: str = Field(alias="fullName")
    email: str


class TeamActivityTeamActivityMembersNodesTotals(ActivityTotalsFields):
    last_login_at: Optional[str] = Field(alias="lastLoginAt")


class TeamActivityTeamActivityAssignments(BaseModel):
    id: str
    module_name: str = Field(alias="moduleName")
    due_on: str = Field(alias="dueOn")
    overdue: bool
    assigned_count: int = Field(alias="assignedCount")
    completed_count: int = Field(alias="completedCount")


TeamActivity.model_rebuild()
TeamActivityTeamActivity.model_rebuild()
TeamActivityTeamActivityMembers.model_rebuild()
TeamActivityTeamActivityMembersNodes.model_rebuild()
