"""Spanish, Italian and Dutch words that name a transfer or its stage (lexicon entries, one sentence each)."""

from __future__ import annotations

import pytest

from extraction_helpers import claims


def found(text: str, lang: str) -> set[tuple[str, str, str, str]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Nederland stelt nog eens zes F-16's beschikbaar voor Oekraïne.", ("NLD", "UKR", "F-16", "delivered")),
    ("Zweden zegt tien CV90's toe voor Oekraïne.", ("SWE", "UKR", "CV90", "planned")),
    ("India gaat Rafale-gevechtsvliegtuigen onder licentie bouwen.", ("FRA", "IND", "Rafale", "licensed_production")),
])
def test_dutch(text: str, expected: tuple[str, str, str, str]) -> None:
    assert found(text, "nl") == {expected}


def test_dutch_giving_carte_blanche_is_no_delivery() -> None:
    text = "Israël gaf Marokko toen carte blanche om militaire systemen aan te schaffen, met inbegrip van drones."
    assert all(stage != "delivered" for _s, _r, _i, stage in found(text, "nl"))


def test_italian_plans_with_progettare() -> None:
    assert found("Gli italiani progettano di trasferire a Kiev 400 blindati M113.", "it") == {
        ("ITA", "UKR", "M113", "planned")}


@pytest.mark.parametrize(("lang", "text", "giver"), [
    ("nl", "Nederland leverde vorig jaar wapens aan Oekraïne. Het ging om houwitsers en drones.", "NLD"),
    ("es", "España envió armas a Ucrania el año pasado. Se trataba de obuses y drones.", "ESP"),
    ("it", "L'Italia ha inviato armi all'Ucraina l'anno scorso. Si trattava di obici e droni.", "ITA"),
])
def test_past_tense_continuation_lists_the_items(lang: str, text: str, giver: str) -> None:
    assert {(s, r, i) for s, r, i, _st in found(text, lang)} == {(giver, "UKR", "howitzers"), (giver, "UKR", "drones")}


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("nl", "Volgens ingewijden levert Nederland houwitsers aan Oekraïne.", "ingewijden"),
    ("nl", "Volgens de krant verkoopt Frankrijk Rafales aan Kroatië.", "de krant"),
    ("de", "Laut Insidern liefert Deutschland Haubitzen an die Ukraine.", "Insidern"),
    ("es", "Según fuentes oficiales, España enviará obuses a Ucrania.", "fuentes oficiales"),
])
def test_the_source_after_according_to_ends_at_the_verb(lang: str, text: str, source: str) -> None:
    assert [c["attributed_to"] for c in claims(text, lang)] == [[source]]


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("es", "Según informó el diario El País, España enviará obuses a Ucrania.", "el diario El País"),
    ("it", "Stando a quanto riportato dal Corriere, l'Italia invierà obici all'Ucraina.", "Corriere"),
    ("nl", "Nederland levert houwitsers aan Oekraïne, zo meldt de NOS.", "de NOS"),
])
def test_no_according_to_word_is_a_speaker(lang: str, text: str, source: str) -> None:
    assert [c["attributed_to"] for c in claims(text, lang)] == [[source]]
