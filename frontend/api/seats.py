"""Subscriptions and seats (the seat dashboard). Every call but `my_subscriptions` needs a seat admin.

Excel reports come from the API's HTTP routes with the same bearer token; the portal
fetches them server-side so the token never reaches the browser.
"""

from __future__ import annotations

from typing import Any

from frontend.api.client import checked, download, execute

SUBSCRIPTION_FIELDS = "id name seatCount seatsAllocated seatsAvailable invitationsPending startsOn endsOn withinAccessDates features"
SEAT_USER_FIELDS = "user { id fullName } email firstName lastName status isAdmin hasContentAccess teams lastSignInAt invitation { id expiresAt }"
ERRORS = "errors { code message field }"
REPORTS = ("viewings", "labs", "logins")

MY_SUBSCRIPTIONS = f"query MySubscriptions {{ mySubscriptions {{ isAdmin status subscription {{ {SUBSCRIPTION_FIELDS} }} }} }}"
SUBSCRIPTION = f"query Subscription($sub: ID!) {{ subscription(subscriptionId: $sub) {{ {SUBSCRIPTION_FIELDS} }} }}"
SUBSCRIPTION_USAGE = """query Usage($sub: ID!, $days: Int!) { subscriptionUsage(subscriptionId: $sub, days: $days) {
  day activeUsers logins viewings viewedCompletely labs } }"""
SUBSCRIPTION_USERS = f"""query SeatUsers($sub: ID!, $status: SeatUserFilter, $search: String!, $after: String) {{
  subscriptionUsers(subscriptionId: $sub, status: $status, search: $search, first: 100, after: $after) {{
    nodes {{ {SEAT_USER_FIELDS} }} pageInfo {{ hasNextPage endCursor }} }} }}"""
INVITE_SEAT_USER = f"""mutation InviteSeatUser($sub: ID!, $input: InviteSeatUserInput!) {{
  inviteSeatUser(subscriptionId: $sub, input: $input) {{ invitation {{ id email }} {ERRORS} }} }}"""
RESEND_SEAT_INVITATION = f"""mutation ResendSeatInvitation($sub: ID!, $id: ID!) {{
  resendSeatInvitation(subscriptionId: $sub, invitationId: $id) {{ invitation {{ id }} {ERRORS} }} }}"""
REVOKE_SEAT_INVITATION = f"""mutation RevokeSeatInvitation($sub: ID!, $id: ID!) {{
  revokeSeatInvitation(subscriptionId: $sub, invitationId: $id) {{ ok {ERRORS} }} }}"""
SEAT_CHANGE = """mutation {name}($sub: ID!, $user: ID!) {{
  {field}(subscriptionId: $sub, userId: $user) {{ subscription {{ {sub} }} {errors} }} }}"""
ACTIVATE_SEAT = SEAT_CHANGE.format(name="ActivateSeat", field="activateSeat", sub=SUBSCRIPTION_FIELDS, errors=ERRORS)
DEACTIVATE_SEAT = SEAT_CHANGE.format(name="DeactivateSeat", field="deactivateSeat", sub=SUBSCRIPTION_FIELDS, errors=ERRORS)
REMOVE_ADMIN_RIGHTS = SEAT_CHANGE.format(name="RemoveAdminRights", field="removeAdminRights", sub=SUBSCRIPTION_FIELDS, errors=ERRORS)
SEND_PASSWORD_RESET = f"""mutation SeatUserPasswordReset($sub: ID!, $user: ID!) {{
  sendSeatUserPasswordReset(subscriptionId: $sub, userId: $user) {{ ok {ERRORS} }} }}"""
SEAT_USER_ACTIVITY = f"""query SeatUserActivity($sub: ID!, $user: ID!) {{ seatUserActivity(subscriptionId: $sub, userId: $user) {{
  seatUser {{ {SEAT_USER_FIELDS} }} teams {{ id name }} logins viewingsStarted viewedCompletely labsStarted labsCompleted lastLoginAt downloadPath
  events(first: 10) {{ nodes {{ id kind occurredAt content {{ title kind }} }} }}
  assignments {{ id moduleName dueOn overdue people {{ completedItems totalItems complete }} }} }} }}"""


