"""'The two countries' stands for the two parties the sentence before names (exactly two): a deal between
them goes from the item's maker to the other."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def rows(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Ministers of Chile and Turkey met in Ankara. The two countries are negotiating a deal for ten Akinci "
           "drones."),
    ("fr", "Les ministres du Chili et de la Turquie se sont vus à Ankara. Les deux pays négocient un contrat pour "
           "dix drones Akinci."),
    ("es", "Los ministros de Chile y Turquía se reunieron en Ankara. Ambos países negocian un contrato por diez "
           "drones Akinci."),
    ("it", "I ministri del Cile e della Turchia si sono incontrati ad Ankara. I due paesi negoziano un contratto "
           "per dieci droni Akinci."),
])
def test_the_two_countries_are_the_two_just_named(code: str, text: str) -> None:
    assert rows(code, text) == {("TUR", "CHL", "Bayraktar Akinci")}


def test_three_countries_before_leave_the_phrase_unresolved() -> None:
    text = ("Ministers of Chile, Peru and Turkey met in Ankara. The two countries are negotiating a deal for ten "
            "Akinci drones.")
    assert rows("en", text) == set()


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Brazil manufactures the Astros II rocket launcher. Indonesia wants to buy this weapon system."),
    ("fr", "Le Brésil fabrique le lance-roquettes Astros II. L'Indonésie veut acheter ce système d'armes."),
    ("es", "Brasil fabrica el lanzacohetes Astros II. Indonesia quiere comprar este sistema de armas."),
    ("it", "Il Brasile produce il lanciarazzi Astros II. L'Indonesia vuole acquistare questo sistema d'arma."),
])
def test_this_weapon_system_is_the_one_system_just_named(code: str, text: str) -> None:
    assert rows(code, text) == {("BRA", "IDN", "Astros II")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Brazil held elections last year. Indonesia wants to buy this weapon system."),
    ("en", "Brazil makes the Astros II and the Guarani. Indonesia wants to buy this weapon system."),
    ("fr", "Le Brésil a voté l'an dernier. L'Indonésie veut acheter ce système d'armes."),
])
def test_this_weapon_system_with_no_one_system_before_is_no_claim(code: str, text: str) -> None:
    assert rows(code, text) == set()
