from pydantic import Field

from .base_model import BaseModel
from .enums import SeatUserStatus
from .fragments import SubscriptionFields


class MySubscriptions(BaseModel):
    my_subscriptions: list["MySubscriptionsMySubscriptions"] = Field(
        alias="mySubscriptions"
    )


class MySubscriptionsMySubscriptions(BaseModel):
    is_admin: bool = Field(alias="isAdmin")
    status: SeatUserStatus
    subscription: "MySubscriptionsMySubscriptionsSubscription"


MySubscriptionsMySubscriptionsSubscription = SubscriptionFields
MySubscriptions.model_rebuild()
MySubscriptionsMySubscriptions.model_rebuild()
