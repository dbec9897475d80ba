from .base_model import BaseModel
from .fragments import AssignmentFields


class Assignments(BaseModel):
    assignments: "AssignmentsAssignments"


class AssignmentsAssignments(BaseModel):
    nodes: list["AssignmentsAssignmentsNodes"]


AssignmentsAssignmentsNodes = AssignmentFields
Assignments.model_rebuild()
AssignmentsAssignments.model_rebuild()
