from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import EnterpriseLevel, MembershipRole, Module, SeatAccess


class AssignModuleInput(BaseModel):
    """Assign a module to people and/or teams."""

    module_id: str = Field(alias="moduleId")
    "The module."
    user_ids: list[str] = Field(alias="userIds", default_factory=lambda: [])
    "People on the subscription."
    team_ids: list[str] = Field(alias="teamIds", default_factory=lambda: [])
    "Teams of the subscription."
    due_on: str = Field(alias="dueOn")
    "Due date."


class CreateEnterpriseUserInput(BaseModel):
    """A person to add to an enterprise group."""

    email: str
    "The email they sign in with at the group's provider (must be verified there)."
    first_name: str = Field(alias="firstName", default="")
    "First name."
    last_name: str = Field(alias="lastName", default="")
    "Last name."
    level: EnterpriseLevel = EnterpriseLevel.USER
    "ADMIN or USER."
    subgroup_id: Optional[str] = Field(alias="subgroupId", default=None)
    "Their subgroup; null: the whole group (a subgroup admin's people go to their own subgroup)."


class CreateLearningModuleInput(BaseModel):
    """A new learning module."""

    name: str
    "Name."
    description: str = ""
    "Description."
    content_ids: list[str] = Field(alias="contentIds")
    "Content items, in order."


class InviteSeatUserInput(BaseModel):
    """Whom to invite to a subscription, and with what access."""

    first_name: str = Field(alias="firstName")
    "First name."
    last_name: str = Field(alias="lastName")
    "Last name."
    email: str
    "Email address the invitation goes to."
    access: SeatAccess
    "SUBSCRIPTION (a seat), ADMIN (seat admin, no seat) or BOTH."
    team_id: Optional[str] = Field(alias="teamId", default=None)
    "A team to put the person in, if any."


class InviteUsersInput(BaseModel):
    """Who to invite to an account, and with what permissions."""

    emails: list[str]
    "Addresses to invite (at most MAX_INVITES_PER_CALL, default 100)."
    role: MembershipRole = MembershipRole.USER
    "USER or ADMIN. Default USER."
    modules: list[Module] = Field(default_factory=lambda: [])
    "Modules for a USER; PRICING, PAYMENT or USER_MANAGEMENT for a USER is refused (MODULE_NOT_ALLOWED). ADMIN holds all."
    sub_account_ids: list[str] = Field(
        alias="subAccountIds", default_factory=lambda: []
    )
    "Sub-accounts the person may see; empty means all."


class PrimaryGuardianInput(BaseModel):
    """The primary guardian of a new family."""

    email: str
    "Their email. A person who already signs in with it becomes primary at once; anyone else is invited."
    first_name: str = Field(alias="firstName")
    "First name (used in the invitation; a person who already signs in keeps their own)."
    last_name: str = Field(alias="lastName", default="")
    "Last name."


class SecondaryInput(BaseModel):
    """A secondary user's details. The email is required before an invitation can be sent."""

    email: str
    "Where the invitation goes."
    first_name: str = Field(alias="firstName")
    "First name."
    last_name: str = Field(alias="lastName", default="")
    "Last name."


class StartInvitationJobInput(BaseModel):
    """A list to invite in the background (up to 10,000 rows)."""

    list_: str = Field(alias="list")
    "CSV with a header (email, first_name, last_name, role) or a pasted list: one address per line, optionally followed by first name, last name and role (user or admin), separated by commas."
    role: MembershipRole = MembershipRole.USER
    "Role for rows that give none. Default USER."
    modules: list[Module] = Field(default_factory=lambda: [])
    "Modules for USER rows; PRICING, PAYMENT or USER_MANAGEMENT with USER rows is MODULE_NOT_ALLOWED."
    sub_account_ids: list[str] = Field(
        alias="subAccountIds", default_factory=lambda: []
    )
    "Sub-accounts everyone invited may use; empty means all."
