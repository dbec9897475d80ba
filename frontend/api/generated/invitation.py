from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InvitationKind, InvitationStatus


class Invitation(BaseModel):
    invitation: "InvitationInvitation"


class InvitationInvitation(BaseModel):
    kind: InvitationKind
    email: str
    target_name: str = Field(alias="targetName")
    summary: str
    inviter_name: str = Field(alias="inviterName")
    status: InvitationStatus
    expires_at: str = Field(alias="expiresAt")
    existing_user: bool = Field(alias="existingUser")
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    privacy_policy_url: Optional[str] = Field(alias="privacyPolicyUrl")
    terms_url: Optional[str] = Field(alias="termsUrl")
    documents_version: Optional[str] = Field(alias="documentsVersion")


Invitation.model_rebuild()
