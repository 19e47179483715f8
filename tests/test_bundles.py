"""A package noun ("package", "Paket", "paquete", "пакет") is a planned supply when it names its own parties, and,
naming none, the transfer of the sentence before it: its stage and its parties."""

from __future__ import annotations

import pytest

from extraction_helpers import claims


def found(text: str, lang: str) -> set[tuple[str, str, str, str]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Pentagon's new $400 million package for Ukraine includes Javelin missiles."),
    ("de", "Das neue Paket der USA für die Ukraine umfasst Javelin-Raketen."),
    ("es", "El nuevo paquete de Estados Unidos para Ucrania incluye misiles Javelin."),
    ("ru", "Новый пакет США для Украины включает ракеты Javelin."),
    ("pl", "Nowy pakiet USA dla Ukrainy obejmuje pociski Javelin."),
])
def test_a_package_with_its_own_parties_is_a_planned_supply(lang: str, text: str) -> None:
    assert found(text, lang) == {("USA", "UKR", "FGM-148 Javelin", "planned")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "North Korea has shipped weapons to Russia. The package includes KN-23 missiles."),
    ("fr", "La Corée du Nord a livré des armes à la Russie. Le paquet comprenait des missiles KN-23."),
    ("it", "La Corea del Nord ha consegnato armi alla Russia. Il pacchetto includeva missili KN-23."),
    ("de", "Nordkorea hat Russland Waffen geliefert. Das Paket umfasst KN-23-Raketen."),
])
def test_a_package_naming_no_party_is_the_transfer_before_it(lang: str, text: str) -> None:
    assert found(text, lang) == {("PRK", "RUS", "KN-23", "delivered")}


@pytest.mark.parametrize(("lang", "text", "stage"), [
    ("en", "Lithuania sent Ukraine a new aid package including mortars and ammunition.", "delivered"),
    ("en", "Lithuania sent Ukraine a package which includes mortars and ammunition.", "delivered"),
    ("es", "Lituania envió a Ucrania un nuevo paquete de ayuda que incluye morteros y munición.", "delivered"),
    ("it", "La Lituania ha inviato all'Ucraina un nuovo pacchetto di aiuti che comprende mortai e munizioni.",
     "delivered"),
    ("fr", "La Lituanie enverra à l'Ukraine un nouveau paquet d'aide comprenant des mortiers et des munitions.",
     "planned"),
    ("en", "Lithuania will send Ukraine a new aid package including mortars and ammunition.", "planned"),
])
def test_a_package_a_delivery_verb_gives_is_that_verbs_transfer(lang: str, text: str, stage: str) -> None:
    # the package is the verb's object: the verb's parties and tense, not a promise whose subject is the recipient
    assert found(text, lang) == {("LTU", "UKR", "mortars", stage), ("LTU", "UKR", "ammunition", stage)}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("de", "Deutschland hat der Ukraine ein Paket von 40 Panzern geliefert.", ("DEU", "UKR", "tanks", "delivered")),
    ("nl", "Nederland heeft Oekraïne een pakket van 40 tanks geleverd.", ("NLD", "UKR", "tanks", "delivered")),
    ("en", "Germany delivered a package of 40 tanks to Ukraine.", ("DEU", "UKR", "tanks", "delivered")),
    ("de", "Deutschland will der Ukraine ein Paket von 40 Panzern liefern.", ("DEU", "UKR", "tanks", "planned")),
])
def test_a_package_the_clause_final_verb_delivers_was_delivered(code: str, text: str,
                                                                expected: tuple[str, ...]) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, code)} == {expected}


@pytest.mark.parametrize(("code", "text", "supplier"), [
    ("en", "Germany will deliver a new package to Ukraine. It includes 20 howitzers.", "DEU"),
    ("fr", "Les États-Unis livreront un nouveau paquet à l'Ukraine. Il comprend 20 obusiers.", "USA"),
    ("es", "Estados Unidos enviará un nuevo paquete a Ucrania. Incluye 20 obuses.", "USA"),
    ("it", "Gli Stati Uniti invieranno un nuovo pacchetto all'Ucraina. Comprende 20 obici.", "USA"),
])
def test_a_package_a_verb_sends_opens_the_transfer_the_next_sentence_lists(code: str, text: str,
                                                                          supplier: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, code)} == \
        {(supplier, "UKR", "howitzers", "planned")}
