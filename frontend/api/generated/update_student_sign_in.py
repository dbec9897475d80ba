from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import SignInErrorCode
from .fragments import StudentSignInFields


class UpdateStudentSignIn(BaseModel):
    update_student_sign_in: "UpdateStudentSignInUpdateStudentSignIn" = Field(
        alias="updateStudentSignIn"
    )


class UpdateStudentSignInUpdateStudentSignIn(BaseModel):
    sign_in: Optional["UpdateStudentSignInUpdateStudentSignInSignIn"] = Field(
        alias="signIn"
    )
    errors: list["UpdateStudentSignInUpdateStudentSignInErrors"]


UpdateStudentSignInUpdateStudentSignInSignIn = StudentSignInFields


class UpdateStudentSignInUpdateStudentSignInErrors(BaseModel):
    code: SignInErrorCode
    message: str
    field: Optional[str]


UpdateStudentSignIn.model_rebuild()
UpdateStudentSignInUpdateStudentSignIn.model_rebuild()
