from pydantic import Field

from .base_model import BaseModel
from .enums import ContentKind


class ContentItems(BaseModel):
    content_items: list["ContentItemsContentItems"] = Field(alias="contentItems")


class ContentItemsContentItems(BaseModel):
    id: str
    kind: ContentKind
    title: str
    minutes: int


ContentItems.model_rebuild()
