from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class AddPaymentMethod(BaseModel):
    add_payment_method: "AddPaymentMethodAddPaymentMethod" = Field(
        alias="addPaymentMethod"
    )


class AddPaymentMethodAddPaymentMethod(BaseModel):
    payment_method: Optional["AddPaymentMethodAddPaymentMethodPaymentMethod"] = Field(
        alias="paymentMethod"
    )
    errors: list["AddPaymentMethodAddPaymentMethodErrors"]


class AddPaymentMethodAddPaymentMethodPaymentMethod(BaseModel):
    id: str


class AddPaymentMethodAddPaymentMethodErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


AddPaymentMethod.model_rebuild()
AddPaymentMethodAddPaymentMethod.model_rebuild()
