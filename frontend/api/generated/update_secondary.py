from pydantic import Field

from .base_model import BaseModel
from .fragments import SecondaryPayloadFields


class UpdateSecondary(BaseModel):
    update_secondary: "UpdateSecondaryUpdateSecondary" = Field(alias="updateSecondary")


UpdateSecondaryUpdateSecondary = SecondaryPayloadFields
UpdateSecondary.model_rebuild()
