"""Designations as the text names them: a variant of a KB entry keeps its variant code, a known designation
with a code written into the same word is that variant, an unknown code beside a generic noun is a
designation of the noun's kind, and a name on a noun of another platform kind is not the KB's entry."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.extract.mentions import variant_name
from armstrack.model import Document


def claims(code: str, text: str) -> set[tuple[str | None, str | None, str, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item, c.category) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("name", "alias", "expected"), [
    ("M88 Hercules", "M88A2 Hercules", "M88A2 Hercules"),  # a code grown onto a word of the name
    ("JAS 39E/F Gripen", "Gripen E", "Gripen E"),  # a shared word plus a code
    ("CV90", "CV90 MkIV", "CV90 MkIV"),
    ("K9 Thunder", "K9A1", "K9A1"),
    ("K9 Thunder", "K9 howitzer", None),  # another word: a description, no variant
    ("K9 Thunder", "K9 Thunder SPH", None),
    ("Shahed-136", "Geran-2", None),  # a nickname shares nothing
    ("Leopard 2", "Леопард 2", None),  # not in Latin script
    ("Leopard 2", "Leopard 2", None),
    ("F-16 Block 70/72", "F-16 Block 70", "F-16 Block 70"),  # one of the name's slashed alternatives
    ("F-16 Block 70/72", "F-16V Block 72", "F-16V Block 72"),
    ("JAS 39E/F Gripen", "JAS 39F", "JAS 39F"),
    ("F-16 Block 70/72", "F-16 Viper", None),
])
def test_variant_name(name: str, alias: str, expected: str | None) -> None:
    assert variant_name(name, alias) == expected


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "Slovakia ordered 14 F-16 Block 70 jets from the United States.",
     ("USA", "SVK", "F-16 Block 70", "aircraft")),
    ("es", "Eslovaquia compró a Estados Unidos 14 cazas F-16 Block 70.", ("USA", "SVK", "F-16 Block 70", "aircraft")),
    ("fr", "Les États-Unis ont proposé au Pérou le Lockheed Martin F-16V Block 70.", ("USA", "PER", "F-16V Block 70",
                                                                                    "aircraft")),
])
def test_one_alternative_of_a_slashed_name_is_the_variant_named(code: str, text: str,
                                                                expected: tuple[str, str, str, str]) -> None:
    assert expected in claims(code, text)


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "Hungary will buy 30 CV90 MkIV infantry fighting vehicles from Sweden.",
     ("SWE", "HUN", "CV90 MkIV", "armoured_vehicle")),
    ("fr", "La Roumanie a commandé à la Corée du Sud 18 obusiers K9A1.", ("KOR", "ROU", "K9A1", "artillery")),
    ("de", "Die USA haben Polen zwölf Bergepanzer M88A2 Hercules geliefert.", ("USA", "POL", "M88A2 Hercules",
                                                                        "armoured_vehicle")),
])
def test_the_variant_the_text_names_is_the_item(code: str, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in claims(code, text)


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "Estonia ordered twelve K9EST howitzers from South Korea.", ("KOR", "EST", "K9EST", "artillery")),
    ("es", "Egipto recibió de Corea del Sur los primeros obuses K9EGY.", ("KOR", "EGY", "K9EGY", "artillery")),
    ("pl", "Polska zamówiła w Korei Południowej kolejne haubice K9PL.", ("KOR", "POL", "K9PL", "artillery")),
])
def test_a_code_written_into_a_known_designation_is_its_variant(code: str, text: str,
                                                                 expected: tuple[str, str, str, str]) -> None:
    assert expected in claims(code, text)


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("it", "La Cina ha consegnato al Mali venti veicoli blindati QXT77.", ("CHN", "MLI", "QXT77",
                                                                          "armoured_vehicle")),
    ("en", "China delivered 20 QXT77 armoured vehicles to Mali.", ("CHN", "MLI", "QXT77", "armoured_vehicle")),
    ("fr", "La Chine a livré au Mali vingt véhicules blindés QXT77.", ("CHN", "MLI", "QXT77", "armoured_vehicle")),
])
def test_an_unknown_code_beside_a_generic_noun_is_a_designation(code: str, text: str,
                                                                 expected: tuple[str, str, str, str]) -> None:
    found = claims(code, text)
    assert expected in found
    assert not any(item == "armoured vehicles" for _, _, item, _ in found)  # the noun is its head, no second claim


def test_a_code_beside_no_generic_noun_is_no_item() -> None:
    assert claims("en", "China delivered armoured vehicles to Mali under the QXT77 programme.") == {
        ("CHN", "MLI", "armoured vehicles", "armoured_vehicle")}


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "La Grèce a commandé deux frégates Tiger à la France."),
    ("de", "Griechenland bestellt bei Frankreich zwei Fregatten vom Typ Tiger."),
    ("en", "Greece ordered two Tiger frigates from France."),
])
def test_a_name_on_a_noun_of_another_platform_is_not_the_kb_entry(code: str, text: str) -> None:
    found = claims(code, text)
    assert ("FRA", "GRC", "Tiger", "ship") in found
    assert not any(cat == "helicopter" for *_, cat in found)


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Chile signed a contract with Sweden's Saab to buy 12 Gripen fighters."),
    ("es", "El Gobierno de Chile ha firmado un contrato con la empresa sueca Saab para adquirir 12 cazas Gripen."),
    ("fr", "Le Chili a signé un contrat avec le suédois Saab pour acheter 12 avions Gripen."),
    ("de", "Chile hat mit dem schwedischen Konzern Saab einen Vertrag über den Kauf von 12 Gripen-Kampfjets "
           "unterzeichnet."),
    ("it", "Il governo del Cile ha firmato un contratto con la svedese Saab per acquistare 12 caccia Gripen."),
    ("es", "Chile ha firmado un contrato con la compañía de defensa sueca Saab para adquirir 12 cazas Gripen."),
    ("fr", "Le Chili a signé un contrat avec l'entreprise de défense suédoise Saab pour acheter 12 avions Gripen."),
    ("it", "Il Cile ha firmato un contratto con la società di difesa svedese Saab per acquistare 12 caccia Gripen."),
])
def test_a_company_and_its_nationality_are_one_party(code: str, text: str) -> None:
    """The seller named with its nationality is one party, marked as a whole by the 'with' before it."""
    assert claims(code, text) == {("SWE", "CHL", "Gripen", "aircraft")}



@pytest.mark.parametrize(("code", "text", "item"), [
    ("en", "Germany delivered 14 Leopard 2A6 tanks to Ukraine. The Leopard tanks arrived in March.", "Leopard 2A6"),
    ("de", "Deutschland hat der Ukraine 14 Leopard 2A6 geliefert. Die Leopard-Panzer kamen im März an.",
     "Leopard 2A6"),
    ("fr", "La France a vendu 30 Mirage 2000-5 à Taïwan. Les Mirage ont été livrés en 1997.", "Mirage 2000-5"),
])
def test_a_family_name_beside_its_one_named_variant_is_that_variant(code: str, text: str, item: str) -> None:
    """SCHEMA names a claim by its designation: 'the Leopard tanks' after 'Leopard 2A6' are the 2A6."""
    assert {i for _, _, i, _ in claims(code, text)} == {item}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Germany delivered Leopard 2A4 and Leopard 2A6 tanks to Ukraine. The Leopard tanks arrived in March."),
    ("de", "Deutschland hat der Ukraine Leopard 2A4 und Leopard 2A6 geliefert. Die Leopard-Panzer kamen im März an."),
    ("es", "Alemania entregó a Ucrania tanques Leopard 2A4 y Leopard 2A6. Los Leopard llegaron en marzo."),
])
def test_a_family_name_beside_two_variants_is_those_variants(code: str, text: str) -> None:
    """One claim per designation (SCHEMA): the family names nothing more than its variants."""
    assert {i for _, _, i, _ in claims(code, text)} == {"Leopard 2A4", "Leopard 2A6"}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Poland ordered M1A2 Abrams tanks and M1110 trucks from the United States."),
    ("pl", "Polska zamówiła w USA czołgi M1A2 Abrams oraz pojazdy M1110."),
    ("de", "Polen hat in den USA Panzer M1A2 Abrams und Lastwagen M1110 bestellt."),
])
def test_a_number_continuing_a_designation_is_no_variant_of_it(code: str, text: str) -> None:
    """'M1110' is another model number, not a variant of the M1 Abrams."""
    assert all(i != "M1110" for _, _, i, _ in claims(code, text))


@pytest.mark.parametrize(("code", "text"), [
    ("es", "Colombia comprará a Suecia 15 Gripen E y dos Gripen F."),
    ("it", "La Colombia acquisterà dalla Svezia 15 Gripen E e due Gripen F."),
    ("nl", "Colombia koopt 15 Gripen E- en twee Gripen F-toestellen van Zweden."),
    ("en", "Colombia will buy 15 Gripen E and two Gripen F fighters from Sweden."),
])
def test_two_variants_of_one_entry_named_apart_are_two_designations(code: str, text: str) -> None:
    assert claims(code, text) == {("SWE", "COL", "Gripen E", "aircraft"), ("SWE", "COL", "Gripen F", "aircraft")}


@pytest.mark.parametrize(("code", "text", "item"), [
    ("es", "Corea del Sur vendió a Polonia obuses K9. Los primeros K9A1 llegaron en 2022.", "K9A1"),
    ("it", "La Svezia venderà alla Colombia caccia JAS 39E/F Gripen, a partire da due Gripen F.", "Gripen F"),
])
def test_the_entry_name_or_a_joint_form_beside_one_variant_is_that_variant(code: str, text: str, item: str) -> None:
    assert {c[2] for c in claims(code, text)} == {item}
