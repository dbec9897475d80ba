from pydantic import Field

from .base_model import BaseModel
from .fragments import SecondaryPayloadFields


class InviteSecondary(BaseModel):
    invite_secondary: "InviteSecondaryInviteSecondary" = Field(alias="inviteSecondary")


InviteSecondaryInviteSecondary = SecondaryPayloadFields
InviteSecondary.model_rebuild()
