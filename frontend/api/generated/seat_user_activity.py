from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ActivityKind, ContentKind
from .fragments import SeatUserFields


class SeatUserActivity(BaseModel):
    seat_user_activity: "SeatUserActivitySeatUserActivity" = Field(
        alias="seatUserActivity"
    )


class SeatUserActivitySeatUserActivity(BaseModel):
    seat_user: "SeatUserActivitySeatUserActivitySeatUser" = Field(alias="seatUser")
    teams: list["SeatUserActivitySeatUserActivityTeams"]
    logins: int
    viewings_started: int = Field(alias="viewingsStarted")
    viewed_completely: int = Field(alias="viewedCompletely")
    labs_started: int = Field(alias="labsStarted")
    labs_completed: int = Field(alias="labsCompleted")
    last_login_at: Optional[str] = Field(alias="lastLoginAt")
    download_path: str = Field(alias="downloadPath")
    events: "SeatUserActivitySeatUserActivityEvents"
    assignments: list["SeatUserActivitySeatUserActivityAssignments"]


SeatUserActivitySeatUserActivitySeatUser = SeatUserFields


class SeatUserActivitySeatUserActivityTeams(BaseModel):
    id: str
    name: str


class SeatUserActivitySeatUserActivityEvents(BaseModel):
    nodes: list["SeatUserActivitySeatUserActivityEventsNodes"]


class SeatUserActivitySeatUserActivityEventsNodes(BaseModel):
    id: str
    kind: ActivityKind
    occurred_at: str = Field(alias="occurredAt")
    content: Optional["SeatUserActivitySeatUserActivityEventsNodesContent"]


class SeatUserActivitySeatUserActivityEventsNodesContent(BaseModel):
    title: str
    kind: ContentKind


class SeatUserActivitySeatUserActivityAssignments(BaseModel):
    id: str
    module_name: str = Field(alias="moduleName")
    due_on: str = Field(alias="dueOn")
    overdue: bool
    people: list["SeatUserActivitySeatUserActivityAssignmentsPeople"]


class SeatUserActivitySeatUserActivityAssignmentsPeople(BaseModel):
    completed_items: int = Field(alias="completedItems")
    total_items: int = Field(alias="totalItems")
    complete: bool


SeatUserActivity.model_rebuild()
SeatUserActivitySeatUserActivity.model_rebuild()
SeatUserActivitySeatUserActivityEvents.model_rebuild()
SeatUserActivitySeatUserActivityEventsNodes.model_rebuild()
SeatUserActivitySeatUserActivityAssignments.model_rebuild()
