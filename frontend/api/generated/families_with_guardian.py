from pydantic import Field

from .base_model import BaseModel
from .fragments import OfficeFamilyFields


class FamiliesWithGuardian(BaseModel):
    families_with_guardian: "FamiliesWithGuardianFamiliesWithGuardian" = Field(
        alias="familiesWithGuardian"
    )


class FamiliesWithGuardianFamiliesWithGuardian(BaseModel):
    nodes: list["FamiliesWithGuardianFamiliesWithGuardianNodes"]


FamiliesWithGuardianFamiliesWithGuardianNodes = OfficeFamilyFields
FamiliesWithGuardian.model_rebuild()
FamiliesWithGuardianFamiliesWithGuardian.model_rebuild()
