from pydantic import Field

from .base_model import BaseModel
from .fragments import SecondaryPayloadFields


class SetAccountAccess(BaseModel):
    set_account_access: "SetAccountAccessSetAccountAccess" = Field(
        alias="setAccountAccess"
    )


SetAccountAccessSetAccountAccess = SecondaryPayloadFields
SetAccountAccess.model_rebuild()
