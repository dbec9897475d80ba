from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import AssignmentFields


class AssignModule(BaseModel):
    assign_module: "AssignModuleAssignModule" = Field(alias="assignModule")


class AssignModuleAssignModule(BaseModel):
    assignment: Optional["AssignModuleAssignModuleAssignment"]
    errors: list["AssignModuleAssignModuleErrors"]


AssignModuleAssignModuleAssignment = AssignmentFields


class AssignModuleAssignModuleErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


AssignModule.model_rebuild()
AssignModuleAssignModule.model_rebuild()
