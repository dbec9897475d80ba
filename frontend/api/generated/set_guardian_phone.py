from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import SignInErrorCode


class SetGuardianPhone(BaseModel):
    set_guardian_phone: "SetGuardianPhoneSetGuardianPhone" = Field(
        alias="setGuardianPhone"
    )


class SetGuardianPhoneSetGuardianPhone(BaseModel):
    phone: Optional[str]
    errors: list["SetGuardianPhoneSetGuardianPhoneErrors"]


class SetGuardianPhoneSetGuardianPhoneErrors(BaseModel):
    code: SignInErrorCode
    message: str
    field: Optional[str]


SetGuardianPhone.model_rebuild()
SetGuardianPhoneSetGuardianPhone.model_rebuild()
