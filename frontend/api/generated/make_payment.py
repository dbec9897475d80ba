from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class MakePayment(BaseModel):
    make_payment: "MakePaymentMakePayment" = Field(alias="makePayment")


class MakePaymentMakePayment(BaseModel):
    payment: Optional["MakePaymentMakePaymentPayment"]
    errors: list["MakePaymentMakePaymentErrors"]


class MakePaymentMakePaymentPayment(BaseModel):
    id: str
    amount_cents: int = Field(alias="amountCents")


class MakePaymentMakePaymentErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


MakePayment.model_rebuild()
MakePaymentMakePayment.model_rebuild()
