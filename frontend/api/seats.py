"""Subscriptions and seats (the seat dashboard). Every call but `my_subscriptions` needs a seat admin
(operations: graphql/seats.graphql).

Excel reports come from the API's HTTP routes with the same bearer token; the portal
fetches them server-side so the token never reaches the browser.
"""

from __future__ import annotations

from typing import Any

from frontend.api.client import ConnectionPage, api, checked, download, dump, dump_all, every_page
from frontend.api.generated import InviteSeatUserInput, SeatUserFilter

REPORTS = ("viewings", "labs", "logins")


async def my_subscriptions(*, token: str) -> list[dict[str, Any]]:
    """Subscriptions I am on, each with `isAdmin` and its seat counts."""
    return dump_all((await api(token).my_subscriptions()).my_subscriptions)


async def subscription(*, token: str, subscription_id: str) -> dict[str, Any]:
    return dump((await api(token).subscription(sub=subscription_id)).subscription)


async def usage(*, token: str, subscription_id: str, days: int = 30) -> list[dict[str, Any]]:
    return dump_all((await api(token).subscription_usage(sub=subscription_id, days=days)).subscription_usage)


async def users(*, token: str, subscription_id: str, status: str | None, search: str) -> list[dict[str, Any]]:
    """Everyone, alphabetically; `status` ACTIVE, INVITED, DEACTIVATED, ADMINS or None for everyone.

    The people table sorts by any column and pages on the page, so it reads the whole list:
    pages of 100, following the cursor."""
    client, seat_filter = api(token), SeatUserFilter(status) if status else None

    async def page(after: str | None) -> ConnectionPage:
        return (await client.subscription_users(sub=subscription_id, status=seat_filter, search=search, after=after)).subscription_users

    return await every_page(page)


async def invite_seat_user(*, token: str, subscription_id: str, first_name: str, last_name: str, email: str,
                           access: str, team_id: str | None) -> dict[str, Any]:
    person = InviteSeatUserInput.model_validate(
        {"firstName": first_name, "lastName": last_name, "email": email, "access": access, "teamId": team_id})
    return checked((await api(token).invite_seat_user(sub=subscription_id, input=person)).invite_seat_user)


async def resend_seat_invitation(*, token: str, subscription_id: str, invitation_id: str) -> None:
    checked((await api(token).resend_seat_invitation(sub=subscription_id, id=invitation_id)).resend_seat_invitation)


async def revoke_seat_invitation(*, token: str, subscription_id: str, invitation_id: str) -> None:
    checked((await api(token).revoke_seat_invitation(sub=subscription_id, id=invitation_id)).revoke_seat_invitation)


# The three seat changes answer with the subscription's seat counts after the change.
async def activate_seat(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    """Refused with NO_FREE_SEAT when every seat is taken."""
    return checked((await api(token).activate_seat(sub=subscription_id, user=user_id)).activate_seat)["subscription"]


async def deactivate_seat(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    return checked((await api(token).deactivate_seat(sub=subscription_id, user=user_id)).deactivate_seat)["subscription"]


async def remove_admin_rights(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    """Refused with LAST_SEAT_ADMIN for the only admin; the person's seat stays."""
    return checked((await api(token).remove_admin_rights(sub=subscription_id, user=user_id)).remove_admin_rights)["subscription"]


async def send_password_reset(*, token: str, subscription_id: str, user_id: str) -> None:
    """Emails a reset link that works for 15 minutes."""
    result = await api(token).send_seat_user_password_reset(sub=subscription_id, user=user_id)
    checked(result.send_seat_user_password_reset)


async def user_activity(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    """The activity screen; `events` holds the latest 10 events, newest first."""
    activity = dump((await api(token).seat_user_activity(sub=subscription_id, user=user_id)).seat_user_activity)
    return {**activity, "events": activity["events"]["nodes"]}


async def organization_report(*, token: str, subscription_id: str, kind: str) -> bytes:
    """Viewings, labs or logins of the whole subscription, as .xlsx bytes."""
    if kind not in REPORTS:
        raise ValueError(f"unknown report {kind!r}")
    return await download(f"/reports/subscriptions/{subscription_id}/{kind}.xlsx", token=token)


async def activity_report(*, token: str, path: str) -> bytes:
    """One person's full history as .xlsx bytes (`path` is the activity's `downloadPath`)."""
    return await download(path, token=token)
