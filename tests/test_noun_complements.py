"""Who gives when a party complements a delivery noun or a receive verb: 'of Germany' beside a recipient and a
demonym right after the noun give ('el paquete de ayuda de Alemania para Ucrania', 'le forniture americane
all'Ucraina'); the by-phrase of an active receive verb with its subject gives ('L'Ucraina ha ricevuto … da parte
della Germania'), that of a passive one receives."""

from __future__ import annotations

import pytest

from extraction_helpers import triples


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El paquete de ayuda de Alemania para Ucrania incluye obuses y drones."),
    ("it", "Il pacchetto di aiuti della Germania per l'Ucraina comprende obici e droni."),
    ("fr", "Le paquet d'aide de l'Allemagne à l'Ukraine comprend des obusiers et des drones."),
    ("en", "The aid package of Germany to Ukraine includes howitzers and drones."),
    ("nl", "Het steunpakket van Duitsland voor Oekraïne omvat houwitsers en drones."),
])
def test_of_party_beside_a_recipient_gives(lang: str, text: str) -> None:
    assert triples(text, lang) == {("DEU", "UKR", "howitzers"), ("DEU", "UKR", "drones")}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El paquete de ayuda alemán para Ucrania incluye obuses y drones."),
    ("it", "Il pacchetto di aiuti tedesco per l'Ucraina comprende obici e droni."),
    ("fr", "Les livraisons allemandes à l'Ukraine comprennent des obusiers et des drones."),
])
def test_demonym_after_a_delivery_noun_gives(lang: str, text: str) -> None:
    assert triples(text, lang) == {("DEU", "UKR", "howitzers"), ("DEU", "UKR", "drones")}


@pytest.mark.parametrize(("lang", "text", "giver"), [
    ("it", "L'Ucraina ha ricevuto nuovi obici da parte della Germania.", "DEU"),
    ("es", "Ucrania ha recibido nuevos obuses por parte de Alemania.", "DEU"),
    ("de", "Die Ukraine erhielt neue Haubitzen seitens der Niederlande.", "NLD"),
])
def test_by_phrase_of_an_active_receive_verb_gives(lang: str, text: str, giver: str) -> None:
    assert triples(text, lang) == {(giver, "UKR", "howitzers")}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los obuses fueron recibidos por Ucrania en enero."),
    ("it", "Gli obici sono stati ricevuti da parte dell'Ucraina a gennaio."),
])
def test_by_phrase_of_a_passive_receive_verb_gives_nothing(lang: str, text: str) -> None:
    assert not any(s == "UKR" for s, _r, _i in triples(text, lang))
