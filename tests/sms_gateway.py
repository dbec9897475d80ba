"""A small local HTTP server speaking Twilio's Programmable Messaging API, for tests.

POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP basic auth (AccountSid,
auth token) and a form (To, From or MessagingServiceSid, Body). It checks the auth and the
form like Twilio does, answers 201 with a message sid, keeps what it accepted, and can be
told to answer the next requests with 429, 500 or 400.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

ACCOUNT_SID = "AC" + "0" * 30 + "11"
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
FROM = "+15005550006"
_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w{32})/Messages\.json$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


@dataclass
class Received:
    to: str
    sender: str
    body: str
    sid: str


@dataclass
class Gateway:
    port: int = 0
    messages: list[Received] = field(default_factory=list)
    requests: int = 0
    _script: list[int] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer_next(self, *statuses: int) -> None:
        """The next requests get these statuses (e.g. 429, 500, 400) instead of being accepted."""
        with self._lock:
            self._script.extend(statuses)

    def reset(self) -> None:
        with self._lock:
            self.messages.clear()
            self._script.clear()
            self.requests = 0

    def to(self, phone: str) -> list[Received]:
        return [m for m in self.messages if m.to == phone]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, path: str, auth: str, form: dict[str, str]) -> tuple[int, dict[str, object]]:
        with self._lock:
            self.requests += 1
            match = _PATH.match(path)
            if match is None:
                return 404, {"code": 20404, "message": "The requested resource was not found", "status": 404}
            expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
            if match["sid"] != ACCOUNT_SID or auth != expected:
                return 401, {"code": 20003, "message": "Authenticate", "status": 401}
            if self._script:
                status = self._script.pop(0)
                return status, {"code": 21211 if status == 400 else 20429, "message": f"Scripted {status}", "status": status}
            to, body = form.get("To", ""), form.get("Body", "")
            sender = form.get("From") or form.get("MessagingServiceSid") or ""
            if not _E164.match(to):
                return 400, {"code": 21211, "message": f"The 'To' number {to} is not a valid phone number.", "status": 400}
            if not sender:
                return 400, {"code": 21603, "message": "A 'From' or 'MessagingServiceSid' parameter is required", "status": 400}
            if not body:
                return 400, {"code": 21602, "message": "Message body is required.", "status": 400}
            sid = "SM" + uuid.uuid4().hex
            self.messages.append(Received(to=to, sender=sender, body=body, sid=sid))
            return 201, {"sid": sid, "status": "queued", "to": to, "from": sender, "body": body}


def start(port: int) -> tuple[Gateway, ThreadingHTTPServer]:
    gateway = Gateway(port=port)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length).decode()
            form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
            if "application/x-www-form-urlencoded" not in (self.headers.get("content-type") or ""):
                status, payload = 400, {"code": 20001, "message": "form encoding expected", "status": 400}
            else:
                status, payload = gateway.handle(self.path, self.headers.get("authorization", ""), form)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return gateway, server