async def my_subscriptions(*, token: str) -> list[dict[str, Any]]:
    """Subscriptions I am on, each with `isAdmin` and its seat counts."""
    return (await execute(MY_SUBSCRIPTIONS, token=token))["mySubscriptions"]


async def subscription(*, token: str, subscription_id: str) -> dict[str, Any]:
    return (await execute(SUBSCRIPTION, {"sub": subscription_id}, token=token))["subscription"]


async def usage(*, token: str, subscription_id: str, days: int = 30) -> list[dict[str, Any]]:
    return (await execute(SUBSCRIPTION_USAGE, {"sub": subscription_id, "days": days}, token=token))["subscriptionUsage"]


async def users(*, token: str, subscription_id: str, status: str | None, search: str) -> list[dict[str, Any]]:
    """Everyone, alphabetically; `status` ACTIVE, INVITED, DEACTIVATED, ADMINS or None for everyone.

    The people table sorts by any column and pages on the page, so it reads the whole list:
    pages of 100, following the cursor."""
    rows: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        variables = {"sub": subscription_id, "status": status, "search": search, "after": after}
        page = (await execute(SUBSCRIPTION_USERS, variables, token=token))["subscriptionUsers"]
        rows += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return rows
        after = page["pageInfo"]["endCursor"]


async def invite_seat_user(*, token: str, subscription_id: str, first_name: str, last_name: str, email: str,
                           access: str, team_id: str | None) -> dict[str, Any]:
    payload = {"firstName": first_name, "lastName": last_name, "email": email, "access": access, "teamId": team_id}
    return checked((await execute(INVITE_SEAT_USER, {"sub": subscription_id, "input": payload}, token=token))["inviteSeatUser"])


async def resend_seat_invitation(*, token: str, subscription_id: str, invitation_id: str) -> None:
    checked((await execute(RESEND_SEAT_INVITATION, {"sub": subscription_id, "id": invitation_id}, token=token))["resendSeatInvitation"])


async def revoke_seat_invitation(*, token: str, subscription_id: str, invitation_id: str) -> None:
    checked((await execute(REVOKE_SEAT_INVITATION, {"sub": subscription_id, "id": invitation_id}, token=token))["revokeSeatInvitation"])


async def _seat_change(document: str, field: str, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    """The subscription's seat counts after the change."""
    data = await execute(document, {"sub": subscription_id, "user": user_id}, token=token)
    return checked(data[field])["subscription"]


async def activate_seat(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    """Refused with NO_FREE_SEAT when every seat is taken."""
    return await _seat_change(ACTIVATE_SEAT, "activateSeat", token, subscription_id, user_id)


async def deactivate_seat(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    return await _seat_change(DEACTIVATE_SEAT, "deactivateSeat", token, subscription_id, user_id)


async def remove_admin_rights(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    """Refused with LAST_SEAT_ADMIN for the only admin; the person's seat stays."""
    return await _seat_change(REMOVE_ADMIN_RIGHTS, "removeAdminRights", token, subscription_id, user_id)


async def send_password_reset(*, token: str, subscription_id: str, user_id: str) -> None:
    """Emails a reset link that works for 15 minutes."""
    checked((await execute(SEND_PASSWORD_RESET, {"sub": subscription_id, "user": user_id}, token=token))["sendSeatUserPasswordReset"])


async def user_activity(*, token: str, subscription_id: str, user_id: str) -> dict[str, Any]:
    """The activity screen; `events` holds the latest 10 events, newest first."""
    activity = (await execute(SEAT_USER_ACTIVITY, {"sub": subscription_id, "user": user_id}, token=token))["seatUserActivity"]
    return {**activity, "events": activity["events"]["nodes"]}


async def organization_report(*, token: str, subscription_id: str, kind: str) -> bytes:
    """Viewings, labs or logins of the whole subscription, as .xlsx bytes."""
    if kind not in REPORTS:
        raise ValueError(f"unknown report {kind!r}")
    return await download(f"/reports/subscriptions/{subscription_id}/{kind}.xlsx", token=token)


async def activity_report(*, token: str, path: str) -> bytes:
    """One person's full history as .xlsx bytes (`path` is the activity's `downloadPath`)."""
    return await download(path, token=token)
