from pydantic import Field

from .base_model import BaseModel
from .enums import LedgerKind


class FamilyDetail(BaseModel):
    family_balance: "FamilyDetailFamilyBalance" = Field(alias="familyBalance")
    family_students: list["FamilyDetailFamilyStudents"] = Field(alias="familyStudents")
    family_transactions: "FamilyDetailFamilyTransactions" = Field(
        alias="familyTransactions"
    )


class FamilyDetailFamilyBalance(BaseModel):
    balance_cents: int = Field(alias="balanceCents")


class FamilyDetailFamilyStudents(BaseModel):
    id: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    enrollments: list["FamilyDetailFamilyStudentsEnrollments"]


class FamilyDetailFamilyStudentsEnrollments(BaseModel):
    id: str
    class_name: str = Field(alias="className")


class FamilyDetailFamilyTransactions(BaseModel):
    nodes: list["FamilyDetailFamilyTransactionsNodes"]


class FamilyDetailFamilyTransactionsNodes(BaseModel):
    id: str
    kind: LedgerKind
    amount_cents: int = Field(alias="amountCents")
    description: str
    created_at: str = Field(alias="createdAt")


FamilyDetail.model_rebuild()
FamilyDetailFamilyStudents.model_rebuild()
FamilyDetailFamilyTransactions.model_rebuild()
