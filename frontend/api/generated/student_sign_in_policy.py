from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class StudentSignInPolicy(BaseModel):
    student_sign_in_policy: "StudentSignInPolicyStudentSignInPolicy" = Field(
        alias="studentSignInPolicy"
    )


class StudentSignInPolicyStudentSignInPolicy(BaseModel):
    microsoft_365_domain: Optional[str] = Field(alias="microsoft365Domain")
    phone_region: str = Field(alias="phoneRegion")


StudentSignInPolicy.model_rebuild()
