from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import SignInErrorCode


class SetStudentSignInPolicy(BaseModel):
    set_student_sign_in_policy: "SetStudentSignInPolicySetStudentSignInPolicy" = Field(
        alias="setStudentSignInPolicy"
    )


class SetStudentSignInPolicySetStudentSignInPolicy(BaseModel):
    policy: Optional["SetStudentSignInPolicySetStudentSignInPolicyPolicy"]
    errors: list["SetStudentSignInPolicySetStudentSignInPolicyErrors"]


class SetStudentSignInPolicySetStudentSignInPolicyPolicy(BaseModel):
    microsoft_365_domain: Optional[str] = Field(alias="microsoft365Domain")
    phone_region: str = Field(alias="phoneRegion")


class SetStudentSignInPolicySetStudentSignInPolicyErrors(BaseModel):
    code: SignInErrorCode
    message: str
    field: Optional[str]


SetStudentSignInPolicy.model_rebuild()
SetStudentSignInPolicySetStudentSignInPolicy.model_rebuild()
