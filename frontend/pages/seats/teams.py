"""The Teams tab: teams with their members, a new team, adding and removing members."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import teams as teams_api
from frontend.components.feedback import empty_state, error_callout
from frontend.pages.seats.confirm import ConfirmState
from frontend.pages.seats.rows import Option, TeamRow
from frontend.pages.seats.state import SeatsState
from frontend.pages.seats.team_activity import TeamActivityState


class TeamsState(SeatsState):
    team_name: str = ""
    team_description: str = ""
    creating: bool = False
    team_error: str = ""
    picks: dict[str, str] = {}  # team id -> the person chosen to add

    @rx.event
    def set_team_name(self, value: str):
        self.team_name = value

    @rx.event
    def set_team_description(self, value: str):
        self.team_description = value

    @rx.event
    def pick(self, team_id: str, user_id: str):
        self.picks = {**self.picks, team_id: user_id}

    @rx.event
    async def create(self):
        if not self.team_name.strip():
            self.team_error = "Give the team a name."
            return
        self.creating, self.team_error = True, ""
        yield
        try:
            await self._authed(teams_api.create_team, subscription_id=self.subscription_id, name=self.team_name.strip(),
                               description=self.team_description.strip())
            await self._fetch_teams()
        except (ApiError, PayloadError) as exc:
            self.team_error = exc.message
            return
        finally:
            self.creating = False
        name, self.team_name, self.team_description = self.team_name.strip(), "", ""
        yield rx.toast.success(f"Team {name} created.")

    async def _change(self, call, done: str, **kwargs):  # type: ignore[no-untyped-def]
        try:
            await self._authed(call, **kwargs)
            await self._fetch_teams()
            await self._fetch_users()
        except (ApiError, PayloadError) as exc:
            return rx.toast.error(exc.message)
        return rx.toast.success(done)

    @rx.event
    async def add_member(self, team_id: str, team_name: str):
        user_id = self.picks.get(team_id, "")
        if not user_id:
            return rx.toast.warning("Choose a person to add first.")
        self.picks = {k: v for k, v in self.picks.items() if k != team_id}
        name = next((p.name for p in self.everyone if p.id == user_id), "They")
        return await self._change(teams_api.add_team_members, f"{name} added to {team_name}.", team_id=team_id, user_ids=[user_id])

    @rx.event
    async def remove_member(self, team_id: str, user_id: str, name: str):
        return await self._change(teams_api.remove_team_member, f"{name} left the team.", team_id=team_id, user_id=user_id)


def _member(team: TeamRow, m: Option) -> rx.Component:
    return rx.badge(
        m.name,
        rx.icon("x", size=12, cursor="pointer", on_click=ConfirmState.ask_team_removal(team.id, m.id, m.name), aria_label=f"Remove {m.name}"),
        variant="surface", color_scheme="gray", size="2",
    )


def _team(t: TeamRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.hstack(rx.icon("users-round", size=16, color="var(--accent-9)"), rx.text(t.name, weight="bold", size="3"),
                      rx.badge(rx.cond(t.members.length() == 1, "1 person", f"{t.members.length()} people"), variant="soft", color_scheme="gray"),
                      spacing="2", align="center"),
            rx.button(rx.icon("activity", size=14), "Activity", size="1", variant="soft", class_name="team-activity",
                      on_click=TeamActivityState.open_team(t.id, t.name)),
            justify="between", align="center", width="100%",
        ),
        rx.cond(t.description != "", rx.text(t.description, size="2", color_scheme="gray")),
        rx.cond(t.members.length() > 0, rx.flex(rx.foreach(t.members, lambda m: _member(t, m)), wrap="wrap", spacing="2"),
                rx.text("Nobody in this team yet.", size="2", color_scheme="gray")),
        rx.flex(
            rx.select.root(
                rx.select.trigger(placeholder="Add a person…", flex="1", min_width="0"),
                rx.select.content(rx.foreach(SeatsState.everyone, lambda p: rx.select.item(p.name, value=p.id))),
                value=TeamsState.picks.get(t.id, ""), on_change=lambda v: TeamsState.pick(t.id, v), size="2",
            ),
            rx.button(rx.icon("user-plus", size=14), "Add", size="2", variant="soft", on_click=TeamsState.add_member(t.id, t.name)),
            spacing="2", width="100%",
        ),
        spacing="2", width="100%", padding="14px", border="1px solid var(--gray-4)", border_radius="12px",
        class_name="team", data_name=t.name,
    )


def _new_team() -> rx.Component:
    return rx.vstack(
        rx.text("New team", weight="bold", size="2"),
        error_callout(TeamsState.team_error),
        rx.flex(
            rx.input(placeholder="Name, e.g. Coaches", value=TeamsState.team_name, on_change=TeamsState.set_team_name, id="team-name",
                     size="2", flex="1 1 auto", min_width="0"),
            rx.input(placeholder="What it is for (optional)", value=TeamsState.team_description,
                     on_change=TeamsState.set_team_description, size="2", flex="2 1 auto", min_width="0"),
            rx.button(rx.icon("plus", size=14), "Create team", size="2", on_click=TeamsState.create, loading=TeamsState.creating,
                      id="create-team"),
            spacing="2", width="100%", direction=rx.breakpoints(initial="column", sm="row"),
        ),
        spacing="2", width="100%", padding="14px", border_radius="12px", background="var(--gray-2)",
    )


def teams_panel() -> rx.Component:
    return rx.vstack(
        _new_team(),
        rx.cond(
            SeatsState.teams.length() > 0,
            rx.grid(rx.foreach(SeatsState.teams, _team), columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%",
                    id="teams"),
            empty_state("users-round", "No teams yet", "Group people by job role or learning goal to assign modules to them together."),
        ),
        spacing="4", width="100%", padding_top="12px",
    )
