"""User management of one account: invitations and members. Every call needs `users.manage`."""

from __future__ import annotations

from typing import Any

from frontend.api.client import checked, execute

INVITATION_FIELDS = "id kind email firstName lastName status sendCount expiresAt lastSentAt createdAt disposable"
MEMBERSHIP_FIELDS = "id role status modules subAccountIds"
ERRORS = "errors { code message field }"

INVITE_USERS = f"""mutation Invite($account: ID!, $input: InviteUsersInput!) {{
  inviteUsers(accountId: $account, input: $input) {{ invitedCount results {{ email outcome message }} {ERRORS} }} }}"""
PENDING_INVITATIONS = f"""query Pending($account: ID!, $status: OpenInvitationStatus, $search: String!, $disposable: Boolean,
  $after: String) {{
  pendingInvitations(accountId: $account, kind: ACCOUNT_USER, status: $status, search: $search, disposable: $disposable,
    first: 50, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {INVITATION_FIELDS} }} }} }} }}"""
RESEND_INVITATION = f"""mutation Resend($account: ID!, $id: ID!) {{
  resendInvitation(accountId: $account, invitationId: $id) {{ invitation {{ {INVITATION_FIELDS} }} {ERRORS} }} }}"""
REMOVE_INVITATION = f"mutation RemoveInvitation($account: ID!, $id: ID!) {{ removeInvitation(accountId: $account, invitationId: $id) {{ ok {ERRORS} }} }}"
# The page shows every member and sub-account: the first page of 100 (the most the API serves).
ACCOUNT_MEMBERS = f"""query Members($account: ID!) {{ accountMembers(accountId: $account, first: 100) {{ nodes {{
  user {{ id email fullName }} membership {{ {MEMBERSHIP_FIELDS} }} lastSignInAt }} }} }}"""
SUB_ACCOUNTS = "query SubAccounts($account: ID!) { subAccounts(accountId: $account, first: 100) { nodes { id name } } }"
DEACTIVATE_USER = f"mutation Deactivate($account: ID!, $user: ID!) {{ deactivateUser(accountId: $account, userId: $user) {{ membership {{ {MEMBERSHIP_FIELDS} }} {ERRORS} }} }}"
REACTIVATE_USER = f"mutation Reactivate($account: ID!, $user: ID!) {{ reactivateUser(accountId: $account, userId: $user) {{ membership {{ {MEMBERSHIP_FIELDS} }} {ERRORS} }} }}"
REMOVE_USER = f"mutation RemoveUser($account: ID!, $user: ID!) {{ removeUser(accountId: $account, userId: $user) {{ ok {ERRORS} }} }}"
SET_USER_PERMISSIONS = f"""mutation SetPermissions($account: ID!, $user: ID!, $role: MembershipRole!, $modules: [Module!]!, $subs: [ID!]!) {{
  setUserPermissions(accountId: $account, userId: $user, role: $role, modules: $modules, subAccountIds: $subs) {{
    membership {{ {MEMBERSHIP_FIELDS} }} {ERRORS} }} }}"""


async def invite_users(*, token: str, account_id: str, emails: list[str], role: str, modules: list[str], sub_account_ids: list[str]) -> dict[str, Any]:
    """Per-address results and how many were invited."""
    payload = {"emails": emails, "role": role, "modules": modules, "subAccountIds": sub_account_ids}
    return checked((await execute(INVITE_USERS, {"account": account_id, "input": payload}, token=token))["inviteUsers"])


async def pending_invitations(
    *, token: str, account_id: str, status: str | None = None, search: str = "", disposable: bool | None = None,
    after: str | None = None,
) -> dict[str, Any]:
    """A page of open user invitations: `{"rows", "total", "next"}` (next: cursor or None)."""
    variables = {"account": account_id, "status": status, "search": search, "disposable": disposable, "after": after}
    page = (await execute(PENDING_INVITATIONS, variables, token=token))["pendingInvitations"]
    info = page["pageInfo"]
    return {
        "rows": [e["node"] for e in page["edges"]], "total": page["totalCount"],
        "next": info["endCursor"] if info["hasNextPage"] else None,
    }


async def resend_invitation(*, token: str, account_id: str, invitation_id: str) -> None:
    checked((await execute(RESEND_INVITATION, {"account": account_id, "id": invitation_id}, token=token))["resendInvitation"])


async def remove_invitation(*, token: str, account_id: str, invitation_id: str) -> None:
    checked((await execute(REMOVE_INVITATION, {"account": account_id, "id": invitation_id}, token=token))["removeInvitation"])


async def account_members(*, token: str, account_id: str) -> list[dict[str, Any]]:
    return (await execute(ACCOUNT_MEMBERS, {"account": account_id}, token=token))["accountMembers"]["nodes"]


async def sub_accounts(*, token: str, account_id: str) -> list[dict[str, Any]]:
    return (await execute(SUB_ACCOUNTS, {"account": account_id}, token=token))["subAccounts"]["nodes"]


async def deactivate_user(*, token: str, account_id: str, user_id: str) -> None:
    checked((await execute(DEACTIVATE_USER, {"account": account_id, "user": user_id}, token=token))["deactivateUser"])


async def reactivate_user(*, token: str, account_id: str, user_id: str) -> None:
    checked((await execute(REACTIVATE_USER, {"account": account_id, "user": user_id}, token=token))["reactivateUser"])


async def remove_user(*, token: str, account_id: str, user_id: str) -> None:
    checked((await execute(REMOVE_USER, {"account": account_id, "user": user_id}, token=token))["removeUser"])


async def set_user_permissions(*, token: str, account_id: str, user_id: str, role: str, modules: list[str], sub_account_ids: list[str]) -> None:
    variables = {"account": account_id, "user": user_id, "role": role, "modules": modules, "subs": sub_account_ids}
    checked((await execute(SET_USER_PERMISSIONS, variables, token=token))["setUserPermissions"])


JOB_FIELDS = "id status total done invited finishedAt"
START_INVITATION_JOB = f"""mutation StartJob($account: ID!, $input: StartInvitationJobInput!) {{
  startInvitationJob(accountId: $account, input: $input) {{ job {{ {JOB_FIELDS} }} {ERRORS} }} }}"""
INVITATION_JOB = f"""query Job($account: ID!, $id: ID!) {{ invitationJob(accountId: $account, id: $id) {{ {JOB_FIELDS}
  rows(first: 200) {{ line email outcome message }} }} }}"""
INVITATION_JOB_CSV = "query JobCsv($account: ID!, $id: ID!) { invitationJob(accountId: $account, id: $id) { resultsCsv } }"


async def start_invitation_job(*, token: str, account_id: str, text: str, role: str, modules: list[str], sub_account_ids: list[str]) -> dict[str, Any]:
    """Queue a background invitation job for a CSV or pasted list; returns the job."""
    payload = {"list": text, "role": role, "modules": modules, "subAccountIds": sub_account_ids}
    return checked((await execute(START_INVITATION_JOB, {"account": account_id, "input": payload}, token=token))["startInvitationJob"])["job"]


async def invitation_job(*, token: str, account_id: str, job_id: str) -> dict[str, Any]:
    """A job's progress and its first 200 rows' outcomes."""
    return (await execute(INVITATION_JOB, {"account": account_id, "id": job_id}, token=token))["invitationJob"]


async def invitation_job_csv(*, token: str, account_id: str, job_id: str) -> str:
    return (await execute(INVITATION_JOB_CSV, {"account": account_id, "id": job_id}, token=token))["invitationJob"]["resultsCsv"]
