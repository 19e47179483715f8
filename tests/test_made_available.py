"""Making goods available to a state hands them over, also when the goods stand between the verb and the phrase
('makes four F-16s available to', 'puso cuatro F-16 a disposición de', 'stelt vier F-16's beschikbaar voor')."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Belgium has made six F-16s available to Romania."),
    ("es", "Bélgica puso seis F-16 a disposición de Rumanía."),
    ("it", "Il Belgio ha messo sei F-16 a disposizione della Romania."),
    ("nl", "België stelt zes F-16's beschikbaar voor Roemenië."),
])
def test_goods_made_available_to_a_state_go_to_it(code: str, text: str) -> None:
    assert pairs(code, text) == {("BEL", "ROU", "F-16")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The F-16s available to the Belgian air force are old."),
    ("it", "L'aeronautica belga ha a disposizione pochi F-16."),
    ("es", "La fuerza aérea belga tiene a su disposición pocos F-16."),
])
def test_goods_a_state_has_at_its_disposal_go_nowhere(code: str, text: str) -> None:
    assert pairs(code, text) == set()
