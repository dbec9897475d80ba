from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import SignInErrorCode


class SmsInitialCredentials(BaseModel):
    sms_initial_credentials: "SmsInitialCredentialsSmsInitialCredentials" = Field(
        alias="smsInitialCredentials"
    )


class SmsInitialCredentialsSmsInitialCredentials(BaseModel):
    results: list["SmsInitialCredentialsSmsInitialCredentialsResults"]
    errors: list["SmsInitialCredentialsSmsInitialCredentialsErrors"]


class SmsInitialCredentialsSmsInitialCredentialsResults(BaseModel):
    person: str
    name: str
    sent: bool
    username: Optional[str]
    reason: Optional[SignInErrorCode]
    message: str


class SmsInitialCredentialsSmsInitialCredentialsErrors(BaseModel):
    code: SignInErrorCode
    message: str
    field: Optional[str]


SmsInitialCredentials.model_rebuild()
SmsInitialCredentialsSmsInitialCredentials.model_rebuild()
