"""The portal's own probes, beside Reflex's `/ping`: `/healthz` (the process answers) and
`/readyz` (the API it is a client of is ready, so pages can work)."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from frontend.api.client import api_url

API_TIMEOUT_SECONDS = 3.0


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    try:
        async with httpx.AsyncClient(timeout=API_TIMEOUT_SECONDS) as client:
            ready = (await client.get(f"{api_url()}/readyz")).status_code == 200
    except httpx.HTTPError:
        ready = False
    body = {"status": "ok" if ready else "unavailable", "api": "ok" if ready else "unavailable"}
    return JSONResponse(body, status_code=200 if ready else 503)


def probes() -> Starlette:
    """Mounted in front of Reflex's backend (`rx.App(api_transformer=...)`)."""
    return Starlette(routes=[Route("/healthz", healthz), Route("/readyz", readyz)])
