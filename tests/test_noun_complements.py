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


@pytest.mark.parametrize(("lang", "text", "maker"), [
    ("es", "Perú comprará ocho helicópteros de fabricación rusa.", ("RUS", "PER", "helicopters")),
    ("it", "L'Argentina acquisterà quattro elicotteri di origine italiana.", ("ITA", "ARG", "helicopters")),
    ("fr", "L'Ukraine a reçu des chars de production allemande.", ("DEU", "UKR", "tanks")),
    ("nl", "Egypte koopt gevechtsvliegtuigen van Franse makelij.", ("FRA", "EGY", "fighter jets")),
])
def test_production_phrase_names_the_items_maker(lang: str, text: str, maker: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {maker}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Se firmó el contrato para la compra de 12 cazas Gripen a Suecia para la Fuerza Aérea de Colombia.",
     ("SWE", "COL", "Gripen")),
    ("it", "È stato firmato il contratto per l'acquisto di 24 caccia F-35 dagli Stati Uniti per l'Aeronautica "
           "militare italiana.", ("USA", "ITA", "F-35")),
    ("nl", "Het contract is getekend voor de aanschaf van 46 Leopard 2A8-tanks uit Duitsland voor de Nederlandse "
           "landmacht.", ("DEU", "NLD", "Leopard 2A8")),
    ("en", "The contract for the purchase of 46 Leopard 2A8 tanks from Germany for the Dutch army was signed.",
     ("DEU", "NLD", "Leopard 2A8")),
])
def test_purchase_for_an_institution_with_no_buyer_named(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {expected}


def test_a_buyer_named_still_passes_on_what_it_buys() -> None:
    assert triples("Alemania compra obuses a Francia para Ucrania.", "es") == {
        ("FRA", "DEU", "howitzers"), ("DEU", "UKR", "howitzers")}


@pytest.mark.parametrize(("lang", "text", "item"), [
    ("nl", "Nederland levert Israël onderdelen voor de F-35.", "F-35 spare parts"),
    ("it", "L'Italia continua a fornire componenti per gli F-35 a Israele.", "F-35 components"),
    ("es", "España sigue suministrando a Israel componentes para los F-35.", "F-35 components"),
])
def test_parts_for_a_designation_are_its_parts(lang: str, text: str, item: str) -> None:
    assert {i for _s, _r, i in triples(text, lang)} == {item}


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Nederland levert onderdelen aan diverse partners."),
    ("it", "L'Italia fornisce componenti all'Ucraina."),
])
def test_parts_alone_are_no_claim(lang: str, text: str) -> None:
    assert triples(text, lang) == set()


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El Ejército de Chile compró cañones de 30 mm a la firma española Escribano.", "ESP"),
    ("it", "L'Egitto ha acquistato due fregate dal cantiere italiano Fincantieri.", "ITA"),
    ("nl", "Indonesië koopt twee fregatten bij de Nederlandse scheepswerf Damen.", "NLD"),
])
def test_a_firm_or_shipyard_stands_for_its_state(lang: str, text: str, expected: str) -> None:
    assert {s for s, _r, _i in triples(text, lang)} == {expected}


@pytest.mark.parametrize(("lang", "text", "giver"), [
    ("nl", "Het Duitse steunpakket voor Oekraïne omvat houwitsers en drones.", "DEU"),
    ("es", "La ayuda militar alemana a Ucrania incluye obuses y drones.", "DEU"),
    ("it", "Gli aiuti militari tedeschi all'Ucraina comprendono obici e droni.", "DEU"),
    ("fr", "L'aide militaire allemande à l'Ukraine comprend des obusiers et des drones.", "DEU"),
])
def test_demonym_on_an_aid_noun_gives_what_it_lists(lang: str, text: str, giver: str) -> None:
    assert triples(text, lang) == {(giver, "UKR", "howitzers"), (giver, "UKR", "drones")}


@pytest.mark.parametrize(("lang", "text", "buyer"), [
    ("it", "L'Ucraina ha firmato un accordo per l'acquisto di droni turchi Bayraktar TB2, per ora 12 velivoli.", "UKR"),
    ("es", "Marruecos firmó un acuerdo para la compra de drones turcos Bayraktar TB2, por ahora 12 aeronaves.", "MAR"),
    ("nl", "Polen tekende een akkoord voor de aankoop van Turkse Bayraktar TB2-drones, voorlopig 12 vliegtuigen.",
     "POL"),
])
def test_aircraft_beside_a_drone_designation_are_those_drones(lang: str, text: str, buyer: str) -> None:
    assert triples(text, lang) == {("TUR", buyer, "Bayraktar TB2")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Polonia construirá tanques K2 bajo licencia.", ("KOR", "POL", "K2 Black Panther")),
    ("es", "India construirá bajo licencia cazas Rafale.", ("FRA", "IND", "Rafale")),
    ("it", "La Polonia costruirà su licenza carri armati K2.", ("KOR", "POL", "K2 Black Panther")),
    ("en", "Poland will build K2 tanks under licence.", ("KOR", "POL", "K2 Black Panther")),
])
def test_who_builds_under_licence_receives_from_the_maker(lang: str, text: str,
                                                          expected: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {expected}


def test_who_builds_for_a_buyer_still_sells() -> None:
    assert triples("España construirá cuatro fragatas para Arabia Saudí.", "es") == {("ESP", "SAU", "ships")}
