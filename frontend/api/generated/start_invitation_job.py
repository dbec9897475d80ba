from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import InvitationJobFields


class StartInvitationJob(BaseModel):
    start_invitation_job: "StartInvitationJobStartInvitationJob" = Field(
        alias="startInvitationJob"
    )


class StartInvitationJobStartInvitationJob(BaseModel):
    job: Optional["StartInvitationJobStartInvitationJobJob"]
    errors: list["StartInvitationJobStartInvitationJobErrors"]


StartInvitationJobStartInvitationJobJob = InvitationJobFields


class StartInvitationJobStartInvitationJobErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


StartInvitationJob.model_rebuild()
StartInvitationJobStartInvitationJob.model_rebuild()
