"""A new learning module: a name, a description and content chosen from the catalogue."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import learning as learning_api
from frontend.api.messages import message_for
from frontend.components.feedback import empty_state, error_callout, loading_block
from frontend.components.forms import field
from frontend.pages.seats.rows import ContentGroup, ContentRow, content_groups
from frontend.pages.seats.state import SeatsState

SEARCH_FROM = 8  # a catalogue this long gets a search box


class ModuleState(SeatsState):
    module_open: bool = False
    module_name: str = ""
    module_description: str = ""
    catalogue: list[ContentRow] = []
    catalogue_loading: bool = False
    content_search: str = ""
    content_shown: list[ContentGroup] = []  # the catalogue grouped by kind, as far as the search lets through
    chosen: list[str] = []
    creating_module: bool = False
    module_error: str = ""  # a refusal about the whole module, or the catalogue not loading
    name_error: str = ""
    content_error: str = ""

    @rx.var
    def catalogue_searchable(self) -> bool:
        return len(self.catalogue) >= SEARCH_FROM

    @rx.var
    def chosen_label(self) -> str:
        return "Nothing chosen" if not self.chosen else f"{len(self.chosen)} chosen"

    @rx.event
    async def open_module(self):
        self.module_open, self.module_name, self.module_description, self.content_search = True, "", "", ""
        self.chosen, self.module_error, self.name_error, self.content_error = [], "", "", ""
        self.catalogue_loading = True
        yield
        try:
            self.catalogue = [ContentRow.of(c) for c in await self._authed(learning_api.content_items)]
            self.content_shown = content_groups(self.catalogue, "")
        except ApiError as exc:
            self.module_error = exc.message
        finally:
            self.catalogue_loading = False

    @rx.event
    def set_module_open(self, value: bool):
        self.module_open = value

    @rx.event
    def set_module_name(self, value: str):
        self.module_name, self.name_error = value, ""

    @rx.event
    def set_module_description(self, value: str):
        self.module_description = value

    @rx.event
    def set_content_search(self, value: str):
        self.content_search = value
        self.content_shown = content_groups(self.catalogue, value)

    @rx.event
    def toggle(self, content_id: str):
        self.content_error = ""
        self.chosen = [c for c in self.chosen if c != content_id] if content_id in self.chosen else [*self.chosen, content_id]

    def _show(self, exc: PayloadError) -> None:
        """Each refusal next to what it is about: the name, the content, or the whole form."""
        for error in exc.errors:
            message = message_for(str(error.get("code") or "INVALID"), error.get("message"))
            if error.get("field") == "name":
                self.name_error = message
            elif error.get("field") == "contentIds":
                self.content_error = message
            else:
                self.module_error = message

    @rx.event
    async def create_module(self):
        self.creating_module, self.module_error, self.name_error, self.content_error = True, "", "", ""
        yield
        try:
            module = await self._authed(learning_api.create_learning_module, subscription_id=self.subscription_id,
                                        name=self.module_name.strip(), description=self.module_description.strip(),
                                        content_ids=self.chosen)
            await self._fetch_learning()
        except PayloadError as exc:
            self._show(exc)
            return
        except ApiError as exc:
            self.module_error = exc.message
            return
        finally:
            self.creating_module = False
        self.module_open, self.module_id = False, module["id"]  # ready to assign
        yield rx.toast.success(f"Module {module['name']} created. Choose who takes it and by when.")


def new_module_button() -> rx.Component:
    return rx.button(rx.icon("plus", size=14), "New module", size="2", variant="soft", on_click=ModuleState.open_module,
                     id="new-module")


def _field_error(message: rx.Var[str], id: str) -> rx.Component:
    return rx.cond(message != "", rx.text(message, size="1", color_scheme="red", id=id, role="alert"))


def _item(c: ContentRow) -> rx.Component:
    return rx.flex(
        rx.box(rx.checkbox(c.title, checked=ModuleState.chosen.contains(c.id), on_change=lambda _v: ModuleState.toggle(c.id), size="2"),
               flex="1", min_width="0"),
        rx.text(f"{c.minutes} min", size="1", color_scheme="gray", white_space="nowrap"),
        rx.badge(c.kind.lower(), color_scheme=c.color, variant="soft", size="1", text_transform="capitalize"),
        spacing="2", align="center", width="100%", padding_x="10px", padding_y="8px", border_radius="8px",
        class_name="content-item", data_title=c.title, _hover={"background": "var(--gray-3)"},
    )


def _group(g: ContentGroup) -> rx.Component:
    return rx.vstack(
        rx.text(g.label, size="1", weight="bold", color_scheme="gray", text_transform="uppercase", letter_spacing="0.04em",
                padding_x="10px", padding_top="6px"),
        rx.foreach(g.members, _item),
        spacing="0", width="100%",
    )


def _catalogue() -> rx.Component:
    return rx.cond(
        ModuleState.catalogue_loading,
        loading_block("Loading the catalogue…"),
        rx.cond(
            ModuleState.catalogue.length() == 0,
            empty_state("library", "No content yet", "Episodes, courses and labs appear here once they are in the catalogue."),
            rx.vstack(
                rx.cond(ModuleState.catalogue_searchable, rx.input(
                    rx.input.slot(rx.icon("search", size=14)), placeholder="Search episodes, courses and labs",
                    value=ModuleState.content_search, on_change=ModuleState.set_content_search, id="content-search", size="2",
                    width="100%",
                )),
                rx.box(
                    rx.cond(ModuleState.content_shown.length() > 0,
                            rx.vstack(rx.foreach(ModuleState.content_shown, _group), spacing="1", width="100%"),
                            rx.text("Nothing in the catalogue matches that.", size="2", color_scheme="gray", padding="12px")),
                    max_height=rx.breakpoints(initial="38vh", sm="300px"), overflow_y="auto", width="100%", padding_y="4px",
                    border="1px solid var(--gray-5)", border_radius="10px", id="content-list",
                ),
                spacing="2", width="100%",
            ),
        ),
    )


def module_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("New learning module"),
            rx.dialog.description("A named set of episodes, courses and labs you can assign to teams and people.", size="2",
                                  color_scheme="gray", margin_bottom="16px"),
            rx.vstack(
                error_callout(ModuleState.module_error),
                field("Name", rx.vstack(
                    rx.input(value=ModuleState.module_name, on_change=ModuleState.set_module_name, id="module-name", size="3",
                             placeholder="e.g. Safety basics", auto_complete="off", width="100%"),
                    _field_error(ModuleState.name_error, "module-name-error"),
                    spacing="1", width="100%",
                )),
                field("Description (optional)", rx.text_area(value=ModuleState.module_description,
                                                            on_change=ModuleState.set_module_description, id="module-description",
                                                            placeholder="What people learn and why", rows="2", size="2", width="100%")),
                rx.vstack(
                    rx.hstack(rx.text("Content", size="2", weight="medium"),
                              rx.badge(ModuleState.chosen_label, variant="soft",
                                       color_scheme=rx.cond(ModuleState.chosen.length() > 0, "indigo", "gray"), id="chosen-count"),
                              justify="between", align="center", width="100%"),
                    _catalogue(),
                    _field_error(ModuleState.content_error, "module-content-error"),
                    spacing="2", width="100%",
                ),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", size="3")),
                    rx.button(rx.icon("plus", size=16), "Create module", size="3", on_click=ModuleState.create_module,
                              loading=ModuleState.creating_module, id="create-module"),
                    justify="end", width="100%", spacing="3",
                ),
                spacing="4", width="100%",
            ),
            max_width="600px", id="module-dialog",
        ),
        open=ModuleState.module_open, on_open_change=ModuleState.set_module_open,
    )
