from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import TokensFields


class Refresh(BaseModel):
    refresh_token: "RefreshRefreshToken" = Field(alias="refreshToken")


class RefreshRefreshToken(BaseModel):
    tokens: Optional["RefreshRefreshTokenTokens"]
    errors: list["RefreshRefreshTokenErrors"]


RefreshRefreshTokenTokens = TokensFields


class RefreshRefreshTokenErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


Refresh.model_rebuild()
RefreshRefreshToken.model_rebuild()
