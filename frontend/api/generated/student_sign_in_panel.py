from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import StudentSignInFields


class StudentSignInPanel(BaseModel):
    student_sign_in: "StudentSignInPanelStudentSignIn" = Field(alias="studentSignIn")
    student_sign_in_policy: "StudentSignInPanelStudentSignInPolicy" = Field(
        alias="studentSignInPolicy"
    )


StudentSignInPanelStudentSignIn = StudentSignInFields


class StudentSignInPanelStudentSignInPolicy(BaseModel):
    microsoft_365_domain: Optional[str] = Field(alias="microsoft365Domain")
    phone_region: str = Field(alias="phoneRegion")


StudentSignInPanel.model_rebuild()
