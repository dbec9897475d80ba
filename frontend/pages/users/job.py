"""Invite a long list (CSV or pasted, up to 10,000 rows) as a background job: progress bar,
per-row outcomes, results as CSV."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import members as members_api
from frontend.components.feedback import error_callout
from frontend.components.layout import card, card_header
from frontend.pages.users.rows import OUTCOME_LABELS
from frontend.pages.users.state import UsersState

POLL_SECONDS = 1.0


@dataclasses.dataclass
class JobRow:
    line: int = 0
    email: str = ""
    label: str = ""
    color: str = "gray"
    message: str = ""

    @classmethod
    def of(cls, r: dict[str, Any]) -> "JobRow":
        label, color = OUTCOME_LABELS.get(r["outcome"] or "", ("Waiting", "gray"))
        return cls(line=r["line"], email=r["email"], label=label, color=color, message=r["message"])


class JobState(UsersState):
    list_text: str = ""
    starting: bool = False
    job_error: str = ""
    job_id: str = ""
    job_status: str = ""
    job_total: int = 0
    job_done: int = 0
    job_invited: int = 0
    job_rows: list[JobRow] = []

    @rx.var
    def job_percent(self) -> int:
        return int(self.job_done * 100 / self.job_total) if self.job_total else 0

    @rx.var
    def line_count(self) -> int:
        return len([line for line in self.list_text.splitlines() if line.strip()])

    @rx.event
    def set_list_text(self, text: str):
        self.list_text = text

    def _show(self, job: dict[str, Any]) -> None:
        self.job_status, self.job_total, self.job_done, self.job_invited = job["status"], job["total"], job["done"], job["invited"]
        if "rows" in job:
            self.job_rows = [JobRow.of(r) for r in job["rows"]]

    @rx.event
    async def start(self):
        self.starting, self.job_error = True, ""
        yield
        try:
            job = await self._authed(members_api.start_invitation_job, account_id=self.active_account_id, text=self.list_text,
                                     role="USER", modules=[], sub_account_ids=[])
        except (ApiError, PayloadError) as exc:
            self.job_error = exc.message
            return
        finally:
            self.starting = False
        self.job_id, self.job_rows = job["id"], []
        self._show(job)
        yield JobState.follow

    @rx.event(background=True)
    async def follow(self):
        """Poll the job until it is done, then refresh the pending list."""
        while True:
            async with self:
                job_id = self.job_id
                try:
                    job = await self._authed(members_api.invitation_job, account_id=self.active_account_id, job_id=job_id)
                except ApiError as exc:
                    self.job_error = exc.message
                    return
                self._show(job)
                if job["status"] == "DONE":
                    await self._fetch()
                    return
            await asyncio.sleep(POLL_SECONDS)

    @rx.event
    async def download(self):
        try:
            data = await self._authed(members_api.invitation_job_csv, account_id=self.active_account_id, job_id=self.job_id)
        except ApiError as exc:
            yield rx.toast.error(exc.message)
            return
        yield rx.download(data=data, filename=f"invitation-job-{self.job_id}.csv")


def _row(r: JobRow) -> rx.Component:
    return rx.flex(
        rx.text(r.line, size="1", color_scheme="gray", width="44px", flex_shrink="0"),
        rx.text(r.email, weight="medium", size="2", width=["100%", "36%"], flex_shrink="0", style={"overflow_wrap": "anywhere"}),
        rx.box(rx.badge(r.label, color_scheme=r.color, variant="soft"), width=["auto", "128px"], flex_shrink="0"),
        rx.text(r.message, size="1", color_scheme="gray", flex="1"),
        direction=rx.breakpoints(initial="column", sm="row"), spacing=rx.breakpoints(initial="1", sm="3"),
        align=rx.breakpoints(initial="start", sm="center"), padding_y="8px", border_top="1px solid var(--gray-4)", width="100%",
        class_name="job-row", data_outcome=r.label,
    )


def _progress() -> rx.Component:
    return rx.cond(
        JobState.job_id != "",
        rx.vstack(
            rx.flex(
                rx.text(f"{JobState.job_done} of {JobState.job_total} rows answered · {JobState.job_invited} invited",
                        size="2", id="job-progress-text"),
                rx.badge(JobState.job_status, color_scheme=rx.cond(JobState.job_status == "DONE", "green", "blue"), id="job-status"),
                justify="between", align="center", width="100%",
            ),
            rx.progress(value=JobState.job_percent, max=100, width="100%", id="job-progress"),
            rx.cond(
                JobState.job_status == "DONE",
                rx.button(rx.icon("download", size=14), "Download results (CSV)", size="1", variant="soft",
                          on_click=JobState.download, id="job-download"),
            ),
            rx.vstack(rx.foreach(JobState.job_rows, _row), spacing="0", width="100%", id="job-rows",
                      max_height="320px", overflow_y="auto"),
            spacing="3", width="100%",
        ),
    )


def job_card() -> rx.Component:
    return card(
        card_header(
            "Invite from a list",
            "Up to 10,000 rows, as CSV (email, first_name, last_name, role) or one address per line "
            "with optional first name, last name and role. Invited in the background as User unless a row says admin.",
        ),
        rx.vstack(
            error_callout(JobState.job_error),
            # Not bound keystroke by keystroke: a 10,000-row paste goes to the server once, on leaving the box.
            rx.text_area(
                on_blur=JobState.set_list_text, id="job-list", rows="4", size="2", width="100%",
                placeholder="email,first_name,last_name,role\nmaria@example.com,Maria,Garcia,user",
            ),
            rx.flex(
                rx.text(f"{JobState.line_count} lines", size="2", color_scheme="gray"),
                rx.button(rx.icon("list-checks", size=16), "Start invitation job", size="2", on_click=JobState.start,
                          loading=JobState.starting, disabled=JobState.line_count == 0, id="start-job"),
                justify="between", align="center", width="100%",
            ),
            _progress(),
            spacing="3", width="100%",
        ),
    )
