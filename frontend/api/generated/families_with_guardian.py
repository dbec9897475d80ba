from pydantic import Field

from .base_model import BaseModel
from .fragments import OfficeFamilyFields


class FamiliesWithGuardian(BaseModel):
    families_with_guardian: list["FamiliesWithGuardianFamiliesWithGuardian"] = Field(
        alias="familiesWithGuardian"
    )


FamiliesWithGuardianFamiliesWithGuardian = OfficeFamilyFields
FamiliesWithGuardian.model_rebuild()
