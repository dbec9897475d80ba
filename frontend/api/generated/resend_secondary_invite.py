from pydantic import Field

from .base_model import BaseModel
from .fragments import SecondaryPayloadFields


class ResendSecondaryInvite(BaseModel):
    resend_secondary_invite: "ResendSecondaryInviteResendSecondaryInvite" = Field(
        alias="resendSecondaryInvite"
    )


ResendSecondaryInviteResendSecondaryInvite = SecondaryPayloadFields
ResendSecondaryInvite.model_rebuild()
