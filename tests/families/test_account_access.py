from backend.families.models import FamilyMember, LedgerEntry, LedgerKind, PaymentMethod
from tests.conftest import Api, Mailbox
from tests.families.helpers import (
    ACCESS,
    BALANCE,
    TRANSACTIONS,
    active_secondary,
    household,
    secondary_row,
)

ADD_CARD = """mutation C($f: ID!, $b: String!, $l: String!) {
  addPaymentMethod(familyId: $f, brand: $b, last4: $l) { paymentMethod { id brand last4 mine } errors { code field } } }"""
PAY = """mutation P($f: ID!, $a: Int!, $m: ID!) {
  makePayment(familyId: $f, amountCents: $a, paymentMethodId: $m) { payment { kind amountCents } errors { code field } } }"""
METHODS = "query M($f: ID) { paymentMethods(familyId: $f) { id brand mine } }"


async def _charge(h, cents: int = 10000) -> None:  # type: ignore[no-untyped-def]
    await LedgerEntry.create(family=h.family, kind=LedgerKind.CHARGE, amount_cents=cents, description="Tuition")


async def test_without_view_full_ledger_no_transaction_history(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    await _charge(h)
    sid, jose = await active_secondary(h, api, mailbox)
    # Limited details (the balance) yes, transaction history no.
    assert (await jose(BALANCE, {}))["familyBalance"]["balanceCents"] == 10000
    assert await jose.error_code(TRANSACTIONS, {}) == "FORBIDDEN"

    granted = await h.primary_api(ACCESS, {"s": sid, "l": True, "p": False})
    assert granted["setAccountAccess"]["secondary"] == {"viewFullLedger": True, "canMakePayments": False}
    assert (await jose(TRANSACTIONS, {}))["familyTransactions"]["nodes"] == [{"kind": "CHARGE", "amountCents": 10000, "description": "Tuition"}]

    await h.primary_api(ACCESS, {"s": sid, "l": False, "p": False})
    assert await jose.error_code(TRANSACTIONS, {}) == "FORBIDDEN"


async def test_only_the_primary_grants_access(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    sid, jose = await active_secondary(h, api, mailbox)
    other = await household(api, "Lopez", account=h.account)
    # Jose sees his family but may not grant; to staff and other families it is no secondary they can act on.
    for client, code in ((jose, "FORBIDDEN"), (h.staff_api, "NOT_FOUND"), (other.primary_api, "NOT_FOUND")):
        assert await client.error_code(ACCESS, {"s": sid, "l": True, "p": True}) == code
    row = await secondary_row(sid)
    assert (row.view_full_ledger, row.can_make_payments) == (False, False)


async def test_secondary_pays_only_with_their_own_payment_methods(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    await _charge(h)
    f = str(h.family.id)
    primary_card = (await h.primary_api(ADD_CARD, {"f": f, "b": "Visa", "l": "4242"}))["addPaymentMethod"]["paymentMethod"]
    sid, jose = await active_secondary(h, api, mailbox)

    assert await jose.error_code(ADD_CARD, {"f": f, "b": "Amex", "l": "0005"}) == "FORBIDDEN"
    assert await jose.error_code(PAY, {"f": f, "a": 500, "m": primary_card["id"]}) == "FORBIDDEN"

    await h.primary_api(ACCESS, {"s": sid, "l": False, "p": True})
    own = (await jose(ADD_CARD, {"f": f, "b": "Amex", "l": "0005"}))["addPaymentMethod"]["paymentMethod"]
    assert own["mine"] is True
    assert [m["brand"] for m in (await jose(METHODS, {}))["paymentMethods"]] == ["Amex"]  # never sees Maria's card

    refused = (await jose(PAY, {"f": f, "a": 500, "m": primary_card["id"]}))["makePayment"]
    assert refused["errors"] == [{"code": "PAYMENT_METHOD_NOT_ALLOWED", "field": "paymentMethodId"}]
    assert await LedgerEntry.filter(kind=LedgerKind.PAYMENT).count() == 0
    bad_amount = (await jose(PAY, {"f": f, "a": 0, "m": own["id"]}))["makePayment"]
    assert bad_amount["errors"][0]["code"] == "INVALID_AMOUNT"

    paid = (await jose(PAY, {"f": f, "a": 2500, "m": own["id"]}))["makePayment"]
    assert paid["payment"] == {"kind": "PAYMENT", "amountCents": 2500}
    assert (await jose(BALANCE, {}))["familyBalance"] == {"balanceCents": 7500, "chargesCents": 10000, "paymentsCents": 2500}


async def test_primary_pays_with_own_card_only_too(api: Api, mailbox: Mailbox) -> None:
    h = await household(api)
    f = str(h.family.id)
    sid, jose = await active_secondary(h, api, mailbox)
    await h.primary_api(ACCESS, {"s": sid, "l": False, "p": True})
    jose_card = (await jose(ADD_CARD, {"f": f, "b": "Amex", "l": "0005"}))["addPaymentMethod"]["paymentMethod"]
    refused = (await h.primary_api(PAY, {"f": f, "a": 100, "m": jose_card["id"]}))["makePayment"]
    assert refused["errors"][0]["code"] == "PAYMENT_METHOD_NOT_ALLOWED"
    assert await PaymentMethod.all().count() == 1 and await FamilyMember.all().count() == 2
