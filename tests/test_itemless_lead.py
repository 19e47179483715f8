"""A sentence naming a transfer's two parties but no item ('Norway has promised new military aid to Romania.') and,
right after it, the same supplier's items with no recipient ('Norway will also deliver …'): the second goes on with
the first, and takes its recipient."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Norway has promised Romania a new package. Norway will also deliver six CV90 vehicles."),
    ("de", "Oslo hat Rumänien ein neues Hilfspaket zugesagt. Außerdem liefert Norwegen im Mai sechs CV90."),
    ("nl", "Noorwegen heeft Roemenië een nieuw pakket beloofd. Daarnaast levert Noorwegen in mei zes CV90's."),
    ("ru", "Норвегия пообещала Румынии новый пакет помощи. Кроме того, Норвегия поставит в мае шесть CV90."),
    ("uk", "Норвегія пообіцяла Румунії новий пакет допомоги. Крім того, Норвегія поставить у травні шість CV90."),
])
def test_the_same_supplier_goes_on_with_the_recipient_just_before(code: str, text: str) -> None:
    assert pairs(code, text) == {("NOR", "ROU", "CV90")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Norway has promised Romania a new package. Sweden will also deliver six CV90 vehicles."),
    ("de", "Oslo hat Rumänien ein neues Hilfspaket zugesagt. Außerdem liefert Schweden im Mai sechs CV90."),
    ("ru", "Норвегия пообещала Румынии новый пакет помощи. Кроме того, Швеция поставит в мае шесть CV90."),
])
def test_another_supplier_does_not_take_that_recipient(code: str, text: str) -> None:
    assert not any(r == "ROU" for _s, r, _i in pairs(code, text))
