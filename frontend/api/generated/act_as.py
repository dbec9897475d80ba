from pydantic import Field

from .base_model import BaseModel
from .fragments import UserFields


class ActAs(BaseModel):
    act_as_in_account: "ActAsActAsInAccount" = Field(alias="actAsInAccount")


class ActAsActAsInAccount(BaseModel):
    access_token: str = Field(alias="accessToken")
    refresh_token: str = Field(alias="refreshToken")
    expires_in: int = Field(alias="expiresIn")
    user: "ActAsActAsInAccountUser"


ActAsActAsInAccountUser = UserFields
ActAs.model_rebuild()
ActAsActAsInAccount.model_rebuild()
