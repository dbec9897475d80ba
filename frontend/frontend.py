"""The Portico portal: a Reflex app that is a pure client of the Portico GraphQL API.

The theme (one indigo accent on slate greys) is set in rxconfig.py, on the Radix plugin.
"""

import reflex as rx

from frontend import health

# Importing the pages registers them (`@rx.page`).
from frontend.pages import (  # noqa: F401
    accept_invitation,
    change_password,
    forgot_password,
    home,
    not_found,
    reset_password,
    sign_in,
    sign_out,
    student_home,
)
from frontend.pages.enterprise import admin as enterprise_admin  # noqa: F401
from frontend.pages.enterprise import page as enterprise  # noqa: F401
from frontend.pages.learning import page as my_learning  # noqa: F401
from frontend.pages.my_account import page as my_account  # noqa: F401
from frontend.pages.office import page as office_families  # noqa: F401
from frontend.pages.seats import page as seat_dashboard  # noqa: F401
from frontend.pages.students import page as user_accounts  # noqa: F401
from frontend.pages.users import page as user_management  # noqa: F401

app = rx.App(
    style={"font_family": "Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    head_components=[
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1"),
        rx.el.link(rel="icon", type="image/svg+xml", href="/favicon.svg"),
        rx.el.link(rel="alternate icon", href="/favicon.ico"),
    ],
    toaster=rx.toast.provider(position="bottom-right", rich_colors=True, close_button=True),
    api_transformer=health.probes(),
)
