from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ActivityKind, ErrorCode


class FinishContent(BaseModel):
    finish_content: "FinishContentFinishContent" = Field(alias="finishContent")


class FinishContentFinishContent(BaseModel):
    event: Optional["FinishContentFinishContentEvent"]
    errors: list["FinishContentFinishContentErrors"]


class FinishContentFinishContentEvent(BaseModel):
    kind: ActivityKind


class FinishContentFinishContentErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


FinishContent.model_rebuild()
FinishContentFinishContent.model_rebuild()
