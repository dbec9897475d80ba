"""The Starlette application: `POST /graphql`, `GET /healthz` `/readyz` `/metrics`, `GET /reports/...xlsx|pdf`
(and `/reports/download/{token}` by signed link), `GET /sso/...`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.routing import Route
from strawberry.asgi import GraphQL

from backend import wiring
from backend.core import db
from backend.core.config import get_settings
from backend.core.context import Context
from backend.core.httpguard import RequestGuard
from backend.core.mail import service as mail
from backend.core.observability.logging import configure_logging
from backend.core.observability.requests import ObservabilityMiddleware
from backend.core.sms import service as sms
from backend.enterprise import routes as enterprise_routes
from backend.ops import server as ops
from backend.reports.link_route import routes as report_link_routes
from backend.reports.routes import routes as report_routes
from backend.schema import schema
from backend.students.routes import routes as student_report_routes

log = logging.getLogger("portico")


class PorticoGraphQL(GraphQL):
    async def get_context(self, request: Request, response: Any = None) -> Context:  # type: ignore[override]
        return Context(request=request, response=response)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    await db.init_db()
    ops.start(get_settings())
    tasks = []
    loop = asyncio.get_running_loop()
    # The workers (and their SMTP / HTTP clients) are imported only when this process runs them.
    if get_settings().job_worker == "inprocess":
        from backend.members import jobs

        tasks.append(asyncio.create_task(jobs.run_forever(wake=asyncio.Event())))
    if get_settings().mail_worker == "inprocess":
        from backend.core.mail import worker

        wake = asyncio.Event()
        # Woken shortly after an email is queued (after its transaction commits, usually).
        mail.on_enqueue(lambda: loop.call_later(0.3, wake.set))
        tasks.append(asyncio.create_task(worker.run_forever(wake=wake)))
    if get_settings().sms_worker == "inprocess":
        from backend.core.sms import worker as sms_worker

        sms_wake = asyncio.Event()
        sms.on_enqueue(lambda: loop.call_later(0.3, sms_wake.set))
        tasks.append(asyncio.create_task(sms_worker.run_forever(wake=sms_wake)))
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if get_settings().mail_worker == "inprocess":
            await ops.release_claims()
        await db.close_db()


def create_app(*, manage_db: bool = True) -> Starlette:
    """The ASGI app. Tests pass `manage_db=False` and own the database themselves."""
    settings = get_settings()
    configure_logging(settings)
    wiring.install()
    graphql = PorticoGraphQL(schema, graphql_ide="graphiql" if settings.debug else None, allow_queries_via_get=False)
    return Starlette(
        debug=False,
        routes=[Route("/graphql", graphql, methods=["GET", "POST"]), *ops.routes(), *report_routes, *student_report_routes, *report_link_routes,
                enterprise_routes.mount()],
        middleware=[
            Middleware(ObservabilityMiddleware),
            Middleware(RequestGuard),
            Middleware(
                CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type"],
            )
        ],
        lifespan=_lifespan if manage_db else None,
    )
