from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import SubscriptionFields


class ActivateSeat(BaseModel):
    activate_seat: "ActivateSeatActivateSeat" = Field(alias="activateSeat")


class ActivateSeatActivateSeat(BaseModel):
    subscription: Optional["ActivateSeatActivateSeatSubscription"]
    errors: list["ActivateSeatActivateSeatErrors"]


ActivateSeatActivateSeatSubscription = SubscriptionFields


class ActivateSeatActivateSeatErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


ActivateSeat.model_rebuild()
ActivateSeatActivateSeat.model_rebuild()
