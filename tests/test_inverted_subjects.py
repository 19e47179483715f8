"""Who buys or receives when an adverb or a phrase opens a verb-second clause ('Außerdem kauft Polen …'), and a
demonym the KB writes capitalised (Dutch 'Denen', the Danes) that a lower-case word of another language
('denen', a German pronoun) does not match."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document
from extraction_helpers import one


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Außerdem kauft Polen in Südkorea 212 Panzerhaubitzen K9."),
    ("de", "Zudem erhält Polen aus Südkorea 212 Panzerhaubitzen K9."),
    ("de", "Im Gegenzug bestellte Polen bei Südkorea 212 Panzerhaubitzen K9."),
    ("nl", "Daarnaast koopt Polen bij Zuid-Korea 212 K9-houwitsers."),
    ("en", "In addition, Poland is buying 212 K9 howitzers from South Korea."),
])
def test_the_name_behind_a_buy_or_receive_verb_after_an_adverb_is_its_subject(code: str, text: str) -> None:
    assert pairs(code, text) == {("KOR", "POL", "K9 Thunder")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("de", "Polen kauft 212 Panzerhaubitzen K9 von Südkorea, von denen 24 dieses Jahr kommen.",
     {("KOR", "POL", "K9 Thunder")}),
    ("nl", "De Denen leveren F-16's aan Oekraïne.", {("DNK", "UKR", "F-16")}),
    ("de", "Die Dänen haben F-16 an die Ukraine geliefert.", {("DNK", "UKR", "F-16")}),
    ("en", "The Danes delivered F-16 jets to Ukraine.", {("DNK", "UKR", "F-16")}),
])
def test_a_capitalised_demonym_matches_only_capitalised_text(code: str, text: str, expected: set[object]) -> None:
    assert pairs(code, text) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Kanada hat sich bereit erklärt, der Ukraine acht Leopard-2-Panzer zu liefern.",
     ("CAN", "UKR", "Leopard 2")),
    ("nl", "Canada heeft zich bereid verklaard, Oekraïne acht Leopard-tanks te leveren.", ("CAN", "UKR", "Leopard")),
    ("de", "Schweden hat sich verpflichtet, Kiew zehn Archer-Haubitzen zu überlassen.", ("SWE", "UKR", "Archer")),
])
def test_a_zu_or_te_infinitive_has_the_matrix_subject_as_supplier(lang: str, text: str,
                                                                  expected: tuple[str, str, str]) -> None:
    c = one(text, lang)
    assert (c["supplier"], c["recipient"], c["item"], c["stage"]) == (*expected, "planned")


@pytest.mark.parametrize("text", [
    "Die Regierung hat der Ukraine zwei Patriot-Systeme geliefert. Außerdem liefere Deutschland im Juni drei Gepard.",
    "Die Regierung hat der Ukraine zwei Patriot-Systeme geliefert. Im Juni überlasse Deutschland ihr drei Gepard.",
])
def test_a_konjunktiv_verb_before_its_subject_is_finite(text: str) -> None:
    # German only: the Konjunktiv I of reported speech ('liefere') is the finite verb of a verb-second clause, so the
    # name behind it is the subject, not a dative recipient
    assert ("DEU", "UKR", "Gepard") in pairs("de", text)


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Румыния получит английские танки Challenger 2."),
    ("uk", "Румунія отримає англійські танки Challenger 2."),
])
def test_english_as_a_demonym_of_britain(code: str, text: str) -> None:
    # Russian and Ukrainian write "English" for British goods; the language's forms ("на английском") are left out
    assert pairs(code, text) == {("GBR", "ROU", "Challenger 2")}


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Министр сказал на английском, что Румыния получит танки Challenger 2."),
    ("uk", "Міністр англійською мовою заявив, що Румунія отримає танки Challenger 2."),
])
def test_the_english_language_names_no_party(code: str, text: str) -> None:
    assert not any(s == "GBR" for s, _r, _i in pairs(code, text))


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Lithuania delivered mortars from Germany to Ukraine."),
    ("de", "Litauen liefert der Ukraine Mörser aus Deutschland."),
    ("de", "Litauen hat der Ukraine Mörser aus Deutschland geliefert."),
    ("es", "Lituania entregó a Ucrania morteros procedentes de Alemania."),
    ("it", "La Lituania ha consegnato all'Ucraina mortai provenienti dalla Germania."),
])
def test_the_subject_of_a_give_verb_supplies_what_comes_from_elsewhere(code: str, text: str) -> None:
    # where the goods come from is no supplier of this delivery, and the one who delivers is no recipient
    assert pairs(code, text) == {("LTU", "UKR", "mortars")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Ukraine uses missiles supplied by France."),
    ("de", "Die Ukraine nutzt von Frankreich gelieferte Raketen."),
])
def test_a_participle_after_another_verb_still_has_its_own_agent(code: str, text: str) -> None:
    assert pairs(code, text) == {("FRA", "UKR", "missiles")}


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Im September erhielt die brasilianische Armee 20 Leopard-Panzer aus Deutschland."),
    ("de", "Zudem bekam die brasilianische Luftwaffe 20 Leopard-Panzer aus Deutschland."),
    ("nl", "In september ontving de Braziliaanse landmacht 20 Leopard-tanks uit Duitsland."),
])
def test_an_institution_behind_a_verb_second_receive_verb_is_its_subject(code: str, text: str) -> None:
    assert pairs(code, text) == {("DEU", "BRA", "Leopard")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("de", "Panzer hat Washington an Taiwan verkauft.", {("USA", "TWN", "tanks")}),
    ("de", "Zehn Leopard-Panzer hat Deutschland an die Ukraine geliefert.", {("DEU", "UKR", "Leopard")}),
    ("de", "Drei Fregatten hat Ägypten bei Deutschland bestellt.", {("DEU", "EGY", "frigates")}),
    ("nl", "Tanks heeft Washington aan Taiwan verkocht.", {("USA", "TWN", "tanks")}),
    ("en", "Tanks, Washington sold to Taiwan.", {("USA", "TWN", "tanks")}),
])
def test_goods_opening_an_active_clause_are_its_object_and_the_name_after_the_verb_its_subject(
        code: str, text: str, expected: set[object]) -> None:
    assert pairs(code, text) == expected


@pytest.mark.parametrize(("code", "text", "expected"), [
    # in a passive the goods are the subject: the bare name after the verb stays the dative recipient
    ("de", "Panzer wurden der Ukraine von Polen geliefert.", {("POL", "UKR", "tanks")}),
    # a noun phrase of people or institutions opening the clause is its subject
    ("de", "Die Bundesregierung hat Israel Waffen geliefert.", {("DEU", "ISR", "weapons")}),
])
def test_an_opening_subject_or_a_passive_keeps_the_name_after_the_verb_a_recipient(
        code: str, text: str, expected: set[object]) -> None:
    assert pairs(code, text) == expected


@pytest.mark.parametrize(("code", "text", "expected"), [
    # a country whose name starts like an item word opens the clause as its subject
    ("de", "Schweden wird Kiew in den kommenden Wochen Schützenpanzer vom Typ CV90 liefern.", {("SWE", "UKR", "CV90")}),
])
def test_a_country_in_the_prefield_is_no_goods(code: str, text: str, expected: set[object]) -> None:
    assert pairs(code, text) == expected
