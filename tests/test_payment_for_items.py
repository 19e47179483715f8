"""'Russia received the money for the Su-35s': what a party is paid for is not what it receives."""

from __future__ import annotations

import pytest

from extraction_helpers import claims


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Россия получила полную сумму денег за истребители Су-35 от Ирана."),
    ("ru", "РФ получила деньги за партию истребителей Су-35, которые хотел приобрести Иран."),
    ("uk", "Росія отримала гроші за винищувачі Су-35 від Ірану."),
    ("pl", "Rosja otrzymała pieniądze za myśliwce Su-35 od Iranu."),
    ("en", "Russia received the money for the Su-35 fighters from Iran."),
])
def test_money_received_for_items_is_no_delivery_of_them(lang: str, text: str) -> None:
    assert not [c for c in claims(text, lang) if c["recipient"] == "RUS"]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Россия получила от Ирана беспилотники Shahed, а Иран получил деньги за них."),
    ("uk", "Росія отримала від Ірану безпілотники Shahed, а Іран отримав гроші за них."),
    ("en", "Russia received Shahed drones from Iran, and Iran received the money for them."),
])
def test_goods_received_beside_a_payment_stay(lang: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)} == {("IRN", "RUS", "delivered")}
