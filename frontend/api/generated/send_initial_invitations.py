from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import SignInErrorCode


class SendInitialInvitations(BaseModel):
    send_initial_invitations: "SendInitialInvitationsSendInitialInvitations" = Field(
        alias="sendInitialInvitations"
    )


class SendInitialInvitationsSendInitialInvitations(BaseModel):
    results: list["SendInitialInvitationsSendInitialInvitationsResults"]
    errors: list["SendInitialInvitationsSendInitialInvitationsErrors"]


class SendInitialInvitationsSendInitialInvitationsResults(BaseModel):
    person: str
    name: str
    sent: bool
    username: Optional[str]
    reason: Optional[SignInErrorCode]
    message: str


class SendInitialInvitationsSendInitialInvitationsErrors(BaseModel):
    code: SignInErrorCode
    message: str
    field: Optional[str]


SendInitialInvitations.model_rebuild()
SendInitialInvitationsSendInitialInvitations.model_rebuild()
