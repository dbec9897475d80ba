"""My learning: for a person with a seat, their subscriptions with access dates, assigned
modules with due dates and progress, and the content they may open. Opening an item
records a viewing; finishing records it done (what the seat admin's activity counts)."""

from __future__ import annotations

import reflex as rx

from frontend import routes
from frontend.api import ApiError, PayloadError
from frontend.api import learning as learning_api
from frontend.components.feedback import empty_state, info_callout, loading_block
from frontend.components.layout import app_shell, card, card_header
from frontend.pages.learning.rows import AssignmentRow, ItemRow, LearningRow
from frontend.state import SessionState


class LearningState(SessionState):
    loading: bool = True
    load_error: str = ""
    rows: list[LearningRow] = []
    busy: str = ""  # "<subscription>:<content>" while recording

    async def _fetch(self) -> None:
        self.rows = [LearningRow.of(m) for m in await self._authed(learning_api.my_learning)]

    @rx.event
    async def load(self):
        if not self.signed_in:
            return
        self.loading, self.load_error = True, ""
        yield
        try:
            await self._fetch()
        except ApiError as exc:
            self.load_error = exc.message
        self.loading = False

    async def _record(self, call, subscription_id: str, content_id: str, done: str):  # type: ignore[no-untyped-def]
        self.busy = f"{subscription_id}:{content_id}"
        yield
        try:
            await self._authed(call, subscription_id=subscription_id, content_id=content_id)
            await self._fetch()
            yield rx.toast.success(done)
        except PayloadError as exc:
            yield rx.toast.error(exc.errors[0].get("message") or exc.message)  # written for the learner
        except ApiError as exc:
            yield rx.toast.error(exc.message)
        finally:
            self.busy = ""

    @rx.event
    async def open_item(self, subscription_id: str, content_id: str, title: str):
        async for u in self._record(learning_api.open_content, subscription_id, content_id, f"Opened {title}."):
            yield u

    @rx.event
    async def finish_item(self, subscription_id: str, content_id: str, title: str):
        async for u in self._record(learning_api.finish_content, subscription_id, content_id, f"{title} marked as finished."):
            yield u


def _item(i: ItemRow) -> rx.Component:
    key = i.subscription_id + ":" + i.content_id
    return rx.flex(
        rx.hstack(
            rx.center(rx.icon(i.icon, size=15, color="var(--accent-9)"), width="30px", height="30px", border_radius="8px",
                      background="var(--accent-3)", flex_shrink="0"),
            rx.vstack(rx.text(i.title, size="2", weight="medium"),
                      rx.text(f"{i.kind_label} · {i.minutes} min", size="1", color_scheme="gray"), spacing="0", min_width="0"),
            spacing="3", align="center", flex="1", min_width="0",
        ),
        rx.cond(
            i.done,
            rx.badge(rx.icon("check", size=12), "Finished", color_scheme="green", variant="soft", class_name="item-done"),
            rx.cond(
                i.can_open,
                rx.hstack(
                    rx.button(rx.icon("play", size=13), rx.cond(i.started, "Open again", "Open"), size="1", variant="soft",
                              class_name="item-open", loading=LearningState.busy == key,
                              on_click=LearningState.open_item(i.subscription_id, i.content_id, i.title)),
                    rx.button(rx.icon("check", size=13), "Mark finished", size="1", variant="outline", class_name="item-finish",
                              disabled=~i.started, loading=LearningState.busy == key,
                              on_click=LearningState.finish_item(i.subscription_id, i.content_id, i.title)),
                    spacing="2",
                ),
                rx.badge("Not available now", color_scheme="gray", variant="soft"),
            ),
        ),
        justify="between", align=rx.breakpoints(initial="start", sm="center"), spacing="2", width="100%", padding_y="8px",
        border_top="1px solid var(--gray-3)", direction=rx.breakpoints(initial="column", sm="row"),
        class_name="learning-item", data_title=i.title,
    )


def _assignment(a: AssignmentRow) -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.vstack(rx.text(a.module, weight="bold", size="3"),
                      rx.cond(a.description != "", rx.text(a.description, size="2", color_scheme="gray")), spacing="0"),
            rx.hstack(rx.text(f"Due {a.due}", size="2", color_scheme="gray", white_space="nowrap"),
                      rx.badge(a.state_label, color_scheme=a.state_color, variant="soft", class_name="assignment-state"),
                      spacing="2", align="center"),
            justify="between", spacing="2", width="100%", direction=rx.breakpoints(initial="column", sm="row"),
        ),
        rx.hstack(rx.progress(value=a.percent, size="2", flex="1", color_scheme=rx.cond(a.state == "DONE", "green", "indigo")),
                  rx.text(f"{a.done} of {a.total} done", size="1", color_scheme="gray", white_space="nowrap", class_name="assignment-progress"),
                  spacing="3", align="center", width="100%"),
        rx.vstack(rx.foreach(a.parts, _item), spacing="0", width="100%"),
        spacing="2", width="100%", padding="14px", border="1px solid var(--gray-4)", border_radius="12px",
        class_name="my-assignment", data_module=a.module,
    )


def _subscription(s: LearningRow) -> rx.Component:
    return card(
        card_header(s.name, f"Access {s.dates}",
                    rx.badge(rx.cond(s.can_open, "Access now", "No access now"), color_scheme=rx.cond(s.can_open, "green", "gray"),
                             variant="soft", size="2")),
        rx.vstack(
            rx.cond(s.why_not != "", info_callout(s.why_not, icon="lock")),
            rx.text("Assignments", weight="bold", size="2"),
            rx.cond(s.assignments.length() > 0, rx.vstack(rx.foreach(s.assignments, _assignment), spacing="3", width="100%"),
                    rx.text("Nothing assigned to you yet.", size="2", color_scheme="gray")),
            rx.cond(
                s.library.length() > 0,
                rx.vstack(rx.text("Library", weight="bold", size="2", margin_top="8px"),
                          rx.vstack(rx.foreach(s.library, _item), spacing="0", width="100%", id="library"), spacing="1", width="100%"),
            ),
            spacing="3", width="100%",
        ),
        class_name="learning-subscription", data_name=s.name,
    )


@rx.page(route=routes.MY_LEARNING, title="My learning · Portico", on_load=[SessionState.require_session, LearningState.load])
def my_learning() -> rx.Component:
    body = rx.cond(
        LearningState.loading, card(loading_block("Loading your learning…")),
        rx.cond(
            LearningState.load_error != "", card(empty_state("circle-alert", "Can't show your learning", LearningState.load_error)),
            rx.cond(LearningState.rows.length() > 0, rx.vstack(rx.foreach(LearningState.rows, _subscription), spacing="5", width="100%", id="my-learning"),
                    card(empty_state("graduation-cap", "No learning seat", "When an administrator gives you a seat, your assignments and content appear here."))),
        ),
    )
    return app_shell("My learning", "Your assignments, their due dates, and the content you can open.", body)
