from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ActivityKind, ErrorCode


class OpenContent(BaseModel):
    open_content: "OpenContentOpenContent" = Field(alias="openContent")


class OpenContentOpenContent(BaseModel):
    event: Optional["OpenContentOpenContentEvent"]
    errors: list["OpenContentOpenContentErrors"]


class OpenContentOpenContentEvent(BaseModel):
    kind: ActivityKind


class OpenContentOpenContentErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


OpenContent.model_rebuild()
OpenContentOpenContent.model_rebuild()
