"""Students: the User Accounts list, bulk credential actions, a student's sign-in panel,
the PDF reports, and a student's own home and first password (operations: graphql/students.graphql)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from frontend.api.client import api, checked, download, dump
from frontend.api.generated import SignInStatus, UserAccountType


async def user_accounts(*, token: str, account_id: str, user_type: str = "", status: str = "", search: str = "",
                        first: int = 25, after: str | None = None) -> dict[str, Any]:
    result = await api(token).user_accounts(
        account=account_id, type_=UserAccountType(user_type) if user_type else None,
        status=SignInStatus(status) if status else None, search=search or None, first=first, after=after,
    )
    return dump(result.user_accounts)


async def bulk(*, token: str, account_id: str, action: str, people: list[str]) -> list[dict[str, Any]]:
    """`action` is "invite" (sendInitialInvitations) or "sms" (smsInitialCredentials)."""
    client = api(token)
    if action == "invite":
        payload = dump((await client.send_initial_invitations(account=account_id, people=people)).send_initial_invitations)
    else:
        payload = dump((await client.sms_initial_credentials(account=account_id, people=people)).sms_initial_credentials)
    return checked(payload)["results"]


async def panel(*, token: str, account_id: str, student_id: str) -> dict[str, Any]:
    return dump(await api(token).student_sign_in_panel(account=account_id, student=student_id))


async def update_panel(*, token: str, account_id: str, student_id: str, use_personal: bool, personal: str, contact: str,
                       phone: str) -> dict[str, Any]:
    result = await api(token).update_student_sign_in(
        account=account_id, student=student_id, use=use_personal, personal=personal or None, contact=contact or None,
        phone=phone or None,
    )
    return checked(result.update_student_sign_in)["signIn"]


async def policy(*, token: str, account_id: str) -> dict[str, Any]:
    return dump((await api(token).student_sign_in_policy(account=account_id)).student_sign_in_policy)


async def set_policy(*, token: str, account_id: str, domain: str, region: str) -> dict[str, Any]:
    result = await api(token).set_student_sign_in_policy(account=account_id, domain=domain or None, region=region or "US")
    return checked(result.set_student_sign_in_policy)["policy"]


async def set_guardian_phone(*, token: str, account_id: str, guardian_id: str, phone: str) -> str | None:
    result = await api(token).set_guardian_phone(account=account_id, guardian=guardian_id, phone=phone or None)
    return checked(result.set_guardian_phone)["phone"]


async def my_sign_in(*, token: str) -> dict[str, Any]:
    return dump((await api(token).my_sign_in()).my_sign_in)


async def student_home(*, token: str) -> dict[str, Any]:
    return dump((await api(token).student_home()).student_home)


async def change_one_time_password(*, token: str, one_time_password: str, new_password: str) -> None:
    result = await api(token).change_one_time_password(otp=one_time_password, new=new_password)
    checked(result.change_one_time_password)


REPORTS = {"student-account-info": "Student Account Info", "user-account-info": "User Account Info",
           "user-account-credentials": "User Account Credentials"}


async def report(*, token: str, account_id: str, kind: str, params: dict[str, str], issue: bool = False) -> bytes:
    """A PDF report as bytes. The credentials report issues passwords only with `issue` (POST)."""
    query = urlencode({k: v for k, v in params.items() if v})
    path = f"/reports/accounts/{account_id}/{kind}.pdf" + (f"?{query}" if query else "")
    # Printing issues an argon2id one-time password per person: about 45 s for 1,000 on 2 busy cores.
    return await download(path, token=token, method="POST" if issue else "GET", timeout=300 if issue else 60)
