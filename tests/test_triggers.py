"""Transfer triggers per language: verbs, nouns and their seller/recipient markers, on made-up sentences."""

from __future__ import annotations

import pytest

from extraction_helpers import claims

# (language, sentence, stage): France supplies Greece in every sentence
CASES = [
    # a buy verb's seller after the language's buy_from or get_from marker
    ("ru", "Греция купила у Франции двенадцать вертолётов.", "ordered"),
    ("ru", "Греция заказала у Франции двенадцать вертолётов.", "ordered"),
    ("ru", "Греция приобрела у Франции двенадцать вертолётов.", "ordered"),
    ("uk", "Греція купила у Франції дванадцять гелікоптерів.", "ordered"),
    ("pl", "Grecja zamówiła we Francji dwanaście śmigłowców.", "ordered"),
    ("it", "La Grecia ha ordinato dodici elicotteri alla Francia.", "ordered"),
    ("es", "Grecia compró doce helicópteros a Francia.", "ordered"),
    ("fr", "La Grèce a commandé douze hélicoptères à la France.", "ordered"),
    # send, ship, make available, give as a present
    ("ru", "Франция выслала Греции двенадцать вертолётов.", "delivered"),
    ("uk", "Франція надіслала Греції дванадцять гелікоптерів.", "delivered"),
    ("uk", "Франція відвантажила Греції дванадцять гелікоптерів.", "delivered"),
    ("pl", "Francja udostępniła Grecji dwanaście śmigłowców.", "delivered"),
    ("es", "Francia regaló doce helicópteros a Grecia.", "delivered"),
]


@pytest.mark.parametrize(("lang", "text", "stage"), CASES)
def test_trigger(lang: str, text: str, stage: str) -> None:
    got = {(c["supplier"], c["recipient"], c["stage"]) for c in claims(text, lang)}
    assert got == {("FRA", "GRC", stage)}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Греция получила от Франции двенадцать вертолётов."),
    ("ru", "Греция получила у Франции двенадцать вертолётов."),
    ("it", "La Grecia ha ricevuto dodici elicotteri dalla Francia."),
])
def test_receive_verb_keeps_its_source(lang: str, text: str) -> None:
    # the buy_from marker of a buy verb does not turn the source of a receive verb into a recipient
    assert {(c["supplier"], c["recipient"]) for c in claims(text, lang)} == {("FRA", "GRC")}


# --- a negotiation is a deal of its own: the named item's origin gives the direction --------------------------------

NEGOTIATIONS = [
    ("en", "Greece and France are in negotiations over 12 Caracal helicopters."),
    ("fr", "Douze hélicoptères Caracal seraient en négociation entre Athènes et Paris."),
    ("de", "Griechenland und Frankreich verhandeln über zwölf Caracal-Hubschrauber."),
    ("nl", "Griekenland onderhandelt met Frankrijk over twaalf Caracal-helikopters."),
    ("ru", "Греция ведёт переговоры с Францией о двенадцати вертолётах Caracal."),
    ("uk", "Греція веде переговори з Францією щодо дванадцяти гелікоптерів Caracal."),
    ("pl", "Grecja prowadzi z Francją negocjacje w sprawie dwunastu śmigłowców Caracal."),
]


@pytest.mark.parametrize(("lang", "text"), NEGOTIATIONS)
def test_negotiation_is_a_deal(lang: str, text: str) -> None:
    got = {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}
    assert got == {("FRA", "GRC", "H225M Caracal", "negotiating")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia and Ukraine held negotiations in Istanbul while Russian Su-34 bombers struck Kharkiv."),
    ("de", "Russland und die Ukraine verhandeln in Istanbul, während russische Su-34 Charkiw angreifen."),
    ("ru", "Россия и Украина провели переговоры в Стамбуле, пока российские Су-34 наносили удары по Харькову."),
])
def test_negotiation_about_something_else_names_no_transfer(lang: str, text: str) -> None:
    assert claims(text, lang) == []
