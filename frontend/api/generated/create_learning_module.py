from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode
from .fragments import LearningModuleFields


class CreateLearningModule(BaseModel):
    create_learning_module: "CreateLearningModuleCreateLearningModule" = Field(
        alias="createLearningModule"
    )


class CreateLearningModuleCreateLearningModule(BaseModel):
    module: Optional["CreateLearningModuleCreateLearningModuleModule"]
    errors: list["CreateLearningModuleCreateLearningModuleErrors"]


CreateLearningModuleCreateLearningModuleModule = LearningModuleFields


class CreateLearningModuleCreateLearningModuleErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


CreateLearningModule.model_rebuild()
CreateLearningModuleCreateLearningModule.model_rebuild()
