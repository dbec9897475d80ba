from pydantic import Field

from .base_model import BaseModel


class InvitationJobCsv(BaseModel):
    invitation_job: "InvitationJobCsvInvitationJob" = Field(alias="invitationJob")


class InvitationJobCsvInvitationJob(BaseModel):
    results_csv: str = Field(alias="resultsCsv")


InvitationJobCsv.model_rebuild()
