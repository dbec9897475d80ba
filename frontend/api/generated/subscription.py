from .base_model import BaseModel
from .fragments import SubscriptionFields


class Subscription(BaseModel):
    subscription: "SubscriptionSubscription"


SubscriptionSubscription = SubscriptionFields
Subscription.model_rebuild()
