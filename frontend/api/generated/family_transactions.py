from pydantic import Field

from .base_model import BaseModel
from .enums import LedgerKind


class FamilyTransactions(BaseModel):
    family_transactions: list["FamilyTransactionsFamilyTransactions"] = Field(
        alias="familyTransactions"
    )


class FamilyTransactionsFamilyTransactions(BaseModel):
    id: str
    kind: LedgerKind
    amount_cents: int = Field(alias="amountCents")
    description: str
    created_at: str = Field(alias="createdAt")


FamilyTransactions.model_rebuild()
