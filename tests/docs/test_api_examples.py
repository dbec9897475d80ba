"""Every example in docs/api.md runs against the demo data and answers what the page says.

An example is an HTML comment `<!-- example: name[, signed in] -->` followed by two JSON
blocks: the request body and the response. In the response, "…" matches any value (and
any list or object), and "$NAME" matches any value and remembers it (later, the same
value); `$ACCESS_TOKEN`, `$REFRESH_TOKEN`, `$SPENT_REFRESH_TOKEN`, remembered `$NAME`s and
`$SHA256(text)` in a request are filled in from earlier answers and the text.
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
EXAMPLE = re.compile(r"<!-- example: ([\w-]+)(, signed in)? -->\s*```json\n(.*?)```\s*```json\n(.*?)```", re.DOTALL)
ANY = "…"
BOUND = re.compile(r"\$[A-Z_]+")


def examples() -> list[tuple[str, bool, str, Any]]:
    found = [(m[1], bool(m[2]), m[3], json.loads(m[4])) for m in EXAMPLE.finditer(DOC.read_text())]
    assert len(found) == DOC.read_text().count("<!-- example:"), "an example on the page did not parse"
    return found


def matches(expected: Any, actual: Any, bound: dict[str, str] | None = None) -> bool:
    bound = {} if bound is None else bound
    if expected == ANY:
        return True
    if isinstance(expected, str) and BOUND.fullmatch(expected):
        name = expected[1:]
        if name in bound:
            return bound[name] == str(actual)
        bound[name] = str(actual)
        return True
    if isinstance(expected, dict):
        return isinstance(actual, dict) and expected.keys() == actual.keys() and all(
            matches(v, actual[k], bound) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(
            matches(e, a, bound) for e, a in zip(expected, actual)
        )
    return bool(expected == actual)


def fill(request: str, values: dict[str, str]) -> str:
    request = re.sub(r"\$SHA256\((.*?)\)", lambda m: hashlib.sha256(m[1].encode()).hexdigest(), request)
    for name, value in values.items():
        request = request.replace(f"${name}", value)
    return request


async def test_every_example_on_the_api_page_answers_as_documented(http: AsyncClient) -> None:
    persisted.store.cache_clear()
    await demo.seed()
    values: dict[str, str] = {}
    ran = []
    for name, signed_in, request, expected in examples():
        headers = {"Authorization": f"Bearer {values['ACCESS_TOKEN']}"} if signed_in else {}
        response = await http.post("/graphql", json=json.loads(fill(request, values)), headers=headers)
        body = response.json()
        assert matches(expected, body, values), f"docs/api.md example {name!r} answered {json.dumps(body)}"
        tokens = ((body.get("data") or {}).get("login") or (body.get("data") or {}).get("refreshToken") or {}).get("tokens")
        if tokens:
            if "REFRESH_TOKEN" in values:
                values["SPENT_REFRESH_TOKEN"] = values["REFRESH_TOKEN"]
            values.update(ACCESS_TOKEN=tokens["accessToken"], REFRESH_TOKEN=tokens.get("refreshToken", ""))
        ran.append(name)
    assert {"sign-in", "refresh", "refresh-reuse", "apq-miss", "apq-hit", "payload-error", "node", "nodes"} <= set(ran)


def test_the_matcher_is_strict_where_the_page_is_specific() -> None:
    assert matches({"a": ANY, "b": [1]}, {"a": {"x": 1}, "b": [1]})
    assert not matches({"a": ANY}, {"a": 1, "extra": 2})
    assert not matches({"b": [1]}, {"b": [1, 2]})
    assert not matches({"code": "TOKEN_USED"}, {"code": "TOKEN_INVALID"})
    bound: dict[str, str] = {}
    assert matches({"id": "$ID"}, {"id": "QQ"}, bound) and bound == {"ID": "QQ"}
    assert not matches({"id": "$ID"}, {"id": "other"}, bound)
