from typing import Any, Optional, Union

from .accept_invitation import AcceptInvitation
from .account_families import AccountFamilies
from .account_members import AccountMembers
from .act_as import ActAs
from .activate_seat import ActivateSeat
from .add_payment_method import AddPaymentMethod
from .add_secondary import AddSecondary
from .add_team_members import AddTeamMembers
from .assign_module import AssignModule
from .assignments import Assignments
from .base_client import PorticoBaseClient
from .base_model import UNSET, UnsetType
from .change_one_time_password import ChangeOneTimePassword
from .change_password import ChangePassword
from .content_items import ContentItems
from .create_enterprise_subgroup import CreateEnterpriseSubgroup
from .create_enterprise_user import CreateEnterpriseUser
from .create_family import CreateFamily
from .create_learning_module import CreateLearningModule
from .create_team import CreateTeam
from .deactivate_seat import DeactivateSeat
from .deactivate_user import DeactivateUser
from .enterprise_admin import EnterpriseAdmin
from .enums import (
    EnterpriseLevel,
    MembershipRole,
    Module,
    OpenInvitationStatus,
    SeatUserFilter,
    SignInStatus,
    UserAccountType,
)
from .families_with_guardian import FamiliesWithGuardian
from .family_balance import FamilyBalance
from .family_detail import FamilyDetail
from .family_members import FamilyMembers
from .family_overview import FamilyOverview
from .family_transactions import FamilyTransactions
from .finish_content import FinishContent
from .input_types import (
    AssignModuleInput,
    CreateEnterpriseUserInput,
    CreateLearningModuleInput,
    InviteSeatUserInput,
    InviteUsersInput,
    PrimaryGuardianInput,
    SecondaryInput,
    StartInvitationJobInput,
)
from .invitation import Invitation
from .invitation_job import InvitationJob
from .invitation_job_csv import InvitationJobCsv
from .invite_seat_user import InviteSeatUser
from .invite_secondary import InviteSecondary
from .invite_users import InviteUsers
from .learning_modules import LearningModules
from .login import Login
from .logout import Logout
from .make_payment import MakePayment
from .me import Me
from .my_enterprise_accounts import MyEnterpriseAccounts
from .my_enterprise_groups import MyEnterpriseGroups
from .my_families import MyFamilies
from .my_learning import MyLearning
from .my_sign_in import MySignIn
from .my_subscriptions import MySubscriptions
from .open_content import OpenContent
from .pending_invitations import PendingInvitations
from .reactivate_user import ReactivateUser
from .refresh import Refresh
from .remove_admin_rights import RemoveAdminRights
from .remove_invitation import RemoveInvitation
from .remove_team_member import RemoveTeamMember
from .remove_user import RemoveUser
from .request_password_reset import RequestPasswordReset
from .resend_invitation import ResendInvitation
from .resend_primary_invite import ResendPrimaryInvite
from .resend_seat_invitation import ResendSeatInvitation
from .resend_secondary_invite import ResendSecondaryInvite
from .reset_link_problem import ResetLinkProblem
from .reset_password import ResetPassword
from .revoke_seat_invitation import RevokeSeatInvitation
from .revoke_secondary import RevokeSecondary
from .seat_user_activity import SeatUserActivity
from .send_initial_invitations import SendInitialInvitations
from .send_seat_user_password_reset import SendSeatUserPasswordReset
from .send_secondary_password_reset import SendSecondaryPasswordReset
from .set_account_access import SetAccountAccess
from .set_enterprise_user_active import SetEnterpriseUserActive
from .set_enterprise_user_level import SetEnterpriseUserLevel
from .set_guardian_phone import SetGuardianPhone
from .set_login_as_users import SetLoginAsUsers
from .set_student_sign_in_policy import SetStudentSignInPolicy
from .set_user_permissions import SetUserPermissions
from .sms_initial_credentials import SmsInitialCredentials
from .sso_provider import SsoProvider
from .sso_providers import SsoProviders
from .start_invitation_job import StartInvitationJob
from .student_home import StudentHome
from .student_sign_in_panel import StudentSignInPanel
from .student_sign_in_policy import StudentSignInPolicy
from .sub_accounts import SubAccounts
from .subscription import Subscription
from .subscription_usage import SubscriptionUsage
from .subscription_users import SubscriptionUsers
from .switch_family import SwitchFamily
from .team_activity import TeamActivity
from .teams import Teams
from .update_secondary import UpdateSecondary
from .update_student_sign_in import UpdateStudentSignIn
from .user_accounts import UserAccounts


def gql(q: str) -> str:
    return q


