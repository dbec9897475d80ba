from pydantic import Field

from .base_model import BaseModel
from .fragments import LearningModuleFields


class LearningModules(BaseModel):
    learning_modules: "LearningModulesLearningModules" = Field(alias="learningModules")


class LearningModulesLearningModules(BaseModel):
    nodes: list["LearningModulesLearningModulesNodes"]


LearningModulesLearningModulesNodes = LearningModuleFields
LearningModules.model_rebuild()
LearningModulesLearningModules.model_rebuild()
