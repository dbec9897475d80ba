from pydantic import Field

from .base_model import BaseModel


class FamilyBalance(BaseModel):
    family_balance: "FamilyBalanceFamilyBalance" = Field(alias="familyBalance")


class FamilyBalanceFamilyBalance(BaseModel):
    balance_cents: int = Field(alias="balanceCents")


FamilyBalance.model_rebuild()
