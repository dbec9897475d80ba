from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import SubscriptionFields


class DeactivateSeat(BaseModel):
    deactivate_seat: "DeactivateSeatDeactivateSeat" = Field(alias="deactivateSeat")


class DeactivateSeatDeactivateSeat(BaseModel):
    subscription: Optional["DeactivateSeatDeactivateSeatSubscription"]
    errors: list["DeactivateSeatDeactivateSeatErrors"]


DeactivateSeatDeactivateSeatSubscription = SubscriptionFields


class DeactivateSeatDeactivateSeatErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


DeactivateSeat.model_rebuild()
DeactivateSeatDeactivateSeat.model_rebuild()
