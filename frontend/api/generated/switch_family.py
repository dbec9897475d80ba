from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class SwitchFamily(BaseModel):
    switch_family: "SwitchFamilySwitchFamily" = Field(alias="switchFamily")


class SwitchFamilySwitchFamily(BaseModel):
    family: Optional["SwitchFamilySwitchFamilyFamily"]
    errors: list["SwitchFamilySwitchFamilyErrors"]


class SwitchFamilySwitchFamilyFamily(BaseModel):
    id: str
    name: str


class SwitchFamilySwitchFamilyErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


SwitchFamily.model_rebuild()
SwitchFamilySwitchFamily.model_rebuild()
