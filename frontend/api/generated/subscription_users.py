from pydantic import Field

from .base_model import BaseModel
from .fragments import SeatUserFields


class SubscriptionUsers(BaseModel):
    subscription_users: list["SubscriptionUsersSubscriptionUsers"] = Field(
        alias="subscriptionUsers"
    )


SubscriptionUsersSubscriptionUsers = SeatUserFields
SubscriptionUsers.model_rebuild()
