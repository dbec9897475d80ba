from .base_model import BaseModel
from .fragments import AssignmentFields


class Assignments(BaseModel):
    assignments: list["AssignmentsAssignments"]


AssignmentsAssignments = AssignmentFields
Assignments.model_rebuild()
