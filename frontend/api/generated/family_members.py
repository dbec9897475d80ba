from pydantic import Field

from .base_model import BaseModel
from .fragments import FamilyMemberFields


class FamilyMembers(BaseModel):
    family_members: "FamilyMembersFamilyMembers" = Field(alias="familyMembers")


class FamilyMembersFamilyMembers(BaseModel):
    nodes: list["FamilyMembersFamilyMembersNodes"]


FamilyMembersFamilyMembersNodes = FamilyMemberFields
FamilyMembers.model_rebuild()
FamilyMembersFamilyMembers.model_rebuild()
