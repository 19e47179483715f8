"""A by-agent past a comma belongs to another verb ('…, strengthening ties between the two states sanctioned by the
United States'), not to the transfer before it; a by-agent right after the transfer verb still supplies."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Iran supplied drones to Russia, strengthening ties between the two states sanctioned by the United "
           "States."),
    ("fr", "L'Iran a fourni des drones à la Russie, renforçant les liens entre les deux pays sanctionnés par les "
           "États-Unis."),
    ("es", "Irán suministró drones a Rusia, reforzando los lazos entre los dos países sancionados por Estados "
           "Unidos."),
    ("it", "L'Iran ha fornito droni alla Russia, rafforzando i legami tra i due paesi sanzionati dagli Stati Uniti."),
])
def test_an_agent_past_a_comma_is_another_verbs(code: str, text: str) -> None:
    assert pairs(code, text) == {("IRN", "RUS", "drones")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "Ukraine uses Storm Shadow missiles supplied by Britain, France and Italy.",
     {("GBR", "UKR", "Storm Shadow"), ("FRA", "UKR", "Storm Shadow"), ("ITA", "UKR", "Storm Shadow")}),
    ("fr", "Des drones ont été livrés à la Russie par l'Iran.", {("IRN", "RUS", "drones")}),
    ("en", "Russia received drones, mostly from Iran.", {("IRN", "RUS", "drones")}),
])
def test_an_agent_or_source_of_the_transfer_itself_still_counts(code: str, text: str, expected: set[object]) -> None:
    assert pairs(code, text) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Poland, which has already sent more than 300 tanks to Ukraine, is now buying K2 tanks from South Korea."),
    ("fr", "La Pologne, qui a déjà livré plus de 300 chars à l'Ukraine, achète désormais des chars K2 à la Corée du "
           "Sud."),
    ("de", "Polen, das bereits 300 Panzer an die Ukraine geliefert hat, kauft jetzt K2-Panzer aus Südkorea."),
    ("nl", "Polen, dat al meer dan 300 tanks aan Oekraïne heeft geleverd, koopt nu K2-tanks van Zuid-Korea."),
    ("ru", "Польша, которая уже передала Украине более 300 танков, теперь покупает танки K2 у Южной Кореи."),
    ("es", "Polonia, que ya ha enviado más de 300 tanques a Ucrania, compra ahora tanques K2 a Corea del Sur."),
    ("pl", "Polska, która przekazała już Ukrainie ponad 300 czołgów, kupuje teraz czołgi K2 od Korei Południowej."),
])
def test_a_relative_clause_between_subject_and_verb_has_the_subject_as_its_own(code: str, text: str) -> None:
    # the aside's verb has the party it describes as subject; the main verb reaches back over the aside to it
    assert pairs(code, text) == {("POL", "UKR", "tanks"), ("KOR", "POL", "K2 Black Panther")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Poland, a close ally of Kyiv, is now buying K2 tanks from South Korea."),
    ("de", "Polen, ein enger Verbündeter Kiews, kauft jetzt K2-Panzer aus Südkorea."),
    ("it", "La Polonia, stretto alleato di Kiev, acquista ora carri armati K2 dalla Corea del Sud."),
])
def test_a_state_named_in_an_apposition_takes_no_part_in_the_main_transfer(code: str, text: str) -> None:
    assert pairs(code, text) == {("KOR", "POL", "K2 Black Panther")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Ukraine, which Germany has supplied with Leopard tanks, is now also receiving Abrams tanks from the "
           "United States."),
    ("ru", "Украина, которой Германия уже поставила танки Leopard, теперь получает танки Abrams от США."),
])
def test_a_relative_clause_with_its_own_subject_keeps_it(code: str, text: str) -> None:
    assert pairs(code, text) == {("DEU", "UKR", "Leopard"), ("USA", "UKR", "M1 Abrams")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "Poland, the Czech Republic, Slovakia and Hungary have ordered Patriot systems from the United States.",
     {("USA", c, "MIM-104 Patriot") for c in ("POL", "CZE", "SVK", "HUN")}),
    ("fr", "La Pologne, la Roumanie et la Suède ont commandé des systèmes Patriot aux États-Unis.",
     {("USA", c, "MIM-104 Patriot") for c in ("POL", "ROU", "SWE")}),
])
def test_a_list_of_states_is_no_aside(code: str, text: str, expected: set[object]) -> None:
    assert pairs(code, text) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Germany, together with Norway, will buy 20 howitzers for Ukraine."),
    ("nl", "Duitsland, samen met Noorwegen, koopt 20 houwitsers voor Oekraïne."),
    ("es", "Alemania, junto con Noruega, comprará 20 obuses para Ucrania."),
])
def test_a_role_marker_after_the_comma_is_the_main_verbs_adjunct(code: str, text: str) -> None:
    assert pairs(code, text) == {("DEU", "UKR", "howitzers"), ("NOR", "UKR", "howitzers")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("es", "Chile recibió los primeros F-16 de segunda mano procedentes de los Países Bajos.", ("NLD", "CHL", "F-16")),
    ("fr", "Le Maroc a reçu des drones en provenance de Turquie.", ("TUR", "MAR", "drones")),
    ("nl", "Chili ontving de eerste F-16's afkomstig uit Nederland.", ("NLD", "CHL", "F-16")),
])
def test_the_longest_marker_before_a_party_decides_its_role(code: str, text: str, expected: tuple[str, ...]) -> None:
    # "procedentes de", "en provenance de": a source, although their last word alone is a mere genitive "de"
    assert pairs(code, text) == {expected}


@pytest.mark.parametrize(("code", "text"), [
    ("es", "Se han enviado a Ucrania 20 obuses, 10 blindados y 300 drones desde Portugal."),
    ("en", "Ukraine has been sent 20 howitzers, 10 armoured vehicles and 300 drones from Portugal."),
    ("it", "Sono stati inviati all'Ucraina 20 obici, 10 blindati e 300 droni dal Portogallo."),
])
def test_commas_between_listed_items_keep_the_source_after_the_list(code: str, text: str) -> None:
    assert pairs(code, text) == {("PRT", "UKR", i) for i in ("howitzers", "armoured vehicles", "drones")}


def test_a_state_sanctioned_by_another_makes_no_report() -> None:
    doc = Document(text="L'Iran a fourni des drones à la Russie, renforçant les liens entre les deux pays sanctionnés "
                        "par les États-Unis.", id="x", language="fr", published="2025-03-01")
    assert [c.status.value for c in Extractor("fr").extract(doc).claims] == ["asserted"]


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Polen will Leopard-Panzer an die Ukraine liefern, Deutschland muss die Weitergabe genehmigen."),
    ("nl", "Polen wil Leopard-tanks aan Oekraïne leveren, Duitsland moet de doorlevering goedkeuren."),
])
def test_a_verb_closing_its_clause_takes_no_party_after_the_comma(code: str, text: str) -> None:
    """In a verb-final language the verb ends its clause: a state named after the comma is the next clause's."""
    assert {(s, r) for s, r, _ in pairs(code, text)} == {("POL", "UKR")}
