from pydantic import Field

from .base_model import BaseModel
from .fragments import SecondaryPayloadFields


class RevokeSecondary(BaseModel):
    revoke_secondary: "RevokeSecondaryRevokeSecondary" = Field(alias="revokeSecondary")


RevokeSecondaryRevokeSecondary = SecondaryPayloadFields
RevokeSecondary.model_rebuild()
