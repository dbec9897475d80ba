"""The User Accounts page's dialogs: a student's sign-in panel and a PDF report."""

from __future__ import annotations

import reflex as rx

from frontend.components.feedback import error_callout, info_callout
from frontend.components.forms import field
from frontend.pages.students.rows import PersonRow
from frontend.pages.students.state import UserAccountsState as S

FIELD_LABELS = [("family", "Family"), ("user_type", "User type"), ("sign_in_address", "Sign-in address"),
                ("password", "One-time password (issued now, for people who have not signed in)")]


def panel_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Sign-in: ", S.panel_name),
            rx.dialog.description(S.panel_policy, size="2", color_scheme="gray"),
            rx.form(
                rx.vstack(
                    error_callout(S.panel_error),
                    rx.cond(
                        S.panel_guardian_id == "",
                        rx.vstack(
                            rx.checkbox("Use personal e-mail", checked=S.panel_use_personal, on_change=S.set_panel_use_personal,
                                        name="use_personal", id="panel-use-personal"),
                            field("Personal e-mail", rx.input(name="personal", default_value=S.panel_personal, id="panel-personal",
                                                              type="email", width="100%")),
                            field("Contact e-mail", rx.input(name="contact", default_value=S.panel_contact, id="panel-contact",
                                                             type="email", width="100%"), "The username when Microsoft 365 is on."),
                            spacing="3", width="100%",
                        ),
                    ),
                    field("Mobile phone", rx.input(name="phone", default_value=S.panel_phone, id="panel-phone", width="100%"),
                          "Saved in international format (E.164)."),
                    rx.cond(S.panel_guardian_id == "",
                            rx.text("Username: ", rx.text.strong(S.panel_username), size="2", id="panel-username")),
                    rx.hstack(
                        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                        rx.button("Save", type="submit", loading=S.panel_saving, id="panel-save"),
                        justify="end", width="100%",
                    ),
                    spacing="3", width="100%",
                ),
                on_submit=S.save_panel, reset_on_submit=False,
            ),
            max_width="480px",
        ),
        open=S.panel_open, on_open_change=S.set_panel_open,
    )


def policy_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Username policy"),
            rx.dialog.description("Without a directory integration, students sign in with their personal e-mail (tick it "
                                  "per student). With Microsoft 365, their contact e-mail in the tenant's domain is the username.",
                                  size="2", color_scheme="gray"),
            rx.form(
                rx.vstack(
                    error_callout(S.policy_error),
                    field("Microsoft 365 domain", rx.input(name="domain", default_value=S.policy_domain, id="policy-domain",
                                                           placeholder="school.edu (empty: no integration)", width="100%")),
                    field("Phone country", rx.input(name="region", default_value=S.policy_region, id="policy-region", width="100%"),
                          "For numbers written without +country code, e.g. US or GB."),
                    rx.hstack(
                        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                        rx.button("Save", type="submit", id="policy-save"),
                        justify="end", width="100%",
                    ),
                    spacing="3", width="100%",
                ),
                on_submit=S.save_policy, reset_on_submit=False,
            ),
            max_width="480px",
        ),
        open=S.policy_open, on_open_change=S.set_policy_open,
    )


def _preview_row(r: PersonRow) -> rx.Component:
    return rx.table.row(rx.table.cell(r.name), rx.table.cell(r.type_label), rx.table.cell(r.username), rx.table.cell(r.status_label))


def report_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(S.report_title),
            rx.vstack(
                error_callout(S.report_error),
                rx.cond(
                    S.report_is_credentials,
                    rx.vstack(
                        rx.radio_group(["students", "guardians", "both"], value=S.report_who, on_change=S.set_report_who,
                                       direction="row", id="report-who"),
                        rx.foreach(FIELD_LABELS, lambda f: rx.checkbox(
                            f[1], checked=S.report_fields.contains(f[0]), on_change=S.toggle_report_field(f[0]),
                            class_name="report-field", data_field=f[0])),
                        info_callout("Printing issues a fresh one-time password to everyone listed who has not signed in "
                                     "yet; their previous one stops working. Who printed whom is recorded.", "shield"),
                        spacing="2", width="100%",
                    ),
                    rx.text("Uses the list's filters and search.", size="2", color_scheme="gray"),
                ),
                rx.cond(
                    S.report_preview_count > 0,
                    rx.vstack(
                        rx.text(S.report_preview_count, " people; the first ones:", size="2"),
                        rx.table.root(rx.table.body(rx.foreach(S.report_preview, _preview_row)), size="1", width="100%"),
                        width="100%", id="report-preview",
                    ),
                ),
                rx.hstack(
                    rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                    rx.button("Preview", variant="soft", on_click=S.preview_report, loading=S.report_busy, id="report-preview-button"),
                    rx.button(rx.icon("download", size=15), "Download PDF", on_click=S.download_report, loading=S.report_busy,
                              id="report-download"),
                    justify="end", width="100%",
                ),
                spacing="3", width="100%",
            ),
            max_width="560px",
        ),
        open=S.report_open, on_open_change=S.set_report_open,
    )
