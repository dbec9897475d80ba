from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import DueState, SeatUserStatus
from .fragments import LearnerItemFields


class MyLearning(BaseModel):
    my_learning: list["MyLearningMyLearning"] = Field(alias="myLearning")


class MyLearningMyLearning(BaseModel):
    status: SeatUserStatus
    can_open: bool = Field(alias="canOpen")
    subscription: "MyLearningMyLearningSubscription"
    assignments: list["MyLearningMyLearningAssignments"]
    library: list["MyLearningMyLearningLibrary"]


class MyLearningMyLearningSubscription(BaseModel):
    id: str
    name: str
    starts_on: str = Field(alias="startsOn")
    ends_on: str = Field(alias="endsOn")
    within_access_dates: bool = Field(alias="withinAccessDates")


class MyLearningMyLearningAssignments(BaseModel):
    id: str
    module_name: str = Field(alias="moduleName")
    module_description: str = Field(alias="moduleDescription")
    due_on: str = Field(alias="dueOn")
    state: DueState
    completed_items: int = Field(alias="completedItems")
    total_items: int = Field(alias="totalItems")
    completed_at: Optional[str] = Field(alias="completedAt")
    items: list["MyLearningMyLearningAssignmentsItems"]


MyLearningMyLearningAssignmentsItems = LearnerItemFields
MyLearningMyLearningLibrary = LearnerItemFields
MyLearning.model_rebuild()
MyLearningMyLearning.model_rebuild()
MyLearningMyLearningAssignments.model_rebuild()
