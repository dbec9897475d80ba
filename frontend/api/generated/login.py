from typing import Optional

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import TokensFields


class Login(BaseModel):
    login: "LoginLogin"


class LoginLogin(BaseModel):
    tokens: Optional["LoginLoginTokens"]
    errors: list["LoginLoginErrors"]


LoginLoginTokens = TokensFields


class LoginLoginErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


Login.model_rebuild()
LoginLogin.model_rebuild()
