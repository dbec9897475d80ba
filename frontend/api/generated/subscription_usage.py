from pydantic import Field

from .base_model import BaseModel


class SubscriptionUsage(BaseModel):
    subscription_usage: list["SubscriptionUsageSubscriptionUsage"] = Field(
        alias="subscriptionUsage"
    )


class SubscriptionUsageSubscriptionUsage(BaseModel):
    day: str
    active_users: int = Field(alias="activeUsers")
    logins: int
    viewings: int
    viewed_completely: int = Field(alias="viewedCompletely")
    labs: int


SubscriptionUsage.model_rebuild()
