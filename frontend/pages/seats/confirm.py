"""Every destructive seat action asks first, and says what will happen."""

from __future__ import annotations

import reflex as rx

from frontend.pages.seats.state import SeatsState

WHAT = {  # action -> title, consequence, button
    "deactivate": ("Deactivate {name}'s subscription?",
                   "Their seat becomes free for someone else and they can no longer open content. Their history, teams and "
                   "assignments stay, and you can activate them again while a seat is free.", "Deactivate subscription"),
    "remove_admin": ("Remove {name}'s admin rights?",
                     "They can no longer use the seat dashboard. Their own seat, if they hold one, is not touched.", "Remove admin rights"),
    "remove_member": ("Take {name} out of the team?",
                      "They stop counting in the team's activity and no longer get the team's assignments; their own history "
                      "and seat are not touched. You can add them again.", "Take out of the team"),
    "revoke": ("Withdraw the invitation to {email}?",
               "The link in their email stops working at once. You can invite them again later.", "Withdraw invitation"),
}


class ConfirmState(SeatsState):
    confirm_action: str = ""
    confirm_id: str = ""
    confirm_name: str = ""
    confirm_email: str = ""
    confirm_team_id: str = ""

    @rx.var
    def confirm_title(self) -> str:
        return WHAT.get(self.confirm_action, ("", "", ""))[0].format(name=self.confirm_name, email=self.confirm_email)

    @rx.var
    def confirm_text(self) -> str:
        return WHAT.get(self.confirm_action, ("", "", ""))[1]

    @rx.var
    def confirm_button(self) -> str:
        return WHAT.get(self.confirm_action, ("", "", ""))[2]

    @rx.event
    def ask(self, action: str, target_id: str, name: str, email: str):
        self.confirm_action, self.confirm_id, self.confirm_name, self.confirm_email = action, target_id, name, email

    @rx.event
    def ask_team_removal(self, team_id: str, user_id: str, name: str):
        self.confirm_action, self.confirm_id, self.confirm_name, self.confirm_team_id = "remove_member", user_id, name, team_id

    @rx.event
    def cancel(self, open_: bool = False):
        if not open_:
            self.confirm_action = ""

    @rx.event
    def confirmed(self):
        action, target, name, email = self.confirm_action, self.confirm_id, self.confirm_name, self.confirm_email
        self.confirm_action = ""
        if action == "deactivate":
            return SeatsState.deactivate(target, name)
        if action == "remove_admin":
            return SeatsState.remove_admin(target, name)
        if action == "revoke":
            return SeatsState.revoke(target, email)
        if action == "remove_member":
            from frontend.pages.seats.teams import TeamsState  # the Teams tab's state sits beside this one

            return TeamsState.remove_member(self.confirm_team_id, target, name)


def confirm_dialog() -> rx.Component:
    s = ConfirmState
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(s.confirm_title),
            rx.alert_dialog.description(s.confirm_text, size="2"),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(s.confirm_button, color_scheme="red", on_click=s.confirmed, id="confirm-seat-action")),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="480px",
        ),
        open=s.confirm_action != "", on_open_change=s.cancel,
    )
