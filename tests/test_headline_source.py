"""A headline's source after a closing dash ('… sign a missile deal – White House', '… – Белый дом') says who
reports the statement; it is no party to the transfer, not even one a later sentence fills in."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document
from extraction_helpers import one


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Минск и Москва заключили сделку на поставку ракет – Белый дом. Ранее СМИ писали, что Россия может "
           "предоставлять Белоруссии истребители Су-30."),
    ("uk", "Мінськ і Москва уклали угоду про постачання ракет – Білий дім. Раніше ЗМІ писали, що Росія може надати "
           "Білорусі винищувачі Су-30."),
    ("en", "Minsk and Moscow signed a deal on the supply of missiles – White House. Media reported earlier that "
           "Russia could provide Belarus with Su-30 jets."),
    ("fr", "Minsk et Moscou ont signé un accord sur la livraison de missiles – Maison Blanche. Selon les médias, la "
           "Russie pourrait fournir des Su-30 à la Biélorussie."),
])
def test_the_source_after_a_closing_dash_is_no_party(code: str, text: str) -> None:
    got = pairs(code, text)
    assert ("RUS", "BLR", "Su-30") in got
    assert not any("USA" in (s, r) for s, r, _ in got)


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Германия передала 20 танков Leopard соседней стране – Польше."),
    ("en", "Germany delivered 20 Leopard tanks to Poland – and more will follow."),
])
def test_a_state_named_after_a_dash_in_its_phrase_keeps_its_role(code: str, text: str) -> None:
    assert pairs(code, text) == {("DEU", "POL", "Leopard")}


@pytest.mark.parametrize(("code", "text", "source"), [
    ("uk", "США передадуть Україні 31 танк Abrams, - Байден", "Байден"),
    ("ru", "США передадут Украине 31 танк Abrams, - Байден", "Байден"),
    ("en", "Iran delivered drones to Russia - Wall Street Journal", "Wall Street Journal"),
])
def test_a_hyphen_written_for_a_dash_credits_the_headlines_source(code: str, text: str, source: str) -> None:
    c = one(text, code)
    assert c["supplier"] in ("USA", "IRN")
    assert (c["status"], c["attributed_to"]) == ("reported", [source])


def test_a_hyphen_inside_a_word_credits_no_one() -> None:
    assert one("США передадуть Україні 31 танк Abrams-M1A2", "uk")["status"] == "asserted"


@pytest.mark.parametrize(("code", "text", "source"), [
    ("fr", "Médias : l'Iran a livré des drones à la Russie", "Médias"),
    ("it", "Media: l'Iran ha consegnato droni alla Russia", "Media"),
    ("es", "Medios: Irán entregó drones a Rusia", "Medios"),
])
def test_a_headline_source_before_a_colon_and_an_elided_article(code: str, text: str, source: str) -> None:
    c = one(text, code)
    assert (c["status"], c["attributed_to"]) == ("reported", [source])
