"""My Account's money and status wording (pure functions, no browser)."""

import pytest

from frontend.pages.my_account.rows import SecondaryRow, cents_of, money


@pytest.mark.parametrize(("cents", "text"), [(0, "$0.00"), (5, "$0.05"), (123456, "$1,234.56"), (-2500, "-$25.00")])
def test_money_is_dollars(cents: int, text: str) -> None:
    assert money(cents) == text


@pytest.mark.parametrize(("typed", "cents"), [("40", 4000), ("$1,234.5", 123450), (" 19.99 ", 1999), ("0.1", 10),
                                              ("12.345", None), ("1.2.3", None), ("abc", None), ("", None), ("-5", None)])
def test_typed_amounts_become_cents(typed: str, cents: int | None) -> None:
    assert cents_of(typed) == cents


def _member(status: str, **extra: object) -> dict:
    return {"id": "7", "role": "SECONDARY", "status": status, "email": "jo@example.com", "firstName": "Jo", "lastName": "Ng",
            "viewFullLedger": False, "canMakePayments": False, "canEditContact": True, "invitationExpiresAt": None,
            "invitationsSent": 0, **extra}


@pytest.mark.parametrize(("status", "label"), [("NOT_INVITED", "Not invited"), ("INVITED", "Invited"),
                                               ("INVITATION_EXPIRED", "Invitation expired"), ("ACTIVE", "Active"), ("REVOKED", "Revoked")])
def test_every_status_has_a_badge(status: str, label: str) -> None:
    assert SecondaryRow.of(_member(status)).status_label == label


def test_access_is_summarised() -> None:
    assert SecondaryRow.of(_member("ACTIVE")).access == "Account details only"
    both = SecondaryRow.of(_member("ACTIVE", viewFullLedger=True, canMakePayments=True))
    assert both.access == "View full ledger · Can make payments"
