from pydantic import Field

from .base_model import BaseModel
from .enums import LedgerKind


class FamilyTransactions(BaseModel):
    family_transactions: "FamilyTransactionsFamilyTransactions" = Field(
        alias="familyTransactions"
    )


class FamilyTransactionsFamilyTransactions(BaseModel):
    nodes: list["FamilyTransactionsFamilyTransactionsNodes"]


class FamilyTransactionsFamilyTransactionsNodes(BaseModel):
    id: str
    kind: LedgerKind
    amount_cents: int = Field(alias="amountCents")
    description: str
    created_at: str = Field(alias="createdAt")


FamilyTransactions.model_rebuild()
FamilyTransactionsFamilyTransactions.model_rebuild()
