"""'The two countries' stands for the two parties the sentence before names (exactly two): a deal between
them goes from the item's maker to the other."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document
from extraction_helpers import claims


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


def claims_full(code: str, text: str) -> set[tuple[str | None, str | None, str, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.stage.value, c.status.value) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The Belgian foreign minister said her country would supply Ukraine with 30 F-16 fighter jets by 2028."),
    ("fr", "Le ministre belge a déclaré que son pays livrerait 30 F-16 à l'Ukraine."),
    ("de", "Der belgische Außenminister sagte, sein Land werde der Ukraine 30 F-16 liefern."),
    ("es", "El ministro belga dijo que su país entregará 30 F-16 a Ucrania."),
    ("it", "Il ministro belga ha detto che il suo paese consegnerà 30 F-16 all'Ucraina."),
])
def test_her_country_is_the_speakers_state(code: str, text: str) -> None:
    assert claims_full(code, text) == {("BEL", "UKR", "planned", "reported")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The German foreign ministry said the country is ready to hand over a Patriot system to Ukraine."),
    ("fr", "Le ministère allemand a indiqué que le pays est prêt à livrer un système Patriot à l'Ukraine."),
    ("es", "El ministerio alemán informó de que el país está dispuesto a entregar un sistema Patriot a Ucrania."),
])
def test_the_country_after_one_state_is_that_state(code: str, text: str) -> None:
    assert {(s, r) for s, r, _, _ in claims_full(code, text)} == {("DEU", "UKR")}


def test_the_country_after_two_states_is_nobody() -> None:
    assert claims_full("en", "Germany will send Leopard tanks to Ukraine to help the country defend itself.") == {
        ("DEU", "UKR", "planned", "asserted")}


def test_her_country_with_no_state_before_is_nobody() -> None:
    assert claims_full("en", "The minister said her country would supply Ukraine with 30 F-16 fighter jets.") == set()


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "L'Égypte a commandé 24 Rafale à la France en 2015. Le Qatar a commandé à son tour 36 exemplaires."),
    ("en", "Egypt ordered 24 Rafale jets from France in 2015. Qatar then ordered 36 units."),
    ("de", "Ägypten bestellte 2015 in Frankreich 24 Rafale. Katar bestellte anschließend 36 Exemplare."),
    ("it", "L'Egitto ha ordinato alla Francia 24 Rafale nel 2015. Il Qatar ha poi ordinato 36 esemplari."),
    ("ru", "Египет заказал у Франции 24 Rafale в 2015 году. Катар затем заказал 36 единиц."),
])
def test_counted_units_are_the_system_just_named(code: str, text: str) -> None:
    """'36 exemplaires', '36 units': a count of the one system the transfer before named."""
    got = {(c["supplier"], c["recipient"], c["item"], (c["quantity"] or {}).get("value")) for c in claims(text, code)}
    assert got == {("FRA", "EGY", "Rafale", 24), ("FRA", "QAT", "Rafale", 36)}


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "La France a vendu des Rafale à l'Égypte en 2015. Depuis, l'avion de chasse a été vendu à 200 exemplaires. "
           "Le Qatar a ensuite commandé 24 exemplaires."),
    ("en", "France sold Rafale jets to Egypt in 2015. Since then the fighter jet has been sold in 200 units. "
           "Qatar then ordered 24 units."),
    ("es", "Francia vendió aviones Rafale a Egipto en 2015. Desde entonces el avión de combate se ha vendido en "
           "200 unidades. Catar encargó después 24 unidades."),
])
def test_counted_units_after_a_generic_noun_are_the_system_it_stands_for(code: str, text: str) -> None:
    """'l'avion de chasse … 24 exemplaires': the units count the one generic item of the transfer before, which
    stands for the one system of its kind named before it."""
    got = {(c["supplier"], c["recipient"], c["item"], (c["quantity"] or {}).get("value")) for c in claims(text, code)}
    assert ("FRA", "QAT", "Rafale", 24) in got


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "Denmark has around 40 F-16 jets. The country has pledged 19 F-16 jets to Ukraine.",
     {("DNK", "UKR", "F-16")}),
    ("fr", "La Norvège possède une quarantaine de F-16. Le pays a promis de livrer six F-16 à l'Ukraine.",
     {("NOR", "UKR", "F-16")}),
    ("es", "Dinamarca tiene unos 40 cazas F-16. El país ha prometido entregar 19 F-16 a Ucrania.",
     {("DNK", "UKR", "F-16")}),
    ("en", "Poland and Germany met on Monday. The country will buy tanks from Korea.", set()),
])
def test_the_country_opening_a_sentence_is_the_one_state_just_named(
        code: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    """'The country …', 'Le pays …', 'El país …': the one state the sentence before names; none when it names two."""
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, code)} == expected
