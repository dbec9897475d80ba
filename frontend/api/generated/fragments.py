from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    ContentKind,
    CredentialChannel,
    EnterpriseLevel,
    ErrorCode,
    FamilyMemberStatus,
    FamilyRole,
    InvitationJobStatus,
    InvitationKind,
    InvitationStatus,
    MembershipRole,
    MembershipStatus,
    Module,
    SeatUserStatus,
    SignInErrorCode,
    SignInStatus,
    UserAccountType,
)


class ActivityTotalsFields(BaseModel):
    logins: int
    viewings_started: int = Field(alias="viewingsStarted")
    viewed_completely: int = Field(alias="viewedCompletely")
    labs_started: int = Field(alias="labsStarted")
    labs_completed: int = Field(alias="labsCompleted")


class AssignmentFields(BaseModel):
    id: str
    module_name: str = Field(alias="moduleName")
    due_on: str = Field(alias="dueOn")
    overdue: bool
    team_names: list[str] = Field(alias="teamNames")
    assigned_count: int = Field(alias="assignedCount")
    completed_count: int = Field(alias="completedCount")
    in_progress_count: int = Field(alias="inProgressCount")
    not_started_count: int = Field(alias="notStartedCount")
    completion_rate: float = Field(alias="completionRate")


class EnterprisePersonFields(BaseModel):
    id: str
    email: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    level: EnterpriseLevel
    active: bool
    linked: bool
    subgroup_id: Optional[str] = Field(alias="subgroupId")


class FamilyFields(BaseModel):
    id: str
    name: str
    account_name: str = Field(alias="accountName")
    primary_guardian_name: str = Field(alias="primaryGuardianName")
    my_role: FamilyRole = Field(alias="myRole")
    can_view_ledger: bool = Field(alias="canViewLedger")
    can_make_payments: bool = Field(alias="canMakePayments")
    can_manage_students: bool = Field(alias="canManageStudents")


class FamilyMemberFields(BaseModel):
    id: str
    role: FamilyRole
    status: FamilyMemberStatus
    email: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    view_full_ledger: bool = Field(alias="viewFullLedger")
    can_make_payments: bool = Field(alias="canMakePayments")
    can_edit_contact: bool = Field(alias="canEditContact")
    invitation_expires_at: Optional[str] = Field(alias="invitationExpiresAt")
    invitations_sent: int = Field(alias="invitationsSent")


class InvitationFields(BaseModel):
    id: str
    kind: InvitationKind
    email: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    status: InvitationStatus
    send_count: int = Field(alias="sendCount")
    expires_at: str = Field(alias="expiresAt")
    last_sent_at: str = Field(alias="lastSentAt")
    created_at: str = Field(alias="createdAt")
    disposable: bool


class InvitationJobFields(BaseModel):
    id: str
    status: InvitationJobStatus
    total: int
    done: int
    invited: int
    finished_at: Optional[str] = Field(alias="finishedAt")


class LearnerItemFields(BaseModel):
    content: "LearnerItemFieldsContent"
    started: bool
    done: bool


class LearnerItemFieldsContent(BaseModel):
    id: str
    kind: ContentKind
    title: str
    minutes: int


class LearningModuleFields(BaseModel):
    id: str
    name: str
    description: str
    items: list["LearningModuleFieldsItems"]


class LearningModuleFieldsItems(BaseModel):
    id: str


class MembershipFields(BaseModel):
    id: str
    role: MembershipRole
    status: MembershipStatus
    modules: list[Module]
    sub_account_ids: list[str] = Field(alias="subAccountIds")


class OfficeFamilyFields(BaseModel):
    id: str
    name: str
    primary_guardian_name: str = Field(alias="primaryGuardianName")
    primary_guardian_email: str = Field(alias="primaryGuardianEmail")
    primary_guardian_status: FamilyMemberStatus = Field(alias="primaryGuardianStatus")


