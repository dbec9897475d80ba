from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import OfficeFamilyFields


class CreateFamily(BaseModel):
    create_family: "CreateFamilyCreateFamily" = Field(alias="createFamily")


class CreateFamilyCreateFamily(BaseModel):
    family: Optional["CreateFamilyCreateFamilyFamily"]
    errors: list["CreateFamilyCreateFamilyErrors"]


CreateFamilyCreateFamilyFamily = OfficeFamilyFields


class CreateFamilyCreateFamilyErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


CreateFamily.model_rebuild()
CreateFamilyCreateFamily.model_rebuild()
