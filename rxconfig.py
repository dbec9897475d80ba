"""Reflex configuration for the Portico portal (the app package is `frontend/`)."""

import reflex as rx

config = rx.Config(
    app_name="frontend",
    # `reflex run --env prod` serves page, websocket and ping on frontend_port;
    # backend_port is only used by `reflex run` in development. 8000 is the API.
    frontend_port=3000,
    backend_port=8001,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo", gray_color="slate", radius="large", appearance="light"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
