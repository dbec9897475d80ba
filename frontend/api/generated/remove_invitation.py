from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class RemoveInvitation(BaseModel):
    remove_invitation: "RemoveInvitationRemoveInvitation" = Field(
        alias="removeInvitation"
    )


class RemoveInvitationRemoveInvitation(BaseModel):
    ok: bool
    errors: list["RemoveInvitationRemoveInvitationErrors"]


class RemoveInvitationRemoveInvitationErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


RemoveInvitation.model_rebuild()
RemoveInvitationRemoveInvitation.model_rebuild()
