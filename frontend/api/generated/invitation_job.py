from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InviteOutcome
from .fragments import InvitationJobFields


class InvitationJob(BaseModel):
    invitation_job: "InvitationJobInvitationJob" = Field(alias="invitationJob")


class InvitationJobInvitationJob(InvitationJobFields):
    rows: list["InvitationJobInvitationJobRows"]


class InvitationJobInvitationJobRows(BaseModel):
    line: int
    email: str
    outcome: Optional[InviteOutcome]
    message: str


InvitationJob.model_rebuild()
InvitationJobInvitationJob.model_rebuild()