class SeatUserFields(BaseModel):
    user: Optional["SeatUserFieldsUser"]
    email: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    status: SeatUserStatus
    is_admin: bool = Field(alias="isAdmin")
    has_content_access: bool = Field(alias="hasContentAccess")
    teams: list[str]
    last_sign_in_at: Optional[str] = Field(alias="lastSignInAt")
    invitation: Optional["SeatUserFieldsInvitation"]


class SeatUserFieldsUser(BaseModel):
    id: str
    full_name: str = Field(alias="fullName")


class SeatUserFieldsInvitation(BaseModel):
    id: str
    expires_at: str = Field(alias="expiresAt")


class SecondaryPayloadFields(BaseModel):
    secondary: Optional["SecondaryPayloadFieldsSecondary"]
    errors: list["SecondaryPayloadFieldsErrors"]


class SecondaryPayloadFieldsSecondary(FamilyMemberFields):
    pass


class SecondaryPayloadFieldsErrors(BaseModel):
    code: ErrorCode
    message: str
    field: Optional[str]


class StudentSignInFields(BaseModel):
    student_id: str = Field(alias="studentId")
    use_personal_email: bool = Field(alias="usePersonalEmail")
    personal_email: Optional[str] = Field(alias="personalEmail")
    contact_email: Optional[str] = Field(alias="contactEmail")
    phone: Optional[str]
    status: SignInStatus
    username: Optional[str]
    username_problem: Optional[SignInErrorCode] = Field(alias="usernameProblem")


class SubscriptionFields(BaseModel):
    id: str
    name: str
    seat_count: int = Field(alias="seatCount")
    seats_allocated: int = Field(alias="seatsAllocated")
    seats_available: int = Field(alias="seatsAvailable")
    invitations_pending: int = Field(alias="invitationsPending")
    starts_on: str = Field(alias="startsOn")
    ends_on: str = Field(alias="endsOn")
    within_access_dates: bool = Field(alias="withinAccessDates")
    features: list[str]


class TeamFields(BaseModel):
    id: str
    name: str
    description: str
    members: "TeamFieldsMembers"


class TeamFieldsMembers(BaseModel):
    nodes: list["TeamFieldsMembersNodes"]


class TeamFieldsMembersNodes(BaseModel):
    id: str
    full_name: str = Field(alias="fullName")
    email: str


class UserFields(BaseModel):
    id: str
    email: str
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    full_name: str = Field(alias="fullName")


class TokensFields(BaseModel):
    access_token: str = Field(alias="accessToken")
    refresh_token: str = Field(alias="refreshToken")
    expires_in: int = Field(alias="expiresIn")
    user: "TokensFieldsUser"


class TokensFieldsUser(UserFields):
    pass


class UserAccountFields(BaseModel):
    id: str
    user_type: UserAccountType = Field(alias="userType")
    first_name: str = Field(alias="firstName")
    last_name: str = Field(alias="lastName")
    family_name: str = Field(alias="familyName")
    username: Optional[str]
    status: SignInStatus
    last_sign_in_at: Optional[str] = Field(alias="lastSignInAt")
    credentials_channel: Optional[CredentialChannel] = Field(alias="credentialsChannel")
    credentials_sent_at: Optional[str] = Field(alias="credentialsSentAt")
    phone: Optional[str]
    delivery_problem: Optional[str] = Field(alias="deliveryProblem")
    student_id: Optional[str] = Field(alias="studentId")
    guardian_id: Optional[str] = Field(alias="guardianId")


ActivityTotalsFields.model_rebuild()
AssignmentFields.model_rebuild()
EnterprisePersonFields.model_rebuild()
FamilyFields.model_rebuild()
FamilyMemberFields.model_rebuild()
InvitationFields.model_rebuild()
InvitationJobFields.model_rebuild()
LearnerItemFields.model_rebuild()
LearningModuleFields.model_rebuild()
MembershipFields.model_rebuild()
OfficeFamilyFields.model_rebuild()
SeatUserFields.model_rebuild()
SecondaryPayloadFields.model_rebuild()
StudentSignInFields.model_rebuild()
SubscriptionFields.model_rebuild()
TeamFields.model_rebuild()
UserFields.model_rebuild()
TokensFields.model_rebuild()
UserAccountFields.model_rebuild()
