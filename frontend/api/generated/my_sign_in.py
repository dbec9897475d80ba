from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import UserAccountType


class MySignIn(BaseModel):
    my_sign_in: "MySignInMySignIn" = Field(alias="mySignIn")


class MySignInMySignIn(BaseModel):
    user_type: Optional[UserAccountType] = Field(alias="userType")
    must_change_password: bool = Field(alias="mustChangePassword")


MySignIn.model_rebuild()
