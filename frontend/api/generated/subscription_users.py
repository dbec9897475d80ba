from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import SeatUserFields


class SubscriptionUsers(BaseModel):
    subscription_users: "SubscriptionUsersSubscriptionUsers" = Field(
        alias="subscriptionUsers"
    )


class SubscriptionUsersSubscriptionUsers(BaseModel):
    nodes: list["SubscriptionUsersSubscriptionUsersNodes"]
    page_info: "SubscriptionUsersSubscriptionUsersPageInfo" = Field(alias="pageInfo")


SubscriptionUsersSubscriptionUsersNodes = SeatUserFields


class SubscriptionUsersSubscriptionUsersPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


SubscriptionUsers.model_rebuild()
SubscriptionUsersSubscriptionUsers.model_rebuild()
