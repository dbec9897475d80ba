from pydantic import Field

from .base_model import BaseModel
from .fragments import SecondaryPayloadFields


class AddSecondary(BaseModel):
    add_secondary: "AddSecondaryAddSecondary" = Field(alias="addSecondary")


AddSecondaryAddSecondary = SecondaryPayloadFields
AddSecondary.model_rebuild()
