"""Paying toward the balance with my own payment methods, and saving a card."""

from __future__ import annotations

import reflex as rx

from frontend.api import ApiError, PayloadError
from frontend.api import families as families_api
from frontend.components.feedback import empty_state, error_callout
from frontend.components.forms import field
from frontend.components.layout import card, card_header
from frontend.pages.my_account.rows import CARD_BRANDS, CardRow, cents_of, money
from frontend.pages.my_account.state import MyAccountState


class PaymentsState(MyAccountState):
    method_id: str = ""
    paying: bool = False
    pay_error: str = ""
    card_open: bool = False
    card_brand: str = "Visa"
    saving_card: bool = False
    card_error: str = ""

    @rx.var
    def chosen_method(self) -> str:
        ids = [c.id for c in self.cards]
        return self.method_id if self.method_id in ids else (ids[0] if ids else "")

    @rx.event
    def set_method(self, method_id: str):
        self.method_id = method_id

    @rx.event
    def set_card_brand(self, brand: str):
        self.card_brand = brand

    @rx.event
    def toggle_card(self):
        self.card_open, self.card_error = not self.card_open, ""

    @rx.event
    async def pay(self, form: dict):
        cents = cents_of(form.get("amount", ""))
        if not cents:
            self.pay_error = "Enter an amount greater than $0.00, like 25 or 25.50."
            return
        self.paying, self.pay_error = True, ""
        yield
        try:
            await self._authed(families_api.make_payment, family_id=self.family_id, amount_cents=cents, payment_method_id=self.chosen_method)
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.pay_error = exc.message
            return
        finally:
            self.paying = False
        yield rx.toast.success(f"Payment of {money(cents)} received. Thank you!")

    @rx.event
    async def add_card(self, form: dict):
        last4 = form.get("last4", "").strip()
        if not (last4.isdigit() and len(last4) == 4):
            self.card_error = "Enter the last four digits of the card."
            return
        self.saving_card, self.card_error = True, ""
        yield
        try:
            await self._authed(families_api.add_payment_method, family_id=self.family_id, brand=self.card_brand, last4=last4)
            await self._fetch()
        except (ApiError, PayloadError) as exc:
            self.card_error = exc.message
            return
        finally:
            self.saving_card = False
        self.card_open = False
        yield rx.toast.success(f"{self.card_brand} ending {last4} saved.")


def _card_row(c: CardRow) -> rx.Component:
    return rx.hstack(rx.icon("credit-card", size=16, color="var(--gray-10)"), rx.text(c.label, size="2"),
                     spacing="2", align="center", padding_y="8px", border_top="1px solid var(--gray-4)", width="100%",
                     class_name="payment-method")


def _card_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            error_callout(PaymentsState.card_error),
            rx.grid(
                field("Card", rx.select(CARD_BRANDS, value=PaymentsState.card_brand, on_change=PaymentsState.set_card_brand, size="3", width="100%")),
                field("Last four digits", rx.input(name="last4", id="card-last4", max_length=4, input_mode="numeric", size="3", width="100%")),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
            ),
            rx.hstack(rx.button("Cancel", type="button", variant="soft", color_scheme="gray", on_click=PaymentsState.toggle_card),
                      rx.button("Save card", type="submit", loading=PaymentsState.saving_card, id="save-card"), justify="end", width="100%"),
            spacing="3", width="100%",
        ),
        on_submit=PaymentsState.add_card, width="100%", padding="14px", border_radius="12px", background="var(--gray-2)",
    )


def _pay_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text("Make a payment", weight="bold", size="3"),
            error_callout(PaymentsState.pay_error),
            rx.grid(
                field("Amount (USD)", rx.input(rx.input.slot("$"), name="amount", id="pay-amount", placeholder="0.00", input_mode="decimal", size="3", width="100%"),
                      f"Amount due: {PaymentsState.amount_due}"),
                field("Pay with", rx.select.root(
                    rx.select.trigger(width="100%", id="pay-method"),
                    rx.select.content(rx.foreach(PaymentsState.cards, lambda c: rx.select.item(c.label, value=c.id))),
                    value=PaymentsState.chosen_method, on_change=PaymentsState.set_method, size="3",
                )),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
            ),
            rx.flex(rx.button(rx.icon("lock", size=15), "Pay now", type="submit", size="3", loading=PaymentsState.paying, id="pay-now",
                              width=["100%", "auto"]), justify="end", width="100%"),
            spacing="3", width="100%",
        ),
        on_submit=PaymentsState.pay, reset_on_submit=True, width="100%",
    )


def payments_card() -> rx.Component:
    """Only for someone who may pay; the page leaves it out for everyone else."""
    return card(
        card_header(
            "Payments", "You can pay only with payment methods you saved yourself.",
            rx.cond(~PaymentsState.card_open, rx.button(rx.icon("plus", size=15), "Add card", size="2", variant="soft",
                                                        on_click=PaymentsState.toggle_card, id="add-card", flex_shrink="0")),
        ),
        rx.vstack(
            rx.cond(PaymentsState.card_open, _card_form()),
            rx.cond(
                PaymentsState.cards.length() > 0,
                rx.vstack(rx.vstack(rx.foreach(PaymentsState.cards, _card_row), spacing="0", width="100%", id="payment-methods"),
                          rx.divider(), _pay_form(), spacing="4", width="100%"),
                rx.cond(~PaymentsState.card_open, empty_state("credit-card", "No saved payment methods",
                                                              "Add a card to pay toward the balance.")),
            ),
            spacing="3", width="100%",
        ),
        id="payments",
    )
