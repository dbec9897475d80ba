from pydantic import Field

from .base_model import BaseModel
from .enums import ContentKind


class ContentItems(BaseModel):
    content_items: "ContentItemsContentItems" = Field(alias="contentItems")


class ContentItemsContentItems(BaseModel):
    nodes: list["ContentItemsContentItemsNodes"]


class ContentItemsContentItemsNodes(BaseModel):
    id: str
    kind: ContentKind
    title: str
    minutes: int


ContentItems.model_rebuild()
ContentItemsContentItems.model_rebuild()
