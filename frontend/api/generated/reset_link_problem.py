from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ErrorCode


class ResetLinkProblem(BaseModel):
    password_reset_link_problem: Optional[ErrorCode] = Field(
        alias="passwordResetLinkProblem"
    )
