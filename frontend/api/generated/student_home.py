from pydantic import Field

from .base_model import BaseModel


class StudentHome(BaseModel):
    student_home: "StudentHomeStudentHome" = Field(alias="studentHome")


class StudentHomeStudentHome(BaseModel):
    student_id: str = Field(alias="studentId")
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    family_name: str = Field(alias="familyName")
    account_name: str = Field(alias="accountName")
    username: str
    enrollments: list["StudentHomeStudentHomeEnrollments"]


class StudentHomeStudentHomeEnrollments(BaseModel):
    class_name: str = Field(alias="className")
    enrolled_at: str = Field(alias="enrolledAt")


StudentHome.model_rebuild()
StudentHomeStudentHome.model_rebuild()