class Client(PorticoBaseClient):
    async def login(self, email: str, password: str, **kwargs: Any) -> Login:
        query = gql("""
            mutation Login($email: String!, $password: String!) {
              login(email: $email, password: $password) {
                tokens {
                  ...TokensFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment TokensFields on AuthTokens {
              accessToken
              refreshToken
              expiresIn
              user {
                ...UserFields
              }
            }

            fragment UserFields on User {
              id
              email
              firstName
              lastName
              fullName
            }
            """)
        variables: dict[str, object] = {"email": email, "password": password}
        response = await self.execute(
            query=query, operation_name="Login", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Login.model_validate(data)

    async def refresh(self, token: str, **kwargs: Any) -> Refresh:
        query = gql("""
            mutation Refresh($token: String!) {
              refreshToken(refreshToken: $token) {
                tokens {
                  ...TokensFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment TokensFields on AuthTokens {
              accessToken
              refreshToken
              expiresIn
              user {
                ...UserFields
              }
            }

            fragment UserFields on User {
              id
              email
              firstName
              lastName
              fullName
            }
            """)
        variables: dict[str, object] = {"token": token}
        response = await self.execute(
            query=query, operation_name="Refresh", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Refresh.model_validate(data)

    async def logout(self, **kwargs: Any) -> Logout:
        query = gql("""
            mutation Logout {
              logout {
                ok
                errors {
                  code
                  message
                }
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="Logout", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Logout.model_validate(data)

    async def me(self, **kwargs: Any) -> Me:
        query = gql("""
            query Me {
              me {
                user {
                  ...UserFields
                }
                isEnterpriseUser
                actAsAccountId
                memberships {
                  id
                  role
                  status
                  modules
                  subAccountIds
                  permissions
                  account {
                    id
                    name
                    parentId
                  }
                }
              }
            }

            fragment UserFields on User {
              id
              email
              firstName
              lastName
              fullName
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="Me", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Me.model_validate(data)

    async def change_password(
        self, current: str, new: str, **kwargs: Any
    ) -> ChangePassword:
        query = gql("""
            mutation ChangePassword($current: String!, $new: String!) {
              changePassword(currentPassword: $current, newPassword: $new) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"current": current, "new": new}
        response = await self.execute(
            query=query, operation_name="ChangePassword", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ChangePassword.model_validate(data)

    async def request_password_reset(
        self, email: str, **kwargs: Any
    ) -> RequestPasswordReset:
        query = gql("""
            mutation RequestPasswordReset($email: String!) {
              requestPasswordReset(email: $email) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"email": email}
        response = await self.execute(
            query=query,
            operation_name="RequestPasswordReset",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RequestPasswordReset.model_validate(data)

    async def reset_password(
        self, token: str, password: str, **kwargs: Any
    ) -> ResetPassword:
        query = gql("""
            mutation ResetPassword($token: String!, $password: String!) {
              resetPassword(token: $token, password: $password) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"token": token, "password": password}
        response = await self.execute(
            query=query, operation_name="ResetPassword", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ResetPassword.model_validate(data)

    async def reset_link_problem(self, token: str, **kwargs: Any) -> ResetLinkProblem:
        query = gql("""
            query ResetLinkProblem($token: String!) {
              passwordResetLinkProblem(token: $token)
            }
            """)
        variables: dict[str, object] = {"token": token}
        response = await self.execute(
            query=query,
            operation_name="ResetLinkProblem",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ResetLinkProblem.model_validate(data)

    async def sso_provider(self, **kwargs: Any) -> SsoProvider:
        query = gql("""
            query SsoProvider {
              ssoProvider
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="SsoProvider", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SsoProvider.model_validate(data)

    async def sso_providers(self, **kwargs: Any) -> SsoProviders:
        query = gql("""
            query SsoProviders {
              ssoProviders {
                key
                displayName
                loginUrl
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="SsoProviders", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SsoProviders.model_validate(data)

    async def my_enterprise_accounts(self, **kwargs: Any) -> MyEnterpriseAccounts:
        query = gql("""
            query MyEnterpriseAccounts {
              myEnterpriseAccounts {
                accountId
                name
                canAct
                permissions
                loginAs {
                  id
                  email
                  fullName
                }
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query,
            operation_name="MyEnterpriseAccounts",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return MyEnterpriseAccounts.model_validate(data)

    async def act_as(self, account_id: str, **kwargs: Any) -> ActAs:
        query = gql("""
            mutation ActAs($accountId: ID!) {
              actAsInAccount(accountId: $accountId) {
                accessToken
                refreshToken
                expiresIn
                user {
                  ...UserFields
                }
              }
            }

            fragment UserFields on User {
              id
              email
              firstName
              lastName
              fullName
            }
            """)
        variables: dict[str, object] = {"accountId": account_id}
        response = await self.execute(
            query=query, operation_name="ActAs", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ActAs.model_validate(data)

    async def my_enterprise_groups(self, **kwargs: Any) -> MyEnterpriseGroups:
        query = gql("""
            query MyEnterpriseGroups {
              myEnterpriseGroups {
                id
                name
                myLevel
                mySubgroupId
                isAdmin
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query,
            operation_name="MyEnterpriseGroups",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return MyEnterpriseGroups.model_validate(data)

    async def enterprise_admin(self, group: str, **kwargs: Any) -> EnterpriseAdmin:
        query = gql("""
            query EnterpriseAdmin($group: ID!) {
              enterprisePeople(groupId: $group, first: 100) {
                nodes {
                  ...EnterprisePersonFields
                }
              }
              enterpriseSubgroups(groupId: $group, first: 100) {
                nodes {
                  id
                  name
                  accountIds
                }
              }
              enterpriseMemberAccounts(groupId: $group, first: 100) {
                nodes {
                  accountId
                  name
                  userLoginAs {
                    email
                  }
                  adminLoginAs {
                    email
                  }
                }
              }
              enterpriseIdentityProviders(groupId: $group) {
                key
                displayName
                issuer
                allowedDomains
              }
            }

            fragment EnterprisePersonFields on EnterpriseUserType {
              id
              email
              firstName
              lastName
              level
              active
              linked
              subgroupId
            }
            """)
        variables: dict[str, object] = {"group": group}
        response = await self.execute(
            query=query, operation_name="EnterpriseAdmin", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return EnterpriseAdmin.model_validate(data)

    async def create_enterprise_user(
        self, group: str, input: CreateEnterpriseUserInput, **kwargs: Any
    ) -> CreateEnterpriseUser:
        query = gql("""
            mutation CreateEnterpriseUser($group: ID!, $input: CreateEnterpriseUserInput!) {
              createEnterpriseUser(groupId: $group, input: $input) {
                enterpriseUser {
                  ...EnterprisePersonFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment EnterprisePersonFields on EnterpriseUserType {
              id
              email
              firstName
              lastName
              level
              active
              linked
              subgroupId
            }
            """)
        variables: dict[str, object] = {"group": group, "input": input}
        response = await self.execute(
            query=query,
            operation_name="CreateEnterpriseUser",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateEnterpriseUser.model_validate(data)

    async def set_enterprise_user_active(
        self, person: str, active: bool, **kwargs: Any
    ) -> SetEnterpriseUserActive:
        query = gql("""
            mutation SetEnterpriseUserActive($person: ID!, $active: Boolean!) {
              setEnterpriseUserActive(enterpriseUserId: $person, active: $active) {
                enterpriseUser {
                  ...EnterprisePersonFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment EnterprisePersonFields on EnterpriseUserType {
              id
              email
              firstName
              lastName
              level
              active
              linked
              subgroupId
            }
            """)
        variables: dict[str, object] = {"person": person, "active": active}
        response = await self.execute(
            query=query,
            operation_name="SetEnterpriseUserActive",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetEnterpriseUserActive.model_validate(data)

    async def set_enterprise_user_level(
        self, person: str, level: EnterpriseLevel, **kwargs: Any
    ) -> SetEnterpriseUserLevel:
        query = gql("""
            mutation SetEnterpriseUserLevel($person: ID!, $level: EnterpriseLevel!) {
              setEnterpriseUserLevel(enterpriseUserId: $person, level: $level) {
                enterpriseUser {
                  ...EnterprisePersonFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment EnterprisePersonFields on EnterpriseUserType {
              id
              email
              firstName
              lastName
              level
              active
              linked
              subgroupId
            }
            """)
        variables: dict[str, object] = {"person": person, "level": level}
        response = await self.execute(
            query=query,
            operation_name="SetEnterpriseUserLevel",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetEnterpriseUserLevel.model_validate(data)

    async def create_enterprise_subgroup(
        self, group: str, name: str, account_ids: list[str], **kwargs: Any
    ) -> CreateEnterpriseSubgroup:
        query = gql("""
            mutation CreateEnterpriseSubgroup($group: ID!, $name: String!, $accountIds: [ID!]!) {
              createEnterpriseSubgroup(groupId: $group, name: $name, accountIds: $accountIds) {
                subgroup {
                  id
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "group": group,
            "name": name,
            "accountIds": account_ids,
        }
        response = await self.execute(
            query=query,
            operation_name="CreateEnterpriseSubgroup",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateEnterpriseSubgroup.model_validate(data)

    async def set_login_as_users(
        self,
        group: str,
        account: str,
        user_login_as: Union[Optional[str], UnsetType] = UNSET,
        admin_login_as: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> SetLoginAsUsers:
        query = gql("""
            mutation SetLoginAsUsers($group: ID!, $account: ID!, $userLoginAs: String, $adminLoginAs: String) {
              setLoginAsUsers(
                groupId: $group
                accountId: $account
                userLoginAs: $userLoginAs
                adminLoginAs: $adminLoginAs
              ) {
                account {
                  accountId
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "group": group,
            "account": account,
            "userLoginAs": user_login_as,
            "adminLoginAs": admin_login_as,
        }
        response = await self.execute(
            query=query, operation_name="SetLoginAsUsers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SetLoginAsUsers.model_validate(data)

    async def my_families(self, **kwargs: Any) -> MyFamilies:
        query = gql("""
            query MyFamilies {
              myFamilies {
                id
                name
                accountName
                role
                isActive
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="MyFamilies", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MyFamilies.model_validate(data)

    async def family_overview(
        self, family: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> FamilyOverview:
        query = gql("""
            query FamilyOverview($family: ID) {
              family(familyId: $family) {
                ...FamilyFields
              }
              familyBalance(familyId: $family) {
                balanceCents
                chargesCents
                paymentsCents
              }
              familyMembers(familyId: $family, first: 100) {
                nodes {
                  ...FamilyMemberFields
                }
              }
              familyStudents(familyId: $family) {
                id
                firstName
                lastName
                birthDate
                enrollments {
                  id
                  className
                  createdAt
                }
              }
              paymentMethods(familyId: $family) {
                id
                brand
                last4
                mine
              }
            }

            fragment FamilyFields on Family {
              id
              name
              accountName
              primaryGuardianName
              myRole
              canViewLedger
              canMakePayments
              canManageStudents
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }
            """)
        variables: dict[str, object] = {"family": family}
        response = await self.execute(
            query=query, operation_name="FamilyOverview", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FamilyOverview.model_validate(data)

    async def family_transactions(
        self, family: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> FamilyTransactions:
        query = gql("""
            query FamilyTransactions($family: ID) {
              familyTransactions(familyId: $family, first: 100) {
                nodes {
                  id
                  kind
                  amountCents
                  description
                  createdAt
                }
              }
            }
            """)
        variables: dict[str, object] = {"family": family}
        response = await self.execute(
            query=query,
            operation_name="FamilyTransactions",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return FamilyTransactions.model_validate(data)

    async def family_balance(
        self, family: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> FamilyBalance:
        query = gql("""
            query FamilyBalance($family: ID) {
              familyBalance(familyId: $family) {
                balanceCents
              }
            }
            """)
        variables: dict[str, object] = {"family": family}
        response = await self.execute(
            query=query, operation_name="FamilyBalance", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FamilyBalance.model_validate(data)

    async def add_secondary(
        self, family: str, input: SecondaryInput, **kwargs: Any
    ) -> AddSecondary:
        query = gql("""
            mutation AddSecondary($family: ID!, $input: SecondaryInput!) {
              addSecondary(familyId: $family, input: $input) {
                ...SecondaryPayloadFields
              }
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }

            fragment SecondaryPayloadFields on SecondaryPayload {
              secondary {
                ...FamilyMemberFields
              }
              errors {
                code
                message
                field
              }
            }
            """)
        variables: dict[str, object] = {"family": family, "input": input}
        response = await self.execute(
            query=query, operation_name="AddSecondary", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AddSecondary.model_validate(data)

    async def update_secondary(
        self, id: str, input: SecondaryInput, **kwargs: Any
    ) -> UpdateSecondary:
        query = gql("""
            mutation UpdateSecondary($id: ID!, $input: SecondaryInput!) {
              updateSecondary(secondaryId: $id, input: $input) {
                ...SecondaryPayloadFields
              }
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }

            fragment SecondaryPayloadFields on SecondaryPayload {
              secondary {
                ...FamilyMemberFields
              }
              errors {
                code
                message
                field
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "input": input}
        response = await self.execute(
            query=query, operation_name="UpdateSecondary", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateSecondary.model_validate(data)

    async def invite_secondary(
        self, id: str, email: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> InviteSecondary:
        query = gql("""
            mutation InviteSecondary($id: ID!, $email: String) {
              inviteSecondary(secondaryId: $id, email: $email) {
                ...SecondaryPayloadFields
              }
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }

            fragment SecondaryPayloadFields on SecondaryPayload {
              secondary {
                ...FamilyMemberFields
              }
              errors {
                code
                message
                field
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "email": email}
        response = await self.execute(
            query=query, operation_name="InviteSecondary", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InviteSecondary.model_validate(data)

    async def resend_secondary_invite(
        self, id: str, email: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> ResendSecondaryInvite:
        query = gql("""
            mutation ResendSecondaryInvite($id: ID!, $email: String) {
              resendSecondaryInvite(secondaryId: $id, email: $email) {
                ...SecondaryPayloadFields
              }
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }

            fragment SecondaryPayloadFields on SecondaryPayload {
              secondary {
                ...FamilyMemberFields
              }
              errors {
                code
                message
                field
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "email": email}
        response = await self.execute(
            query=query,
            operation_name="ResendSecondaryInvite",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ResendSecondaryInvite.model_validate(data)

    async def set_account_access(
        self, id: str, ledger: bool, pay: bool, **kwargs: Any
    ) -> SetAccountAccess:
        query = gql("""
            mutation SetAccountAccess($id: ID!, $ledger: Boolean!, $pay: Boolean!) {
              setAccountAccess(
                secondaryId: $id
                viewFullLedger: $ledger
                canMakePayments: $pay
              ) {
                ...SecondaryPayloadFields
              }
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }

            fragment SecondaryPayloadFields on SecondaryPayload {
              secondary {
                ...FamilyMemberFields
              }
              errors {
                code
                message
                field
              }
            }
            """)
        variables: dict[str, object] = {"id": id, "ledger": ledger, "pay": pay}
        response = await self.execute(
            query=query,
            operation_name="SetAccountAccess",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetAccountAccess.model_validate(data)

    async def send_secondary_password_reset(
        self, id: str, **kwargs: Any
    ) -> SendSecondaryPasswordReset:
        query = gql("""
            mutation SendSecondaryPasswordReset($id: ID!) {
              sendSecondaryPasswordReset(secondaryId: $id) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query,
            operation_name="SendSecondaryPasswordReset",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SendSecondaryPasswordReset.model_validate(data)

    async def revoke_secondary(self, id: str, **kwargs: Any) -> RevokeSecondary:
        query = gql("""
            mutation RevokeSecondary($id: ID!) {
              revokeSecondary(secondaryId: $id) {
                ...SecondaryPayloadFields
              }
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }

            fragment SecondaryPayloadFields on SecondaryPayload {
              secondary {
                ...FamilyMemberFields
              }
              errors {
                code
                message
                field
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = await self.execute(
            query=query, operation_name="RevokeSecondary", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RevokeSecondary.model_validate(data)

    async def switch_family(self, family: str, **kwargs: Any) -> SwitchFamily:
        query = gql("""
            mutation SwitchFamily($family: ID!) {
              switchFamily(familyId: $family) {
                family {
                  id
                  name
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"family": family}
        response = await self.execute(
            query=query, operation_name="SwitchFamily", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SwitchFamily.model_validate(data)

    async def add_payment_method(
        self, family: str, brand: str, last_4: str, **kwargs: Any
    ) -> AddPaymentMethod:
        query = gql("""
            mutation AddPaymentMethod($family: ID!, $brand: String!, $last4: String!) {
              addPaymentMethod(familyId: $family, brand: $brand, last4: $last4) {
                paymentMethod {
                  id
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "family": family,
            "brand": brand,
            "last4": last_4,
        }
        response = await self.execute(
            query=query,
            operation_name="AddPaymentMethod",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AddPaymentMethod.model_validate(data)

    async def make_payment(
        self, family: str, amount: int, method: str, **kwargs: Any
    ) -> MakePayment:
        query = gql("""
            mutation MakePayment($family: ID!, $amount: Int!, $method: ID!) {
              makePayment(familyId: $family, amountCents: $amount, paymentMethodId: $method) {
                payment {
                  id
                  amountCents
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "family": family,
            "amount": amount,
            "method": method,
        }
        response = await self.execute(
            query=query, operation_name="MakePayment", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MakePayment.model_validate(data)

    async def account_families(
        self,
        account: str,
        search: str,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> AccountFamilies:
        query = gql("""
            query AccountFamilies($account: ID!, $search: String!, $after: String) {
              accountFamilies(accountId: $account, search: $search, first: 100, after: $after) {
                pageInfo {
                  hasNextPage
                  endCursor
                }
                nodes {
                  ...OfficeFamilyFields
                }
              }
            }

            fragment OfficeFamilyFields on Family {
              id
              name
              primaryGuardianName
              primaryGuardianEmail
              primaryGuardianStatus
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "search": search,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="AccountFamilies", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AccountFamilies.model_validate(data)

    async def families_with_guardian(
        self, account: str, email: str, **kwargs: Any
    ) -> FamiliesWithGuardian:
        query = gql("""
            query FamiliesWithGuardian($account: ID!, $email: String!) {
              familiesWithGuardian(accountId: $account, email: $email, first: 100) {
                nodes {
                  ...OfficeFamilyFields
                }
              }
            }

            fragment OfficeFamilyFields on Family {
              id
              name
              primaryGuardianName
              primaryGuardianEmail
              primaryGuardianStatus
            }
            """)
        variables: dict[str, object] = {"account": account, "email": email}
        response = await self.execute(
            query=query,
            operation_name="FamiliesWithGuardian",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return FamiliesWithGuardian.model_validate(data)

    async def family_detail(
        self, family: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> FamilyDetail:
        query = gql("""
            query FamilyDetail($family: ID) {
              familyBalance(familyId: $family) {
                balanceCents
              }
              familyStudents(familyId: $family) {
                id
                firstName
                lastName
                enrollments {
                  id
                  className
                }
              }
              familyTransactions(familyId: $family, first: 5) {
                nodes {
                  id
                  kind
                  amountCents
                  description
                  createdAt
                }
              }
            }
            """)
        variables: dict[str, object] = {"family": family}
        response = await self.execute(
            query=query, operation_name="FamilyDetail", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FamilyDetail.model_validate(data)

    async def family_members(self, family: str, **kwargs: Any) -> FamilyMembers:
        query = gql("""
            query FamilyMembers($family: ID!) {
              familyMembers(familyId: $family, first: 100) {
                nodes {
                  ...FamilyMemberFields
                }
              }
            }

            fragment FamilyMemberFields on FamilyMember {
              id
              role
              status
              email
              firstName
              lastName
              viewFullLedger
              canMakePayments
              canEditContact
              invitationExpiresAt
              invitationsSent
            }
            """)
        variables: dict[str, object] = {"family": family}
        response = await self.execute(
            query=query, operation_name="FamilyMembers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FamilyMembers.model_validate(data)

    async def resend_primary_invite(
        self, family: str, **kwargs: Any
    ) -> ResendPrimaryInvite:
        query = gql("""
            mutation ResendPrimaryInvite($family: ID!) {
              resendPrimaryInvite(familyId: $family) {
                family {
                  ...OfficeFamilyFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment OfficeFamilyFields on Family {
              id
              name
              primaryGuardianName
              primaryGuardianEmail
              primaryGuardianStatus
            }
            """)
        variables: dict[str, object] = {"family": family}
        response = await self.execute(
            query=query,
            operation_name="ResendPrimaryInvite",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ResendPrimaryInvite.model_validate(data)

    async def create_family(
        self, account: str, name: str, primary: PrimaryGuardianInput, **kwargs: Any
    ) -> CreateFamily:
        query = gql("""
            mutation CreateFamily($account: ID!, $name: String!, $primary: PrimaryGuardianInput!) {
              createFamily(accountId: $account, name: $name, primary: $primary) {
                family {
                  ...OfficeFamilyFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment OfficeFamilyFields on Family {
              id
              name
              primaryGuardianName
              primaryGuardianEmail
              primaryGuardianStatus
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "name": name,
            "primary": primary,
        }
        response = await self.execute(
            query=query, operation_name="CreateFamily", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateFamily.model_validate(data)

    async def invitation(self, token: str, **kwargs: Any) -> Invitation:
        query = gql("""
            query Invitation($token: String!) {
              invitation(token: $token) {
                kind
                email
                targetName
                summary
                inviterName
                status
                expiresAt
                existingUser
                firstName
                lastName
                privacyPolicyUrl
                termsUrl
                documentsVersion
              }
            }
            """)
        variables: dict[str, object] = {"token": token}
        response = await self.execute(
            query=query, operation_name="Invitation", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Invitation.model_validate(data)

    async def accept_invitation(
        self,
        token: str,
        adult: bool,
        terms: bool,
        password: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> AcceptInvitation:
        query = gql("""
            mutation AcceptInvitation($token: String!, $adult: Boolean!, $terms: Boolean!, $password: String, $first: String, $last: String) {
              acceptInvitation(
                token: $token
                confirmAdult: $adult
                acceptTerms: $terms
                password: $password
                firstName: $first
                lastName: $last
              ) {
                user {
                  ...UserFields
                }
                tokens {
                  ...TokensFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment TokensFields on AuthTokens {
              accessToken
              refreshToken
              expiresIn
              user {
                ...UserFields
              }
            }

            fragment UserFields on User {
              id
              email
              firstName
              lastName
              fullName
            }
            """)
        variables: dict[str, object] = {
            "token": token,
            "adult": adult,
            "terms": terms,
            "password": password,
            "first": first,
            "last": last,
        }
        response = await self.execute(
            query=query,
            operation_name="AcceptInvitation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AcceptInvitation.model_validate(data)

    async def learning_modules(self, sub: str, **kwargs: Any) -> LearningModules:
        query = gql("""
            query LearningModules($sub: ID!) {
              learningModules(subscriptionId: $sub, first: 100) {
                nodes {
                  ...LearningModuleFields
                }
              }
            }

            fragment LearningModuleFields on LearningModule {
              id
              name
              description
              items {
                id
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub}
        response = await self.execute(
            query=query, operation_name="LearningModules", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return LearningModules.model_validate(data)

    async def assignments(self, sub: str, **kwargs: Any) -> Assignments:
        query = gql("""
            query Assignments($sub: ID!) {
              assignments(subscriptionId: $sub, first: 100) {
                nodes {
                  ...AssignmentFields
                }
              }
            }

            fragment AssignmentFields on Assignment {
              id
              moduleName
              dueOn
              overdue
              teamNames
              assignedCount
              completedCount
              inProgressCount
              notStartedCount
              completionRate
            }
            """)
        variables: dict[str, object] = {"sub": sub}
        response = await self.execute(
            query=query, operation_name="Assignments", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Assignments.model_validate(data)

    async def content_items(self, search: str, **kwargs: Any) -> ContentItems:
        query = gql("""
            query ContentItems($search: String!) {
              contentItems(search: $search, first: 100) {
                nodes {
                  id
                  kind
                  title
                  minutes
                }
              }
            }
            """)
        variables: dict[str, object] = {"search": search}
        response = await self.execute(
            query=query, operation_name="ContentItems", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ContentItems.model_validate(data)

    async def create_learning_module(
        self, sub: str, input: CreateLearningModuleInput, **kwargs: Any
    ) -> CreateLearningModule:
        query = gql("""
            mutation CreateLearningModule($sub: ID!, $input: CreateLearningModuleInput!) {
              createLearningModule(subscriptionId: $sub, input: $input) {
                module {
                  ...LearningModuleFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment LearningModuleFields on LearningModule {
              id
              name
              description
              items {
                id
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "input": input}
        response = await self.execute(
            query=query,
            operation_name="CreateLearningModule",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateLearningModule.model_validate(data)

    async def assign_module(
        self, input: AssignModuleInput, **kwargs: Any
    ) -> AssignModule:
        query = gql("""
            mutation AssignModule($input: AssignModuleInput!) {
              assignModule(input: $input) {
                assignment {
                  ...AssignmentFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment AssignmentFields on Assignment {
              id
              moduleName
              dueOn
              overdue
              teamNames
              assignedCount
              completedCount
              inProgressCount
              notStartedCount
              completionRate
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = await self.execute(
            query=query, operation_name="AssignModule", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AssignModule.model_validate(data)

    async def my_learning(self, **kwargs: Any) -> MyLearning:
        query = gql("""
            query MyLearning {
              myLearning {
                status
                canOpen
                subscription {
                  id
                  name
                  startsOn
                  endsOn
                  withinAccessDates
                }
                assignments {
                  id
                  moduleName
                  moduleDescription
                  dueOn
                  state
                  completedItems
                  totalItems
                  completedAt
                  items {
                    ...LearnerItemFields
                  }
                }
                library {
                  ...LearnerItemFields
                }
              }
            }

            fragment LearnerItemFields on LearnerItem {
              content {
                id
                kind
                title
                minutes
              }
              started
              done
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="MyLearning", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MyLearning.model_validate(data)

    async def open_content(self, sub: str, content: str, **kwargs: Any) -> OpenContent:
        query = gql("""
            mutation OpenContent($sub: ID!, $content: ID!) {
              openContent(subscriptionId: $sub, contentId: $content) {
                event {
                  kind
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "content": content}
        response = await self.execute(
            query=query, operation_name="OpenContent", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return OpenContent.model_validate(data)

    async def finish_content(
        self, sub: str, content: str, **kwargs: Any
    ) -> FinishContent:
        query = gql("""
            mutation FinishContent($sub: ID!, $content: ID!) {
              finishContent(subscriptionId: $sub, contentId: $content) {
                event {
                  kind
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "content": content}
        response = await self.execute(
            query=query, operation_name="FinishContent", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FinishContent.model_validate(data)

    async def invite_users(
        self, account: str, input: InviteUsersInput, **kwargs: Any
    ) -> InviteUsers:
        query = gql("""
            mutation InviteUsers($account: ID!, $input: InviteUsersInput!) {
              inviteUsers(accountId: $account, input: $input) {
                invitedCount
                results {
                  email
                  outcome
                  message
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"account": account, "input": input}
        response = await self.execute(
            query=query, operation_name="InviteUsers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InviteUsers.model_validate(data)

    async def pending_invitations(
        self,
        account: str,
        search: str,
        status: Union[Optional[OpenInvitationStatus], UnsetType] = UNSET,
        disposable: Union[Optional[bool], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> PendingInvitations:
        query = gql("""
            query PendingInvitations($account: ID!, $status: OpenInvitationStatus, $search: String!, $disposable: Boolean, $after: String) {
              pendingInvitations(
                accountId: $account
                kind: ACCOUNT_USER
                status: $status
                search: $search
                disposable: $disposable
                first: 50
                after: $after
              ) {
                totalCount
                pageInfo {
                  hasNextPage
                  endCursor
                }
                edges {
                  node {
                    ...InvitationFields
                  }
                }
              }
            }

            fragment InvitationFields on Invitation {
              id
              kind
              email
              firstName
              lastName
              status
              sendCount
              expiresAt
              lastSentAt
              createdAt
              disposable
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "status": status,
            "search": search,
            "disposable": disposable,
            "after": after,
        }
        response = await self.execute(
            query=query,
            operation_name="PendingInvitations",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PendingInvitations.model_validate(data)

    async def resend_invitation(
        self, account: str, id: str, **kwargs: Any
    ) -> ResendInvitation:
        query = gql("""
            mutation ResendInvitation($account: ID!, $id: ID!) {
              resendInvitation(accountId: $account, invitationId: $id) {
                invitation {
                  ...InvitationFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment InvitationFields on Invitation {
              id
              kind
              email
              firstName
              lastName
              status
              sendCount
              expiresAt
              lastSentAt
              createdAt
              disposable
            }
            """)
        variables: dict[str, object] = {"account": account, "id": id}
        response = await self.execute(
            query=query,
            operation_name="ResendInvitation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ResendInvitation.model_validate(data)

    async def remove_invitation(
        self, account: str, id: str, **kwargs: Any
    ) -> RemoveInvitation:
        query = gql("""
            mutation RemoveInvitation($account: ID!, $id: ID!) {
              removeInvitation(accountId: $account, invitationId: $id) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"account": account, "id": id}
        response = await self.execute(
            query=query,
            operation_name="RemoveInvitation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RemoveInvitation.model_validate(data)

    async def account_members(
        self,
        account: str,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> AccountMembers:
        query = gql("""
            query AccountMembers($account: ID!, $after: String) {
              accountMembers(accountId: $account, first: 100, after: $after) {
                pageInfo {
                  hasNextPage
                  endCursor
                }
                nodes {
                  user {
                    id
                    email
                    fullName
                  }
                  membership {
                    ...MembershipFields
                  }
                  lastSignInAt
                }
              }
            }

            fragment MembershipFields on Membership {
              id
              role
              status
              modules
              subAccountIds
            }
            """)
        variables: dict[str, object] = {"account": account, "after": after}
        response = await self.execute(
            query=query, operation_name="AccountMembers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AccountMembers.model_validate(data)

    async def sub_accounts(self, account: str, **kwargs: Any) -> SubAccounts:
        query = gql("""
            query SubAccounts($account: ID!) {
              subAccounts(accountId: $account, first: 100) {
                nodes {
                  id
                  name
                }
              }
            }
            """)
        variables: dict[str, object] = {"account": account}
        response = await self.execute(
            query=query, operation_name="SubAccounts", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SubAccounts.model_validate(data)

    async def deactivate_user(
        self, account: str, user: str, **kwargs: Any
    ) -> DeactivateUser:
        query = gql("""
            mutation DeactivateUser($account: ID!, $user: ID!) {
              deactivateUser(accountId: $account, userId: $user) {
                membership {
                  ...MembershipFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment MembershipFields on Membership {
              id
              role
              status
              modules
              subAccountIds
            }
            """)
        variables: dict[str, object] = {"account": account, "user": user}
        response = await self.execute(
            query=query, operation_name="DeactivateUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeactivateUser.model_validate(data)

    async def reactivate_user(
        self, account: str, user: str, **kwargs: Any
    ) -> ReactivateUser:
        query = gql("""
            mutation ReactivateUser($account: ID!, $user: ID!) {
              reactivateUser(accountId: $account, userId: $user) {
                membership {
                  ...MembershipFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment MembershipFields on Membership {
              id
              role
              status
              modules
              subAccountIds
            }
            """)
        variables: dict[str, object] = {"account": account, "user": user}
        response = await self.execute(
            query=query, operation_name="ReactivateUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ReactivateUser.model_validate(data)

    async def remove_user(self, account: str, user: str, **kwargs: Any) -> RemoveUser:
        query = gql("""
            mutation RemoveUser($account: ID!, $user: ID!) {
              removeUser(accountId: $account, userId: $user) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"account": account, "user": user}
        response = await self.execute(
            query=query, operation_name="RemoveUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RemoveUser.model_validate(data)

    async def set_user_permissions(
        self,
        account: str,
        user: str,
        role: MembershipRole,
        modules: list[Module],
        subs: list[str],
        **kwargs: Any,
    ) -> SetUserPermissions:
        query = gql("""
            mutation SetUserPermissions($account: ID!, $user: ID!, $role: MembershipRole!, $modules: [Module!]!, $subs: [ID!]!) {
              setUserPermissions(
                accountId: $account
                userId: $user
                role: $role
                modules: $modules
                subAccountIds: $subs
              ) {
                membership {
                  ...MembershipFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment MembershipFields on Membership {
              id
              role
              status
              modules
              subAccountIds
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "user": user,
            "role": role,
            "modules": modules,
            "subs": subs,
        }
        response = await self.execute(
            query=query,
            operation_name="SetUserPermissions",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetUserPermissions.model_validate(data)

    async def start_invitation_job(
        self, account: str, input: StartInvitationJobInput, **kwargs: Any
    ) -> StartInvitationJob:
        query = gql("""
            mutation StartInvitationJob($account: ID!, $input: StartInvitationJobInput!) {
              startInvitationJob(accountId: $account, input: $input) {
                job {
                  ...InvitationJobFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment InvitationJobFields on InvitationJob {
              id
              status
              total
              done
              invited
              finishedAt
            }
            """)
        variables: dict[str, object] = {"account": account, "input": input}
        response = await self.execute(
            query=query,
            operation_name="StartInvitationJob",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return StartInvitationJob.model_validate(data)

    async def invitation_job(
        self, account: str, id: str, **kwargs: Any
    ) -> InvitationJob:
        query = gql("""
            query InvitationJob($account: ID!, $id: ID!) {
              invitationJob(accountId: $account, id: $id) {
                ...InvitationJobFields
                rows(first: 200) {
                  line
                  email
                  outcome
                  message
                }
              }
            }

            fragment InvitationJobFields on InvitationJob {
              id
              status
              total
              done
              invited
              finishedAt
            }
            """)
        variables: dict[str, object] = {"account": account, "id": id}
        response = await self.execute(
            query=query, operation_name="InvitationJob", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InvitationJob.model_validate(data)

    async def invitation_job_csv(
        self, account: str, id: str, **kwargs: Any
    ) -> InvitationJobCsv:
        query = gql("""
            query InvitationJobCsv($account: ID!, $id: ID!) {
              invitationJob(accountId: $account, id: $id) {
                resultsCsv
              }
            }
            """)
        variables: dict[str, object] = {"account": account, "id": id}
        response = await self.execute(
            query=query,
            operation_name="InvitationJobCsv",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return InvitationJobCsv.model_validate(data)

    async def my_subscriptions(self, **kwargs: Any) -> MySubscriptions:
        query = gql("""
            query MySubscriptions {
              mySubscriptions {
                isAdmin
                status
                subscription {
                  ...SubscriptionFields
                }
              }
            }

            fragment SubscriptionFields on Subscription {
              id
              name
              seatCount
              seatsAllocated
              seatsAvailable
              invitationsPending
              startsOn
              endsOn
              withinAccessDates
              features
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="MySubscriptions", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MySubscriptions.model_validate(data)

    async def subscription(self, sub: str, **kwargs: Any) -> Subscription:
        query = gql("""
            query Subscription($sub: ID!) {
              subscription(subscriptionId: $sub) {
                ...SubscriptionFields
              }
            }

            fragment SubscriptionFields on Subscription {
              id
              name
              seatCount
              seatsAllocated
              seatsAvailable
              invitationsPending
              startsOn
              endsOn
              withinAccessDates
              features
            }
            """)
        variables: dict[str, object] = {"sub": sub}
        response = await self.execute(
            query=query, operation_name="Subscription", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Subscription.model_validate(data)

    async def subscription_usage(
        self, sub: str, days: int, **kwargs: Any
    ) -> SubscriptionUsage:
        query = gql("""
            query SubscriptionUsage($sub: ID!, $days: Int!) {
              subscriptionUsage(subscriptionId: $sub, days: $days) {
                day
                activeUsers
                logins
                viewings
                viewedCompletely
                labs
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "days": days}
        response = await self.execute(
            query=query,
            operation_name="SubscriptionUsage",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SubscriptionUsage.model_validate(data)

    async def subscription_users(
        self,
        sub: str,
        search: str,
        status: Union[Optional[SeatUserFilter], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> SubscriptionUsers:
        query = gql("""
            query SubscriptionUsers($sub: ID!, $status: SeatUserFilter, $search: String!, $after: String) {
              subscriptionUsers(
                subscriptionId: $sub
                status: $status
                search: $search
                first: 100
                after: $after
              ) {
                nodes {
                  ...SeatUserFields
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment SeatUserFields on SeatUser {
              user {
                id
                fullName
              }
              email
              firstName
              lastName
              status
              isAdmin
              hasContentAccess
              teams
              lastSignInAt
              invitation {
                id
                expiresAt
              }
            }
            """)
        variables: dict[str, object] = {
            "sub": sub,
            "status": status,
            "search": search,
            "after": after,
        }
        response = await self.execute(
            query=query,
            operation_name="SubscriptionUsers",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SubscriptionUsers.model_validate(data)

    async def invite_seat_user(
        self, sub: str, input: InviteSeatUserInput, **kwargs: Any
    ) -> InviteSeatUser:
        query = gql("""
            mutation InviteSeatUser($sub: ID!, $input: InviteSeatUserInput!) {
              inviteSeatUser(subscriptionId: $sub, input: $input) {
                invitation {
                  id
                  email
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "input": input}
        response = await self.execute(
            query=query, operation_name="InviteSeatUser", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InviteSeatUser.model_validate(data)

    async def resend_seat_invitation(
        self, sub: str, id: str, **kwargs: Any
    ) -> ResendSeatInvitation:
        query = gql("""
            mutation ResendSeatInvitation($sub: ID!, $id: ID!) {
              resendSeatInvitation(subscriptionId: $sub, invitationId: $id) {
                invitation {
                  id
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "id": id}
        response = await self.execute(
            query=query,
            operation_name="ResendSeatInvitation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ResendSeatInvitation.model_validate(data)

    async def revoke_seat_invitation(
        self, sub: str, id: str, **kwargs: Any
    ) -> RevokeSeatInvitation:
        query = gql("""
            mutation RevokeSeatInvitation($sub: ID!, $id: ID!) {
              revokeSeatInvitation(subscriptionId: $sub, invitationId: $id) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "id": id}
        response = await self.execute(
            query=query,
            operation_name="RevokeSeatInvitation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RevokeSeatInvitation.model_validate(data)

    async def activate_seat(self, sub: str, user: str, **kwargs: Any) -> ActivateSeat:
        query = gql("""
            mutation ActivateSeat($sub: ID!, $user: ID!) {
              activateSeat(subscriptionId: $sub, userId: $user) {
                subscription {
                  ...SubscriptionFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment SubscriptionFields on Subscription {
              id
              name
              seatCount
              seatsAllocated
              seatsAvailable
              invitationsPending
              startsOn
              endsOn
              withinAccessDates
              features
            }
            """)
        variables: dict[str, object] = {"sub": sub, "user": user}
        response = await self.execute(
            query=query, operation_name="ActivateSeat", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ActivateSeat.model_validate(data)

    async def deactivate_seat(
        self, sub: str, user: str, **kwargs: Any
    ) -> DeactivateSeat:
        query = gql("""
            mutation DeactivateSeat($sub: ID!, $user: ID!) {
              deactivateSeat(subscriptionId: $sub, userId: $user) {
                subscription {
                  ...SubscriptionFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment SubscriptionFields on Subscription {
              id
              name
              seatCount
              seatsAllocated
              seatsAvailable
              invitationsPending
              startsOn
              endsOn
              withinAccessDates
              features
            }
            """)
        variables: dict[str, object] = {"sub": sub, "user": user}
        response = await self.execute(
            query=query, operation_name="DeactivateSeat", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeactivateSeat.model_validate(data)

    async def remove_admin_rights(
        self, sub: str, user: str, **kwargs: Any
    ) -> RemoveAdminRights:
        query = gql("""
            mutation RemoveAdminRights($sub: ID!, $user: ID!) {
              removeAdminRights(subscriptionId: $sub, userId: $user) {
                subscription {
                  ...SubscriptionFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment SubscriptionFields on Subscription {
              id
              name
              seatCount
              seatsAllocated
              seatsAvailable
              invitationsPending
              startsOn
              endsOn
              withinAccessDates
              features
            }
            """)
        variables: dict[str, object] = {"sub": sub, "user": user}
        response = await self.execute(
            query=query,
            operation_name="RemoveAdminRights",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RemoveAdminRights.model_validate(data)

    async def send_seat_user_password_reset(
        self, sub: str, user: str, **kwargs: Any
    ) -> SendSeatUserPasswordReset:
        query = gql("""
            mutation SendSeatUserPasswordReset($sub: ID!, $user: ID!) {
              sendSeatUserPasswordReset(subscriptionId: $sub, userId: $user) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "user": user}
        response = await self.execute(
            query=query,
            operation_name="SendSeatUserPasswordReset",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SendSeatUserPasswordReset.model_validate(data)

    async def seat_user_activity(
        self, sub: str, user: str, **kwargs: Any
    ) -> SeatUserActivity:
        query = gql("""
            query SeatUserActivity($sub: ID!, $user: ID!) {
              seatUserActivity(subscriptionId: $sub, userId: $user) {
                seatUser {
                  ...SeatUserFields
                }
                teams {
                  id
                  name
                }
                logins
                viewingsStarted
                viewedCompletely
                labsStarted
                labsCompleted
                lastLoginAt
                downloadPath
                events(first: 10) {
                  nodes {
                    id
                    kind
                    occurredAt
                    content {
                      title
                      kind
                    }
                  }
                }
                assignments {
                  id
                  moduleName
                  dueOn
                  overdue
                  people {
                    completedItems
                    totalItems
                    complete
                  }
                }
              }
            }

            fragment SeatUserFields on SeatUser {
              user {
                id
                fullName
              }
              email
              firstName
              lastName
              status
              isAdmin
              hasContentAccess
              teams
              lastSignInAt
              invitation {
                id
                expiresAt
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "user": user}
        response = await self.execute(
            query=query,
            operation_name="SeatUserActivity",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SeatUserActivity.model_validate(data)

    async def user_accounts(
        self,
        account: str,
        first: int,
        type_: Union[Optional[UserAccountType], UnsetType] = UNSET,
        status: Union[Optional[SignInStatus], UnsetType] = UNSET,
        search: Union[Optional[str], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> UserAccounts:
        query = gql("""
            query UserAccounts($account: ID!, $type: UserAccountType, $status: SignInStatus, $search: String, $first: Int!, $after: String) {
              userAccounts(
                accountId: $account
                userType: $type
                status: $status
                search: $search
                first: $first
                after: $after
              ) {
                totalCount
                pageInfo {
                  hasNextPage
                  endCursor
                }
                edges {
                  cursor
                  node {
                    ...UserAccountFields
                  }
                }
              }
            }

            fragment UserAccountFields on UserAccount {
              id
              userType
              firstName
              lastName
              familyName
              username
              status
              lastSignInAt
              credentialsChannel
              credentialsSentAt
              phone
              deliveryProblem
              studentId
              guardianId
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "type": type_,
            "status": status,
            "search": search,
            "first": first,
            "after": after,
        }
        response = await self.execute(
            query=query, operation_name="UserAccounts", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UserAccounts.model_validate(data)

    async def send_initial_invitations(
        self, account: str, people: list[str], **kwargs: Any
    ) -> SendInitialInvitations:
        query = gql("""
            mutation SendInitialInvitations($account: ID!, $people: [ID!]!) {
              sendInitialInvitations(accountId: $account, people: $people) {
                results {
                  person
                  name
                  sent
                  username
                  reason
                  message
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"account": account, "people": people}
        response = await self.execute(
            query=query,
            operation_name="SendInitialInvitations",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SendInitialInvitations.model_validate(data)

    async def sms_initial_credentials(
        self, account: str, people: list[str], **kwargs: Any
    ) -> SmsInitialCredentials:
        query = gql("""
            mutation SmsInitialCredentials($account: ID!, $people: [ID!]!) {
              smsInitialCredentials(accountId: $account, people: $people) {
                results {
                  person
                  name
                  sent
                  username
                  reason
                  message
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"account": account, "people": people}
        response = await self.execute(
            query=query,
            operation_name="SmsInitialCredentials",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SmsInitialCredentials.model_validate(data)

    async def student_sign_in_panel(
        self, account: str, student: str, **kwargs: Any
    ) -> StudentSignInPanel:
        query = gql("""
            query StudentSignInPanel($account: ID!, $student: ID!) {
              studentSignIn(accountId: $account, studentId: $student) {
                ...StudentSignInFields
              }
              studentSignInPolicy(accountId: $account) {
                microsoft365Domain
                phoneRegion
              }
            }

            fragment StudentSignInFields on StudentSignInPanel {
              studentId
              usePersonalEmail
              personalEmail
              contactEmail
              phone
              status
              username
              usernameProblem
            }
            """)
        variables: dict[str, object] = {"account": account, "student": student}
        response = await self.execute(
            query=query,
            operation_name="StudentSignInPanel",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return StudentSignInPanel.model_validate(data)

    async def update_student_sign_in(
        self,
        account: str,
        student: str,
        use: bool,
        personal: Union[Optional[str], UnsetType] = UNSET,
        contact: Union[Optional[str], UnsetType] = UNSET,
        phone: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> UpdateStudentSignIn:
        query = gql("""
            mutation UpdateStudentSignIn($account: ID!, $student: ID!, $use: Boolean!, $personal: String, $contact: String, $phone: String) {
              updateStudentSignIn(
                accountId: $account
                studentId: $student
                usePersonalEmail: $use
                personalEmail: $personal
                contactEmail: $contact
                phone: $phone
              ) {
                signIn {
                  ...StudentSignInFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment StudentSignInFields on StudentSignInPanel {
              studentId
              usePersonalEmail
              personalEmail
              contactEmail
              phone
              status
              username
              usernameProblem
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "student": student,
            "use": use,
            "personal": personal,
            "contact": contact,
            "phone": phone,
        }
        response = await self.execute(
            query=query,
            operation_name="UpdateStudentSignIn",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UpdateStudentSignIn.model_validate(data)

    async def student_sign_in_policy(
        self, account: str, **kwargs: Any
    ) -> StudentSignInPolicy:
        query = gql("""
            query StudentSignInPolicy($account: ID!) {
              studentSignInPolicy(accountId: $account) {
                microsoft365Domain
                phoneRegion
              }
            }
            """)
        variables: dict[str, object] = {"account": account}
        response = await self.execute(
            query=query,
            operation_name="StudentSignInPolicy",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return StudentSignInPolicy.model_validate(data)

    async def set_student_sign_in_policy(
        self,
        account: str,
        region: str,
        domain: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> SetStudentSignInPolicy:
        query = gql("""
            mutation SetStudentSignInPolicy($account: ID!, $domain: String, $region: String!) {
              setStudentSignInPolicy(
                accountId: $account
                microsoft365Domain: $domain
                phoneRegion: $region
              ) {
                policy {
                  microsoft365Domain
                  phoneRegion
                }
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "domain": domain,
            "region": region,
        }
        response = await self.execute(
            query=query,
            operation_name="SetStudentSignInPolicy",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetStudentSignInPolicy.model_validate(data)

    async def set_guardian_phone(
        self,
        account: str,
        guardian: str,
        phone: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> SetGuardianPhone:
        query = gql("""
            mutation SetGuardianPhone($account: ID!, $guardian: ID!, $phone: String) {
              setGuardianPhone(accountId: $account, guardianId: $guardian, phone: $phone) {
                phone
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "account": account,
            "guardian": guardian,
            "phone": phone,
        }
        response = await self.execute(
            query=query,
            operation_name="SetGuardianPhone",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetGuardianPhone.model_validate(data)

    async def my_sign_in(self, **kwargs: Any) -> MySignIn:
        query = gql("""
            query MySignIn {
              mySignIn {
                userType
                mustChangePassword
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="MySignIn", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return MySignIn.model_validate(data)

    async def student_home(self, **kwargs: Any) -> StudentHome:
        query = gql("""
            query StudentHome {
              studentHome {
                studentId
                firstName
                lastName
                familyName
                accountName
                username
                enrollments {
                  className
                  enrolledAt
                }
              }
            }
            """)
        variables: dict[str, object] = {}
        response = await self.execute(
            query=query, operation_name="StudentHome", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return StudentHome.model_validate(data)

    async def change_one_time_password(
        self, otp: str, new: str, **kwargs: Any
    ) -> ChangeOneTimePassword:
        query = gql("""
            mutation ChangeOneTimePassword($otp: String!, $new: String!) {
              changeOneTimePassword(oneTimePassword: $otp, newPassword: $new) {
                ok
                errors {
                  code
                  message
                  field
                }
              }
            }
            """)
        variables: dict[str, object] = {"otp": otp, "new": new}
        response = await self.execute(
            query=query,
            operation_name="ChangeOneTimePassword",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ChangeOneTimePassword.model_validate(data)

    async def teams(
        self, sub: str, after: Union[Optional[str], UnsetType] = UNSET, **kwargs: Any
    ) -> Teams:
        query = gql("""
            query Teams($sub: ID!, $after: String) {
              teams(subscriptionId: $sub, first: 50, after: $after) {
                nodes {
                  ...TeamFields
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }

            fragment TeamFields on Team {
              id
              name
              description
              members(first: 100) {
                nodes {
                  id
                  fullName
                  email
                }
              }
            }
            """)
        variables: dict[str, object] = {"sub": sub, "after": after}
        response = await self.execute(
            query=query, operation_name="Teams", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Teams.model_validate(data)

    async def create_team(
        self, sub: str, name: str, description: str, **kwargs: Any
    ) -> CreateTeam:
        query = gql("""
            mutation CreateTeam($sub: ID!, $name: String!, $description: String!) {
              createTeam(subscriptionId: $sub, name: $name, description: $description) {
                team {
                  ...TeamFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment TeamFields on Team {
              id
              name
              description
              members(first: 100) {
                nodes {
                  id
                  fullName
                  email
                }
              }
            }
            """)
        variables: dict[str, object] = {
            "sub": sub,
            "name": name,
            "description": description,
        }
        response = await self.execute(
            query=query, operation_name="CreateTeam", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateTeam.model_validate(data)

    async def add_team_members(
        self, team: str, users: list[str], **kwargs: Any
    ) -> AddTeamMembers:
        query = gql("""
            mutation AddTeamMembers($team: ID!, $users: [ID!]!) {
              addTeamMembers(teamId: $team, userIds: $users) {
                team {
                  ...TeamFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment TeamFields on Team {
              id
              name
              description
              members(first: 100) {
                nodes {
                  id
                  fullName
                  email
                }
              }
            }
            """)
        variables: dict[str, object] = {"team": team, "users": users}
        response = await self.execute(
            query=query, operation_name="AddTeamMembers", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AddTeamMembers.model_validate(data)

    async def remove_team_member(
        self, team: str, user: str, **kwargs: Any
    ) -> RemoveTeamMember:
        query = gql("""
            mutation RemoveTeamMember($team: ID!, $user: ID!) {
              removeTeamMember(teamId: $team, userId: $user) {
                team {
                  ...TeamFields
                }
                errors {
                  code
                  message
                  field
                }
              }
            }

            fragment TeamFields on Team {
              id
              name
              description
              members(first: 100) {
                nodes {
                  id
                  fullName
                  email
                }
              }
            }
            """)
        variables: dict[str, object] = {"team": team, "user": user}
        response = await self.execute(
            query=query,
            operation_name="RemoveTeamMember",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RemoveTeamMember.model_validate(data)

    async def team_activity(self, team: str, **kwargs: Any) -> TeamActivity:
        query = gql("""
            query TeamActivity($team: ID!) {
              teamActivity(teamId: $team) {
                team {
                  id
                  name
                }
                totals {
                  ...ActivityTotalsFields
                }
                members(first: 100) {
                  nodes {
                    user {
                      id
                      fullName
                      email
                    }
                    status
                    assignmentsDone
                    assignmentsTotal
                    totals {
                      ...ActivityTotalsFields
                      lastLoginAt
                    }
                  }
                }
                assignments {
                  id
                  moduleName
                  dueOn
                  overdue
                  assignedCount
                  completedCount
                }
                downloadPath
              }
            }

            fragment ActivityTotalsFields on ActivityTotals {
              logins
              viewingsStarted
              viewedCompletely
              labsStarted
              labsCompleted
            }
            """)
        variables: dict[str, object] = {"team": team}
        response = await self.execute(
            query=query, operation_name="TeamActivity", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return TeamActivity.model_validate(data)
