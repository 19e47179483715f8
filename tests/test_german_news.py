"""Constructions of German news that dev-tuned rules missed, each with the sentences of the languages it applies to
(written for these tests): attack attributes, verb-final requests, lists after a closing participle, and items a
continuing sentence says the goods replace or fight."""

from __future__ import annotations

import pytest

import extraction_helpers as helpers
from extraction_helpers import analysed, tok


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    return helpers.triples(text, lang)


@pytest.mark.parametrize("text", [
    "Deutschland hat der von Russland angegriffenen Ukraine weitere Panzer geliefert.",
    "Frankreich liefert der von Russland überfallenen Ukraine Haubitzen.",
])
def test_agent_of_an_attack_attribute_is_no_supplier(text: str) -> None:
    found = triples(text, "de")
    assert found and all(s != "RUS" and r != "RUS" for s, r, _ in found)
    assert all(r == "UKR" for _s, r, _ in found)


def test_attack_attribute_marks_the_agent_a_bystander_and_keeps_the_article_case() -> None:
    toks = analysed("Deutschland liefert der von Russland angegriffenen Ukraine Panzer.", "de")
    assert tok(toks, "von").role_marker == "bystander"
    assert tok(toks, "Ukraine").case == "dat"


def test_agent_of_a_transfer_attribute_still_supplies() -> None:
    assert ("DEU", "UKR", "tanks") in triples("Die von Deutschland gelieferten Panzer sind in der Ukraine angekommen.",
                                              "de")


def test_side_of_an_attack_noun_is_no_party() -> None:
    text = "Die Ukraine hatte Deutschland kurz nach dem russischen Angriff um die Lieferung von Kampfpanzern gebeten."
    assert triples(text, "de") == {("DEU", "UKR", "tanks")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Kiew hat Berlin um die Lieferung von Kampfpanzern gebeten.", "de"),
    ("Kiev heeft Berlijn om de levering van tanks gevraagd.", "nl"),
    ("Ukraine has asked Germany for the delivery of battle tanks.", "en"),
])
def test_who_asks_for_a_delivery_receives_it_when_the_request_verb_closes_the_clause(text: str, lang: str) -> None:
    # the verb-final case exists in German and Dutch only; English shows the unchanged verb-second reading
    assert triples(text, lang) == {("DEU", "UKR", "tanks")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Deutschland hat der Ukraine weitere Waffen geliefert, darunter zwei Startgeräte des Systems IRIS-T.", "de"),
    ("Nederland heeft Oekraïne wapens geleverd, waaronder Patriot-systemen.", "nl"),
    ("Germany has delivered more weapons to Ukraine, including IRIS-T launchers.", "en"),
])
def test_a_list_after_the_closing_participle_names_its_objects(text: str, lang: str) -> None:
    found = triples(text, lang)
    assert len(found) == 1 and next(iter(found))[2] in ("IRIS-T", "MIM-104 Patriot")


@pytest.mark.parametrize(("text", "lang", "kept", "dropped"), [
    ("Deutschland hat das erste System IRIS-T SLM an die Ukraine übergeben. Es kann anfliegende Raketen in großer "
     "Höhe abwehren.", "de", "IRIS-T SLM", "missiles"),
    ("Germany handed the first IRIS-T SLM system to Ukraine. It can intercept incoming missiles at high altitude.",
     "en", "IRIS-T SLM", "missiles"),
    ("Die USA liefern F-35 an Deutschland. Sie sollen die alten Tornado-Kampfjets der Luftwaffe ablösen.", "de",
     "F-35", "Tornado"),
    ("The US will deliver F-35 jets to Germany. They will replace the Luftwaffe's old Tornado jets.", "en", "F-35",
     "Tornado"),
    ("La France a livré des Rafale à la Grèce. Ils remplacent les Mirage 2000.", "fr", "Rafale", "Mirage 2000"),
])
def test_a_continuing_sentence_carries_no_item_the_goods_replace_or_fight(text: str, lang: str, kept: str,
                                                                         dropped: str) -> None:
    items = {i for _s, _r, i in triples(text, lang)}
    assert kept in items and dropped not in items


@pytest.mark.parametrize(("text", "lang"), [
    ("Deutschland hat der Ukraine Panzer geliefert. Es handelt sich um 14 Leopard 2.", "de"),
    ("Germany delivered tanks to Ukraine. They include 14 Leopard 2 tanks.", "en"),
])
def test_a_continuing_sentence_still_lists_the_goods(text: str, lang: str) -> None:
    assert ("DEU", "UKR", "Leopard 2") in triples(text, lang)


def test_it_is_about_names_the_goods_of_the_sentence_before() -> None:
    text = ("Die Bundesregierung erlaubt die Lieferung von Panzern an die Ukraine. Medienberichten zufolge geht es "
            "zunächst um Flugabwehrpanzer vom Typ Gepard.")
    assert ("DEU", "UKR", "Gepard") in triples(text, "de")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Deutschland hat US-Kampfjets an die Ukraine geliefert.", "de", {("DEU", "UKR", "fighter jets")}),
    ("Deutschland hat das US-Flugabwehrsystem Patriot an die Ukraine geliefert.", "de",
     {("DEU", "UKR", "MIM-104 Patriot")}),
    ("Nederland heeft VS-gevechtsvliegtuigen aan Oekraïne geleverd.", "nl", {("NLD", "UKR", "fighter jets")}),
    ("Germany delivered US-made fighter jets to Ukraine.", "en", {("DEU", "UKR", "fighter jets")}),
])
def test_a_name_prefixing_an_item_compound_says_whose_the_item_is(text: str, lang: str,
                                                                  expected: set[tuple[str, str, str]]) -> None:
    # hyphenated noun compounds with a state prefix are German and Dutch; English shows the adjective form
    assert triples(text, lang) == expected


def test_a_name_prefixing_an_institution_compound_is_still_the_party() -> None:
    assert triples("Die US-Regierung hat Kampfjets an die Ukraine geliefert.", "de") == {("USA", "UKR", "fighter jets")}
