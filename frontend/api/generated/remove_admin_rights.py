from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import SubscriptionFields


class RemoveAdminRights(BaseModel):
    remove_admin_rights: "RemoveAdminRightsRemoveAdminRights" = Field(
        alias="removeAdminRights"
    )


class RemoveAdminRightsRemoveAdminRights(BaseModel):
    subscription: Optional["RemoveAdminRightsRemoveAdminRightsSubscription"]
    errors: list["RemoveAdminRightsRemoveAdminRightsErrors"]


RemoveAdminRightsRemoveAdminRightsSubscription = SubscriptionFields


class RemoveAdminRightsRemoveAdminRightsErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


RemoveAdminRights.model_rebuild()
RemoveAdminRightsRemoveAdminRights.model_rebuild()
