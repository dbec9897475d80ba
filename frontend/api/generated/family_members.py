from pydantic import Field

from .base_model import BaseModel
from .fragments import FamilyMemberFields


class FamilyMembers(BaseModel):
    family_members: list["FamilyMembersFamilyMembers"] = Field(alias="familyMembers")


FamilyMembersFamilyMembers = FamilyMemberFields
FamilyMembers.model_rebuild()
