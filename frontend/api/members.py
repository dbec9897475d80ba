"""User management of one account: invitations and members. Every call needs `users.manage`
(operations: graphql/members.graphql)."""

from __future__ import annotations

from typing import Any

from frontend.api.client import ConnectionPage, api, checked, dump, dump_all, every_page
from frontend.api.generated import InviteUsersInput, MembershipRole, Module, OpenInvitationStatus, StartInvitationJobInput


async def invite_users(*, token: str, account_id: str, emails: list[str], role: str, modules: list[str], sub_account_ids: list[str]) -> dict[str, Any]:
    """Per-address results and how many were invited."""
    invitation = InviteUsersInput(emails=emails, role=MembershipRole(role), modules=[Module(m) for m in modules],
                                  subAccountIds=sub_account_ids)
    return checked((await api(token).invite_users(account=account_id, input=invitation)).invite_users)


async def pending_invitations(
    *, token: str, account_id: str, status: str | None = None, search: str = "", disposable: bool | None = None,
    after: str | None = None,
) -> dict[str, Any]:
    """A page of open user invitations: `{"rows", "total", "next"}` (next: cursor or None)."""
    page = (await api(token).pending_invitations(
        account=account_id, status=OpenInvitationStatus(status) if status else None, search=search, disposable=disposable,
        after=after,
    )).pending_invitations
    info = page.page_info
    return {
        "rows": [dump(edge.node) for edge in page.edges], "total": page.total_count,
        "next": info.end_cursor if info.has_next_page else None,
    }


async def resend_invitation(*, token: str, account_id: str, invitation_id: str) -> None:
    checked((await api(token).resend_invitation(account=account_id, id=invitation_id)).resend_invitation)


async def remove_invitation(*, token: str, account_id: str, invitation_id: str) -> None:
    checked((await api(token).remove_invitation(account=account_id, id=invitation_id)).remove_invitation)


# The page shows every member and sub-account: the first page of 100 (the most the API serves).
async def account_members(*, token: str, account_id: str) -> list[dict[str, Any]]:
    """Every member: the users table sorts and pages on the page, so it reads pages of 100, following the cursor."""
    client = api(token)

    async def page(after: str | None) -> ConnectionPage:
        return (await client.account_members(account=account_id, after=after)).account_members

    return await every_page(page)


async def sub_accounts(*, token: str, account_id: str) -> list[dict[str, Any]]:
    return dump_all((await api(token).sub_accounts(account=account_id)).sub_accounts.nodes)


async def deactivate_user(*, token: str, account_id: str, user_id: str) -> None:
    checked((await api(token).deactivate_user(account=account_id, user=user_id)).deactivate_user)


async def reactivate_user(*, token: str, account_id: str, user_id: str) -> None:
    checked((await api(token).reactivate_user(account=account_id, user=user_id)).reactivate_user)


async def remove_user(*, token: str, account_id: str, user_id: str) -> None:
    checked((await api(token).remove_user(account=account_id, user=user_id)).remove_user)


async def set_user_permissions(*, token: str, account_id: str, user_id: str, role: str, modules: list[str], sub_account_ids: list[str]) -> None:
    result = await api(token).set_user_permissions(
        account=account_id, user=user_id, role=MembershipRole(role), modules=[Module(m) for m in modules], subs=sub_account_ids,
    )
    checked(result.set_user_permissions)


async def start_invitation_job(*, token: str, account_id: str, text: str, role: str, modules: list[str], sub_account_ids: list[str]) -> dict[str, Any]:
    """Queue a background invitation job for a CSV or pasted list; returns the job."""
    job = StartInvitationJobInput(list=text, role=MembershipRole(role), modules=[Module(m) for m in modules],
                                  subAccountIds=sub_account_ids)
    return checked((await api(token).start_invitation_job(account=account_id, input=job)).start_invitation_job)["job"]


async def invitation_job(*, token: str, account_id: str, job_id: str) -> dict[str, Any]:
    """A job's progress and its first 200 rows' outcomes."""
    return dump((await api(token).invitation_job(account=account_id, id=job_id)).invitation_job)


async def invitation_job_csv(*, token: str, account_id: str, job_id: str) -> str:
    return (await api(token).invitation_job_csv(account=account_id, id=job_id)).invitation_job.results_csv
