from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class SsoProvider(BaseModel):
    sso_provider: Optional[str] = Field(alias="ssoProvider")
