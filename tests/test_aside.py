"""What a sentence names beside its transfer: the payment ('in exchange for …') and the strengthened capability
('to bolster its air defences') are no items of it, a state protesting it ('despite protests from Moscow') is no
party; what the transfer moves, and who moves it, stays."""

from __future__ import annotations

import pytest

from extraction_helpers import triples

# --- what is given back ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text", "kept", "paid"), [
    ("en", "Belarus supplied Iran with tanks in exchange for artillery shells.",
     ("BLR", "IRN", "tanks"), "artillery shells"),
    ("en", "In return for the rockets, Serbia sent Egypt howitzers.", ("SRB", "EGY", "howitzers"), "rockets"),
    ("fr", "La Serbie a livré des obusiers à l'Égypte en échange de roquettes.",
     ("SRB", "EGY", "howitzers"), "rockets"),
    ("de", "Belarus hat Iran Panzer im Austausch gegen Artilleriemunition geliefert.",
     ("BLR", "IRN", "tanks"), "artillery shells"),
    ("ru", "Белоруссия поставила Ирану танки в обмен на артиллерийские снаряды.",
     ("BLR", "IRN", "tanks"), "artillery shells"),
    ("es", "Serbia entregó obuses a Egipto a cambio de cohetes.", ("SRB", "EGY", "howitzers"), "rockets"),
])
def test_payment_is_not_transferred(lang: str, text: str, kept: tuple[str, str, str], paid: str) -> None:
    found = triples(text, lang)
    assert kept in found
    assert not any(item == paid for _, _, item in found)


# --- the capability a transfer strengthens -----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The agreement between Chile and Spain is meant to bolster Chilean air defences."),
    ("en", "Chile and Spain signed a deal to strengthen Chile's air defences."),
    ("fr", "L'accord entre le Chili et l'Espagne doit renforcer la défense aérienne du Chili."),
    ("de", "Das Abkommen zwischen Chile und Spanien soll die Luftverteidigung Chiles stärken."),
    ("it", "L'accordo tra Cile e Spagna servirà a rafforzare la difesa aerea del Cile."),
])
def test_strengthened_capability_is_no_item(lang: str, text: str) -> None:
    assert not triples(text, lang)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Spain will deliver 12 air defence systems to Chile to bolster its defences.",
     ("ESP", "CHL", "air defence systems")),
    ("en", "Spain will supply Chile to reinforce its army with modern tanks.", ("ESP", "CHL", "tanks")),
    ("en", "Spain delivered Patriot launchers to Chile to strengthen its air defences.",
     ("ESP", "CHL", "MIM-104 Patriot")),
    ("fr", "L'Espagne livrera au Chili des systèmes Patriot pour renforcer sa défense aérienne.",
     ("ESP", "CHL", "MIM-104 Patriot")),
    ("de", "Spanien liefert Chile Patriot-Systeme, um die Luftverteidigung zu stärken.",
     ("ESP", "CHL", "MIM-104 Patriot")),
])
def test_goods_beside_a_strengthened_capability_stay(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


# --- who protests or presses is no party -------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Serbia sold artillery shells to Ukraine despite protests from Moscow."),
    ("de", "Serbien hat der Ukraine trotz Protesten aus Moskau Artilleriegranaten verkauft."),
    ("ru", "Сербия продала Украине снаряды, несмотря на протесты со стороны Москвы."),
    ("it", "La Serbia ha venduto proiettili all'Ucraina nonostante le proteste da parte di Mosca."),
    ("nl", "Servië verkocht granaten aan Oekraïne ondanks protesten uit Moskou."),
])
def test_protesting_state_is_no_party(lang: str, text: str) -> None:
    assert triples(text, lang) == {("SRB", "UKR", "artillery shells")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Ukraine received artillery shells from Serbia.", ("SRB", "UKR", "artillery shells")),
    ("ru", "Украина получила снаряды со стороны Сербии.", ("SRB", "UKR", "artillery shells")),
])
def test_plain_source_still_supplies(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Росія надає Ірану розвіддані про розташування і переміщення американських військ, кораблів і літаків."),
    ("ru", "Россия передает Ирану разведданные о местонахождении американских кораблей и самолетов."),
    ("en", "Russia is giving Iran intelligence on the location of American warships and aircraft."),
    ("fr", "La Russie fournit à l'Iran des renseignements sur la position des navires et des avions américains."),
])
def test_what_handed_over_information_is_about_is_no_item(lang: str, text: str) -> None:
    assert triples(text, lang) == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Россия передает Ирану информацию о передвижении американских кораблей, а также поставляет беспилотники."),
    ("uk", "Росія передає Ірану розвіддані про американські кораблі, а також постачає Ірану безпілотники."),
    ("ru", "Россия передает Ирану разведданные об американских кораблях и поставляет Ирану беспилотники."),
])
def test_goods_after_the_topic_phrase_stay(lang: str, text: str) -> None:
    assert triples(text, lang) == {("RUS", "IRN", "drones")}
