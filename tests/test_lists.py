"""Items in lists and continuation sentences, checked on made-up sentences in several languages."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document
from extraction_helpers import claims, triples

# --- a generic listed beside a designation of another kind is an item of its own ---------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The United States sent Ukraine AK-47 rifles, sniper rifles and grenade launchers.",
     {("USA", "UKR", "AK-47"), ("USA", "UKR", "sniper rifles"), ("USA", "UKR", "grenade launchers")}),
    ("fr", "La Belgique a livré au Bénin des fusils FN FNC, des mitrailleuses lourdes et des lance-grenades.",
     {("BEL", "BEN", "FN FNC"), ("BEL", "BEN", "heavy machine guns"), ("BEL", "BEN", "grenade launchers")}),
    ("es", "Alemania envió a Lituania vehículos blindados y tanques Leopard 2.",
     {("DEU", "LTU", "Leopard 2"), ("DEU", "LTU", "armoured vehicles")}),
])
def test_generic_listed_beside_a_designation_is_kept(lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Iran delivered Shahed-136 drones to Russia."),
    ("fr", "L'Iran a livré des drones Shahed-136 à la Russie."),
    ("de", "Iran lieferte Russland Drohnen vom Typ Shahed-136."),
])
def test_head_noun_of_a_designation_is_no_second_item(lang: str, text: str) -> None:
    assert triples(text, lang) == {("IRN", "RUS", "Shahed-136")}


# --- a sentence naming the parties but no item, continued by a list ----------------------------------------------


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("en", "Canada will provide Latvia with new military aid this year. The package includes twelve howitzers "
           "and 300 drones.", ("CAN", "LVA")),
    ("de", "Norwegen stellt Estland in diesem Jahr ein neues Hilfspaket bereit. Das Paket umfasst acht Haubitzen "
           "und 40 Drohnen.", ("NOR", "EST")),
    ("es", "Chile enviará a Ecuador un nuevo paquete de ayuda militar. El paquete incluye ocho obuses y 40 drones.",
     ("CHL", "ECU")),
    ("fr", "La Suède fournira une nouvelle aide militaire à la Lettonie. Le paquet comprend huit obusiers et "
           "40 drones.", ("SWE", "LVA")),
])
def test_list_continues_an_itemless_transfer(lang: str, text: str, pair: tuple[str, str]) -> None:
    got = triples(text, lang)
    assert {(*pair, "howitzers"), (*pair, "drones")} <= got
    assert {(s, r) for s, r, _ in got} == {pair}


def test_back_reference_without_items_still_attributes() -> None:
    # "Das sagte …" names no item: it says who made the previous claim, it opens no list
    assert triples("Deutschland liefert der Ukraine Haubitzen. Das sagte der Minister.", "de") == {
        ("DEU", "UKR", "howitzers")}


# --- the item after a purpose preposition is what the parts are for ----------------------------------------------


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("en", "Poland will send Ukraine spare parts for Leopard 2 tanks.", ("POL", "UKR")),
    ("es", "España enviará a Ucrania repuestos para los tanques Leopard 2.", ("ESP", "UKR")),
    ("nl", "Nederland levert Oekraïne reserveonderdelen voor Leopard 2-tanks.", ("NLD", "UKR")),
])
def test_parts_for_a_system_are_no_claim_on_the_system(lang: str, text: str, pair: tuple[str, str]) -> None:
    assert triples(text, lang) == {(*pair, "Leopard 2 spare parts")}


# --- a demonym closing a list is the origin of every member ------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Le Mali a reçu des hélicoptères de combat, des radars et des blindés russes.",
     {("RUS", "MLI", "attack helicopters"), ("RUS", "MLI", "radars"), ("RUS", "MLI", "armoured vehicles")}),
    ("it", "Il Niger ha ricevuto droni, munizioni e camion turchi.",
     {("TUR", "NER", "drones"), ("TUR", "NER", "ammunition")}),
    ("es", "Bolivia recibió fusiles, municiones y radares chinos.",
     {("CHN", "BOL", "small arms"), ("CHN", "BOL", "ammunition"), ("CHN", "BOL", "radars")}),
])
def test_demonym_closing_a_list_covers_it(lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le Mali a reçu des drones et des blindés, selon des sources russes."),
    ("it", "Il Niger ha ricevuto droni e munizioni, secondo fonti turche."),
    ("es", "Bolivia recibió fusiles y municiones, según medios chinos."),
])
def test_demonym_on_a_source_is_no_origin(lang: str, text: str) -> None:
    assert not {s for s, _, _ in triples(text, lang)} - {None}


@pytest.mark.parametrize(("code", "text"), [
    ("es", "Brasil enviará un lote de ayuda militar a Paraguay. Entre el material figuran diez obuses y 40 drones."),
    ("fr", "Le Brésil enverra un lot d'aide militaire au Paraguay. Parmi le matériel figurent dix obusiers et 40 "
           "drones."),
    ("it", "Il Brasile invierà un pacchetto di aiuti militari al Paraguay. Tra il materiale figurano dieci obici e "
           "40 droni."),
])
def test_a_sentence_saying_what_figures_among_a_package_lists_its_items(code: str, text: str) -> None:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    found = {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}
    assert found == {("BRA", "PRY", "howitzers"), ("BRA", "PRY", "drones")}


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La Belgique a livré à l'Ukraine, depuis le début de l'invasion russe il y a plus de deux ans et demi, "
           "différents types d'armes : des fusils d'assaut FNC et SCAR, des F2000, des mitrailleuses Minimi, des "
           "lance-roquettes LAW et des lance-grenades Carl Gustav."),
    ("en", "Belgium has delivered to Ukraine, since the start of the Russian invasion more than two and a half years "
           "ago, several kinds of weapons: FNC and SCAR assault rifles, F2000 rifles, Minimi machine guns, LAW rocket "
           "launchers and Carl Gustav grenade launchers."),
    ("es", "Bélgica ha entregado a Ucrania, desde el inicio de la invasión rusa hace más de dos años y medio, varios "
           "tipos de armas: fusiles de asalto FNC y SCAR, fusiles F2000, ametralladoras Minimi, lanzacohetes LAW y "
           "lanzagranadas Carl Gustav."),
])
def test_a_list_after_a_colon_belongs_to_the_trigger_before_it_however_long(lang: str, text: str) -> None:
    items = {c["item"] for c in claims(text, lang) if (c["supplier"], c["recipient"]) == ("BEL", "UKR")}
    assert {"FN FNC", "FN SCAR", "FN F2000", "FN Minimi", "M72 LAW", "Carl Gustaf"} <= items


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Партнери передали Україні нову партію бронетехніки. Зазначається, що мова йде про британські "
           "Challenger 2, американські Stryker та німецькі БМП Marder."),
    ("ru", "Партнеры передали Украине новую партию бронетехники. Речь идет о британских Challenger 2, американских "
           "Stryker и немецких БМП Marder."),
    ("de", "Die Verbündeten haben der Ukraine neue Panzerfahrzeuge übergeben. Es handelt sich um britische "
           "Challenger 2, amerikanische Stryker und deutsche Marder."),
    ("en", "Allies handed Ukraine a new batch of armoured vehicles. These are British Challenger 2 tanks, American "
           "Stryker vehicles and German Marder IFVs."),
])
def test_a_sentence_saying_what_the_transfer_was_lists_its_items(code: str, text: str) -> None:
    """'It concerns …', 'Речь идет о …', 'Es handelt sich um …': the items of the transfer just before, each from the
    state its adjective names."""
    got = {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, code)}
    assert got == {("GBR", "UKR", "Challenger 2"), ("USA", "UKR", "Stryker"), ("DEU", "UKR", "Marder")}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Argentina firmó la compra de 24 cazas F-16 a Dinamarca. El acuerdo incluye también misiles "
           "AIM-9 Sidewinder."),
    ("it", "L'Argentina ha firmato l'acquisto di 24 caccia F-16 dalla Danimarca. L'accordo comprende anche missili "
           "AIM-9 Sidewinder."),
    ("nl", "Argentinië heeft de aankoop van 24 F-16's van Denemarken getekend. Het akkoord omvat ook AIM-9 "
           "Sidewinder-raketten."),
])
def test_a_deal_that_opens_the_next_sentence_and_lists_goods_is_the_transfer_before(lang: str, text: str) -> None:
    # not the missiles' maker (USA) selling them: the deal between the two states just named lists them
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)} == {
        ("DNK", "ARG", "F-16"), ("DNK", "ARG", "AIM-9 Sidewinder")}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Argentina firmó la compra de 24 cazas F-16 a Dinamarca. Según el Gobierno, el acuerdo incluye también "
           "misiles AIM-9 Sidewinder."),
    ("it", "L'Argentina ha firmato l'acquisto di 24 caccia F-16 dalla Danimarca. Secondo il governo, l'accordo "
           "comprende anche missili AIM-9 Sidewinder."),
    ("nl", "Argentinië heeft de aankoop van 24 F-16's van Denemarken getekend. Volgens de regering omvat het "
           "akkoord ook AIM-9 Sidewinder-raketten."),
])
def test_a_deal_inside_the_sentence_that_lists_goods_is_the_transfer_before(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang)}
    assert ("DNK", "ARG", "AIM-9 Sidewinder") in got


@pytest.mark.parametrize("text", [
    "South Korea will supply Romania with 36 K10 Ammunition Resupply Vehicles along with ammunition.",
    "South Korea signed a contract with Romania to supply 54 K9 howitzers and 36 K10 Ammunition Resupply Vehicles "
    "along with ammunition and associated equipment.",
])
def test_a_trigger_word_inside_an_items_name_is_no_trigger(text: str) -> None:
    """English compounds put a transfer word inside a name ('Ammunition Resupply Vehicles'): it opens no transfer of
    its own that would take the items after it (other languages write the modifier as a phrase or one word)."""
    assert ("KOR", "ROU", "ammunition") in triples(text, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La Russie a livré au Mali des Su-25 et des L-39. Il y avait aussi des Mi-8, des hélicoptères polyvalents."),
    ("en", "Russia delivered Su-25 and L-39 jets to Mali. There were also Mi-8 helicopters."),
    ("es", "Rusia entregó a Malí aviones Su-25 y L-39. También había helicópteros Mi-8."),
    ("it", "La Russia ha consegnato al Mali aerei Su-25 e L-39. C'erano anche elicotteri Mi-8."),
    ("ru", "Россия поставила Мали самолеты Су-25 и L-39. Были также вертолеты Ми-8."),
    ("pl", "Rosja dostarczyła Mali samoloty Su-25 i L-39. Były też śmigłowce Mi-8."),
])
def test_there_were_also_lists_more_items_of_the_transfer_before(lang: str, text: str) -> None:
    assert ("RUS", "MLI", "Mi-8") in triples(text, lang)


def test_there_were_also_names_no_item_of_an_event() -> None:
    text = "Russia delivered Su-25 jets to Mali. There were also protests in Bamako against the Mi-8 crash."
    assert ("RUS", "MLI", "Mi-8") not in triples(text, "en")


@pytest.mark.parametrize(("code", "text"), [
    ("en", "China delivered armoured vehicles, weapons and ammunition to Burkina Faso."),
    ("es", "China entregó a Burkina Faso vehículos blindados, armas y municiones."),
    ("fr", "La Chine a livré au Burkina Faso des blindés, des armes et des munitions."),
    ("it", "La Cina ha consegnato al Burkina Faso veicoli blindati, armi e munizioni."),
])
def test_weapons_listed_as_one_kind_of_goods_among_others_are_a_claim(code: str, text: str) -> None:
    assert {i for _s, _r, i in triples(text, code)} == {"armoured vehicles", "weapons", "ammunition"}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "China delivered weapons to Burkina Faso, including armoured vehicles."),
    ("fr", "La Chine a livré des armes au Burkina Faso, dont des blindés."),
])
def test_weapons_in_general_that_name_their_kinds_are_no_claim_of_their_own(code: str, text: str) -> None:
    assert {i for _s, _r, i in triples(text, code)} == {"armoured vehicles"}
