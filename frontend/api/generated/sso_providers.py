from pydantic import Field

from .base_model import BaseModel


class SsoProviders(BaseModel):
    sso_providers: list["SsoProvidersSsoProviders"] = Field(alias="ssoProviders")


class SsoProvidersSsoProviders(BaseModel):
    key: str
    display_name: str = Field(alias="displayName")
    login_url: str = Field(alias="loginUrl")


SsoProviders.model_rebuild()
