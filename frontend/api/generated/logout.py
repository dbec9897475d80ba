from .base_model import BaseModel
from .enums import ErrorCode


class Logout(BaseModel):
    logout: "LogoutLogout"


class LogoutLogout(BaseModel):
    ok: bool
    errors: list["LogoutLogoutErrors"]


class LogoutLogoutErrors(BaseModel):
    code: ErrorCode
    message: str


Logout.model_rebuild()
LogoutLogout.model_rebuild()
