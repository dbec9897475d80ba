"""Senders: Twilio's Programmable Messaging REST API (or a compatible gateway), and a
console sender for development."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from backend.core.config import Settings

if TYPE_CHECKING:
    import httpx  # imported by send_twilio when a text is sent: httpx pulls in click and rich (~9 MB)


class SmsRetry(Exception):
    """The gateway could not take it now (429, 5xx, network): try again later."""

    def __init__(self, reason: str, retry_after: int | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class SmsRejected(Exception):
    """The gateway refused the message for good (4xx other than 429): do not retry."""


def _reason(response: httpx.Response) -> str:
    try:
        data = response.json()
        return f"HTTP {response.status_code}: {data.get('code', '')} {data.get('message', '')}".strip()
    except ValueError:
        return f"HTTP {response.status_code}: {response.text[:500]}"


def _retry_after(response: httpx.Response) -> int | None:
    raw = response.headers.get("retry-after", "")
    return int(raw) if raw.isdigit() else None


async def send_twilio(*, to: str, body: str, settings: Settings, client: httpx.AsyncClient | None = None) -> str:
    """POST /2010-04-01/Accounts/{AccountSid}/Messages.json with basic auth; return the sid."""
    import httpx

    sid = settings.twilio_account_sid or ""
    url = f"{settings.sms_api_url}/2010-04-01/Accounts/{sid}/Messages.json"
    sender = settings.sms_from or ""
    form = {"To": to, "Body": body}
    # A Messaging Service (MG...) picks the number itself; otherwise From is the number.
    form["MessagingServiceSid" if sender.startswith("MG") else "From"] = sender
    owned = client is None
    http = client or httpx.AsyncClient(timeout=settings.sms_timeout_seconds)
    try:
        response = await http.post(url, data=form, auth=(sid, settings.twilio_auth_token or ""))
    except httpx.HTTPError as exc:
        raise SmsRetry(f"gateway unreachable: {type(exc).__name__}") from exc
    finally:
        if owned:
            await http.aclose()
    if response.status_code in (200, 201):
        return str(response.json().get("sid", ""))
    if response.status_code == 429 or response.status_code >= 500:
        raise SmsRetry(_reason(response), _retry_after(response))
    raise SmsRejected(_reason(response))


async def send_console(*, to: str, body: str, settings: Settings) -> str:
    """Development: print the text (like the development mailbox). Production prints no body."""
    shown = body if settings.debug else "(body withheld outside development)"
    print(f"\n[sms] to {to}: {shown}", file=sys.stdout, flush=True)
    return "console"


async def send(*, to: str, body: str, settings: Settings) -> str:
    if settings.sms_provider == "twilio":
        return await send_twilio(to=to, body=body, settings=settings)
    return await send_console(to=to, body=body, settings=settings)
