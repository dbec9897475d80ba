"""Every example in docs/api.md runs against the demo data and answers what the page says.

An example is an HTML comment `<!-- example: name[, signed in][, the 6th time] -->` followed by two JSON
blocks: the request body and the response. In the response, "…" matches any value (and
any list or object), and "$NAME" matches any value and keeps it as `$NAME` for later
requests; `$ACCESS_TOKEN`, `$REFRESH_TOKEN`, `$SPENT_REFRESH_TOKEN` and `$SHA256(text)` in a
request are filled in from earlier answers and the text, and so are `$ID(name)` (the `id` of
an object with that `name` in an earlier answer) and `$END_CURSOR` / `$START_CURSOR` (of the
latest `pageInfo` answered), so examples can page as a client would. A kept `$REPORT_URL` is
then downloaded, as the page says, without a token. "the 6th time" sends the same request five
times first and checks the answer to the sixth (for rate limits).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from httpx import AsyncClient

from backend import demo
from backend.core import persisted

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EXAMPLE = re.compile(
    r"<!-- example: ([\w-]+)(, signed in)?(?:, the (\d+)(?:st|nd|rd|th) time)? -->\s*```json\n(.*?)```\s*```json\n(.*?)```", re.DOTALL
)
ANY = "…"
KEEP = re.compile(r"\$([A-Z][A-Z_]*)")


def examples() -> list[tuple[str, bool, int, str, Any]]:
    """(name, signed in, the how-many-th time the request is sent, request, answer) of each example."""
    found = [(m[1], bool(m[2]), int(m[3] or 1), m[4], json.loads(m[5])) for m in EXAMPLE.finditer(DOC.read_text())]
    assert len(found) == DOC.read_text().count("<!-- example:"), "an example on the page did not parse"
    return found


def matches(expected: Any, actual: Any, kept: dict[str, str] | None = None) -> bool:
    if expected == ANY:
        return True
    if isinstance(expected, str) and (name := KEEP.fullmatch(expected)):
        if kept is not None:
            if name[1] in kept:  # kept before: the same value again (a node's id is the id it was asked by)
                return kept[name[1]] == str(actual)
            kept[name[1]] = str(actual)
        return actual is not None
    if isinstance(expected, dict):
        return isinstance(actual, dict) and expected.keys() == actual.keys() and all(
            matches(v, actual[k], kept) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(
            matches(e, a, kept) for e, a in zip(expected, actual)
        )
    return bool(expected == actual)


def fill(request: str, values: dict[str, str]) -> str:
    request = re.sub(r"\$SHA256\((.*?)\)", lambda m: hashlib.sha256(m[1].encode()).hexdigest(), request)
    for name, value in values.items():
        request = request.replace(f"${name}", value)
    return request


def remember(body: Any, values: dict[str, str]) -> None:
    """Ids by name and the latest page's cursors, from an answer, for the examples that follow."""
    if isinstance(body, dict):
        if isinstance(body.get("id"), str) and isinstance(body.get("name"), str):
            values[f"ID({body['name']})"] = body["id"]
        info = body.get("pageInfo")
        if isinstance(info, dict):
            values.update({k: info[c] for k, c in (("END_CURSOR", "endCursor"), ("START_CURSOR", "startCursor")) if info.get(c)})
        for value in body.values():
            remember(value, values)
    elif isinstance(body, list):
        for value in body:
            remember(value, values)


async def test_every_example_on_the_api_page_answers_as_documented(http: AsyncClient) -> None:
    persisted.store.cache_clear()
    await demo.seed()
    values: dict[str, str] = {}
    ran = []
    for name, signed_in, times, request, expected in examples():
        headers = {"Authorization": f"Bearer {values['ACCESS_TOKEN']}"} if signed_in else {}
        for _ in range(times - 1):  # "the 6th time": the same request first goes out five times
            assert (await http.post("/graphql", json=json.loads(fill(request, values)), headers=headers)).status_code == 200
        response = await http.post("/graphql", json=json.loads(fill(request, values)), headers=headers)
        body = response.json()
        assert matches(expected, body, values), f"docs/api.md example {name!r} answered {json.dumps(body)}"
        tokens = ((body.get("data") or {}).get("login") or (body.get("data") or {}).get("refreshToken") or {}).get("tokens")
        if tokens:
            if "REFRESH_TOKEN" in values:
                values["SPENT_REFRESH_TOKEN"] = values["REFRESH_TOKEN"]
            values.update(ACCESS_TOKEN=tokens["accessToken"], REFRESH_TOKEN=tokens.get("refreshToken", ""))
        remember(body.get("data"), values)
        ran.append(name)
    assert {"sign-in", "refresh", "refresh-reuse", "apq-miss", "apq-hit", "payload-error", "report-download-url", "node", "nodes", "reset-rate-limited"} <= set(ran)
    assert {"page-first", "page-next", "page-last", "page-previous", "page-too-large"} <= set(ran)
    report = await http.get(values["REPORT_URL"])
    assert report.status_code == 200, report.text
    assert report.headers["content-type"] == "application/pdf" and report.content.startswith(b"%PDF")
    assert report.headers["content-disposition"] == 'attachment; filename="student-account-info.pdf"'


def test_the_matcher_is_strict_where_the_page_is_specific() -> None:
    assert matches({"a": ANY, "b": [1]}, {"a": {"x": 1}, "b": [1]})
    assert not matches({"a": ANY}, {"a": 1, "extra": 2})
    assert not matches({"b": [1]}, {"b": [1, 2]})
    assert not matches({"code": "TOKEN_USED"}, {"code": "TOKEN_INVALID"})
    kept: dict[str, str] = {}
    assert matches({"a": [{"id": "$ACCOUNT_ID"}]}, {"a": [{"id": "QWNjb3VudDox"}]}, kept) and kept == {"ACCOUNT_ID": "QWNjb3VudDox"}
    assert not matches({"url": "$REPORT_URL"}, {"url": None})
    assert not matches({"id": "$ACCOUNT_ID"}, {"id": "other"}, kept)
