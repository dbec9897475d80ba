"""The three PDF reports, drawn with reportlab (pure Python, maintained, no system
libraries, so it builds the same offline on every machine). Rendering is CPU work: callers
run these functions in a thread (`asyncio.to_thread`) so the event loop never waits on it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from backend.students.listing import Row

# reportlab is imported by the functions that draw (in their worker thread), never when the
# app starts: it would add megabytes to every idle API process.


@cache
def _styles() -> Any:
    from reportlab.lib.styles import getSampleStyleSheet

    return getSampleStyleSheet()


@cache
def _table_style() -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    return TableStyle([
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
STATUS_WORDS = {"NO_LOGIN": "No login", "INVITED": "Invited", "CREDENTIALS_SENT": "Credentials sent", "ACTIVE": "Active",
                "DISABLED": "Disabled"}


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def _name(r: Row) -> str:
    return f"{r.last_name}, {r.first_name}".strip(", ")


def _document(title: str, subtitle: str, story: list, *, wide: bool) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    _STYLES = _styles()
    buffer = io.BytesIO()
    size = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(buffer, pagesize=size, title=title, author="Portico", leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm)
    head = [Paragraph(escape(title), _STYLES["Title"]), Paragraph(escape(subtitle), _STYLES["Normal"]), Spacer(1, 4 * mm)]
    doc.build(head + story)
    return buffer.getvalue()


def _table(header: list[str], rows: list[list[str]], widths: list[float]) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable

    table = LongTable([header, *rows], colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(_table_style())
    return table


def student_account_info(*, account_name: str, rows: Sequence[Row], generated: datetime) -> bytes:
    """Per student: name, family, username, user type, sign-in status, last sign-in, how and when credentials were sent."""
    body = [[_name(r), r.family_name, r.username or "-", r.user_type.title(), STATUS_WORDS[r.status], _when(r.last_sign_in_at),
             (r.channel or "-").upper(), _when(r.sent_at)] for r in rows]
    header = ["Student", "Family", "Username", "Type", "Status", "Last sign-in", "Sent by", "Sent at"]
    return _document("Student Account Info", f"{account_name} - {len(rows)} students - {_when(generated)} UTC",
                     [_table(header, body, [45, 30, 62, 18, 27, 30, 18, 30])], wide=True)


def user_account_info(*, account_name: str, rows: Sequence[Row], generated: datetime) -> bytes:
    """Every person of the account with type, username, status and last sign-in."""
    body = [[_name(r), r.user_type.title(), r.family_name or "-", r.username or "-", STATUS_WORDS[r.status], _when(r.last_sign_in_at)]
            for r in rows]
    header = ["Name", "Type", "Family", "Username", "Status", "Last sign-in"]
    return _document("User Account Info", f"{account_name} - {len(rows)} people - {_when(generated)} UTC",
                     [_table(header, body, [55, 22, 40, 80, 30, 32])], wide=True)


@dataclass(frozen=True)
class CredentialBlock:
    name: str
    user_type: str
    family: str
    username: str | None
    password: str | None  # a fresh one-time password, only for people who have not signed in yet
    note: str  # why there is no password (already signed in, no username yet, ...)


FIELDS = ("family", "user_type", "sign_in_address", "password")


def credentials(*, account_name: str, blocks: Sequence[CredentialBlock], fields: Sequence[str], sign_in_url: str,
                generated: datetime, preview: bool) -> bytes:
    """One block per person with username (and the chosen fields), for handing out on paper."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    _STYLES = _styles()
    story: list = []
    normal, bold = _STYLES["Normal"], _STYLES["Heading4"]
    for b in blocks:
        lines = [Paragraph(escape(b.name), bold)]
        if "user_type" in fields:
            lines.append(Paragraph(f"Type: {b.user_type.title()}", normal))
        if "family" in fields and b.family:
            lines.append(Paragraph(f"Family: {escape(b.family)}", normal))
        lines.append(Paragraph(f"Username: {escape(b.username or '-')}", normal))
        if "password" in fields:
            shown = b.password or ("(issued when printed)" if preview and not b.note else b.note)
            lines.append(Paragraph(f"One-time password: {escape(shown)}", normal))
        if "sign_in_address" in fields:
            lines.append(Paragraph(f"Sign in at: {escape(sign_in_url)}", normal))
        lines.append(Spacer(1, 3 * mm))
        story.append(KeepTogether(lines))
    title = "User Account Credentials" + (" (preview)" if preview else "")
    return _document(title, f"{account_name} - {len(blocks)} people - {_when(generated)} UTC", story, wide=False)
