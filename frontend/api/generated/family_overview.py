from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import FamilyFields, FamilyMemberFields


class FamilyOverview(BaseModel):
    family: "FamilyOverviewFamily"
    family_balance: "FamilyOverviewFamilyBalance" = Field(alias="familyBalance")
    family_members: "FamilyOverviewFamilyMembers" = Field(alias="familyMembers")
    family_students: list["FamilyOverviewFamilyStudents"] = Field(
        alias="familyStudents"
    )
    payment_methods: list["FamilyOverviewPaymentMethods"] = Field(
        alias="paymentMethods"
    )


FamilyOverviewFamily = FamilyFields


class FamilyOverviewFamilyBalance(BaseModel):
    balance_cents: int = Field(alias="balanceCents")
    charges_cents: int = Field(alias="chargesCents")
    payments_cents: int = Field(alias="paymentsCents")


class FamilyOverviewFamilyMembers(BaseModel):
    nodes: list["FamilyOverviewFamilyMembersNodes"]


FamilyOverviewFamilyMembersNodes = FamilyMemberFields


class FamilyOverviewFamilyStudents(BaseModel):
    id: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    birth_date: Optional[str] = Field(alias="birthDate")
    enrollments: list["FamilyOverviewFamilyStudentsEnrollments"]


class FamilyOverviewFamilyStudentsEnrollments(BaseModel):
    id: str
    class_name: str = Field(alias="className")
    created_at: str = Field(alias="createdAt")


class FamilyOverviewPaymentMethods(BaseModel):
    id: str
    brand: str
    last_4: str = Field(alias="last4")
    mine: bool


FamilyOverview.model_rebuild()
FamilyOverviewFamilyMembers.model_rebuild()
FamilyOverviewFamilyStudents.model_rebuild()
