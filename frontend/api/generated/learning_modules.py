from pydantic import Field

from .base_model import BaseModel
from .fragments import LearningModuleFields


class LearningModules(BaseModel):
    learning_modules: list["LearningModulesLearningModules"] = Field(
        alias="learningModules"
    )


LearningModulesLearningModules = LearningModuleFields
LearningModules.model_rebuild()
