"""Rendering email templates and queueing them in the outbox."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from string import Template
from typing import Any

from backend.core.config import get_settings
from backend.core.mail.models import OutboxEmail
from backend.core.security import utcnow

TEMPLATES = Path(__file__).parent / "templates"
_CONTROL = re.compile(r"[\r\n\x00-\x1f\x7f]")
_wakeups: list[Any] = []


def clean_header(value: str) -> str:
    """Strip anything that could start a new header line (no header injection)."""
    return _CONTROL.sub(" ", value).strip()


def render(template: str, **context: Any) -> tuple[str, str, str]:
    """Render `<template>.subject.txt`, `.txt` and `.html` with `$name` placeholders.
    HTML gets escaped values; the brand wrapper is `_layout.html`."""
    values = {"product": "Portico", "public_url": get_settings().public_url, **context}
    escaped = {k: html.escape(str(v)) for k, v in values.items()}
    subject = _template(f"{template}.subject.txt").substitute(values)
    text = _template(f"{template}.txt").substitute(values)
    body = _template(f"{template}.html").substitute(escaped)
    page = _template("_layout.html").substitute(body=body, subject=html.escape(subject.strip()), product="Portico")
    return clean_header(subject), text, page


@functools.cache
def _template(name: str) -> Template:
    """Templates are read from disk once per process (they ship with the code)."""
    return Template((TEMPLATES / name).read_text())


async def enqueue_many(*, template: str, messages: list[dict[str, Any]]) -> int:
    """Queue many emails of one template in one statement (each dict: `to_email`, `to_name`
    and the template's values). Call inside the caller's transaction, like `enqueue`."""
    now, rows = utcnow(), []
    for m in messages:
        context = dict(m)
        to_email, to_name = context.pop("to_email"), context.pop("to_name", "")
        subject, text, page = render(template, **context)
        rows.append(OutboxEmail(
            template=template, to_email=clean_header(to_email), to_name=clean_header(to_name), subject=subject,
            text_body=text, html_body=page, next_attempt_at=now,
        ))
    if rows:
        await OutboxEmail.bulk_create(rows)
        for wake in _wakeups:
            wake()
    return len(rows)


async def enqueue(*, template: str, to_email: str, to_name: str = "", **context: Any) -> OutboxEmail:
    """Queue an email. Call inside the caller's transaction: it commits or rolls back with it."""
    subject, text, page = render(template, **context)
    email = await OutboxEmail.create(
        template=template,
        to_email=clean_header(to_email),
        to_name=clean_header(to_name),
        subject=subject,
        text_body=text,
        html_body=page,
        next_attempt_at=utcnow(),
    )
    for wake in _wakeups:
        wake()
    return email


def on_enqueue(callback: Any) -> None:
    """Let an in-process worker be woken when mail is queued instead of waiting to poll."""
    _wakeups.append(callback)


def link(path: str, **query: str) -> str:
    """Links in emails come from PUBLIC_URL, never from the request."""
    from urllib.parse import urlencode

    base = get_settings().public_url
    return f"{base}{path}" + (f"?{urlencode(query)}" if query else "")
