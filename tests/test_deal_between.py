"""A deal between two states ('a deal between Moscow and Tehran on …'): those two are its sides, whoever reports on
it or holds information about it is none."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "British officials know of a deal between Minsk and Moscow on the supply of Russian Iskander missiles."),
    ("ru", "Британские власти знают о сделке между Минском и Москвой на поставки российских ракет Искандер."),
    ("it", "Le autorità britanniche sanno di un accordo tra Minsk e Mosca per la fornitura di missili russi Iskander."),
    ("es", "Las autoridades británicas saben de un acuerdo entre Minsk y Moscú para el suministro de misiles rusos "
           "Iskander."),
])
def test_the_deal_is_between_the_two_it_names(code: str, text: str) -> None:
    assert pairs(code, text) == {("RUS", "BLR", "9K720 Iskander")}


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Les autorités britanniques disposent d'informations sur un accord entre Minsk et Moscou portant sur la "
           "livraison de missiles russes Iskander."),
    ("de", "Ein Vertrag zwischen Frankreich und Indien über 26 Rafale Marine wurde in London unterzeichnet."),
])
def test_who_knows_of_the_deal_is_no_side(code: str, text: str) -> None:
    assert not any("GBR" in (s, r) for s, r, _ in pairs(code, text))


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Минск и Москва заключили сделку на поставку ракет. Ранее сообщалось, что Белоруссия передала России "
           "ракеты. Россия может предоставлять Белоруссии истребители Су-30."),
    ("en", "Minsk and Moscow signed a deal on the supply of missiles. Belarus earlier handed missiles to Russia. "
           "Russia could provide Belarus with Su-30 jets."),
    ("de", "Minsk und Moskau haben ein Abkommen über die Lieferung von Raketen geschlossen. Belarus hat Russland "
           "bereits Raketen übergeben. Russland könnte Belarus Su-30 liefern."),
])
def test_a_recipient_filled_in_never_reverses_a_stated_transfer(code: str, text: str) -> None:
    got = pairs(code, text)
    assert ("BLR", "RUS", "missiles") in got
    assert ("RUS", "BLR", "missiles") not in got


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "The agreement provides for a transfer of technology from South Korea to Poland.", ("KOR", "POL")),
    ("en", "The contract includes a large technology transfer from Sweden to Brazil.", ("SWE", "BRA")),
    ("de", "Das Abkommen sieht Technologietransfers von Südkorea an Polen vor.", ("KOR", "POL")),
    ("it", "Il contratto prevede un trasferimento di tecnologia dalla Svezia al Brasile.", ("SWE", "BRA")),
    ("pl", "Umowa przewiduje transfer technologii ze Szwecji do Brazylii.", ("SWE", "BRA")),
    ("ru", "Контракт предусматривает передачу технологий из Швеции в Бразилию.", ("SWE", "BRA")),
])
def test_a_deal_from_one_state_to_another_has_that_direction(code: str, text: str,
                                                            expected: tuple[str, str]) -> None:
    assert pairs(code, text) == {(*expected, "technology")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Russia and India signed a licence for the production of Su-30 jets."),
    ("en", "The contract between Moscow and New Delhi covers the licensed production of Su-30 jets."),
])
def test_a_deal_without_a_written_direction_keeps_the_makers(code: str, text: str) -> None:
    assert pairs(code, text) == {("RUS", "IND", "Su-30")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Russia is delivering weapons to Uganda and Angola. Russia and Niger signed a contract for the supply of "
           "12 Mi-35 helicopters."),
    ("ru", "Сейчас Россия выполняет контракты на поставку вооружений Уганде и Анголе. Россия и Нигер подписали "
           "контракт на поставку 12 вертолетов Ми-35."),
    ("uk", "Зараз Росія виконує контракти на постачання озброєнь Уганді та Анголі. Росія та Нігер підписали "
           "контракт на постачання 12 гелікоптерів Мі-35."),
    ("fr", "La Russie livre des armes à l'Ouganda et à l'Angola. La Russie et le Niger ont signé un contrat pour la "
           "fourniture de 12 hélicoptères Mi-35."),
])
def test_two_signatories_take_no_recipient_from_the_sentence_before(code: str, text: str) -> None:
    # the two sides of the signed contract are its parties; the earlier sentence's recipients are not
    assert {t for t in pairs(code, text) if t[2] != "weapons"} == {("RUS", "NER", "Mi-35")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Ukraine has reached an agreement on the supply of 150 Swedish Gripen jets."),
    ("uk", "Україна домовилася про постачання 150 шведських літаків Gripen."),
    ("ru", "Украина договорилась о поставке 150 шведских истребителей Gripen."),
    ("de", "Die Ukraine hat sich auf die Lieferung von 150 schwedischen Gripen geeinigt."),
    ("es", "Ucrania acordó el suministro de 150 cazas suecos Gripen."),
])
def test_who_agrees_on_a_supply_of_another_states_goods_receives_them(code: str, text: str) -> None:
    assert pairs(code, text) == {("SWE", "UKR", "Gripen")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    # a verb, not a supply noun: the subject supplies what it agreed to supply
    ("en", "Germany has agreed to deliver Swiss Gepard ammunition to Ukraine.", {("DEU", "UKR", "Gepard")}),
    # no goods of another state: nobody to supply them
    ("uk", "Україна домовилася про постачання 150 літаків Gripen.", set()),
])
def test_a_supply_verb_or_goods_of_no_named_state_keep_their_roles(code: str, text: str,
                                                                   expected: set[object]) -> None:
    assert pairs(code, text) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Власти США указывают, что покупка снарядов у КНДР продолжается."),
    ("uk", "Влада США вказує, що закупівля снарядів у КНДР триває."),
    ("en", "US officials say that the purchase of shells from North Korea continues."),
    ("fr", "Les autorités américaines affirment que l'achat d'obus à la Corée du Nord se poursuit."),
])
def test_who_reports_on_a_purchase_named_by_a_noun_is_not_its_buyer(code: str, text: str) -> None:
    assert ("PRK", "USA") not in {(s, r) for s, r, _ in pairs(code, text)}


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Китай отрицает, что поставлял беспилотники России."),
    ("uk", "Китай заперечує, що постачав безпілотники росії."),
    ("es", "China negó que hubiera entregado drones a Rusia."),
])
def test_a_verb_with_no_subject_of_its_own_takes_the_speakers(code: str, text: str) -> None:
    assert ("CHN", "RUS") in {(s, r) for s, r, _ in pairs(code, text)}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Germany allowed Poland to send Leopard tanks to Ukraine."),
    ("de", "Deutschland erlaubt Polen, Leopard-Panzer an die Ukraine zu liefern."),
    ("es", "Alemania autorizó a Polonia a enviar tanques Leopard a Ucrania."),
    ("es", "Alemania permitió a Polonia enviar tanques Leopard a Ucrania."),
    ("it", "La Germania ha autorizzato la Polonia a inviare carri Leopard all'Ucraina."),
    ("fr", "Berlin a autorisé la Pologne à livrer des chars Leopard à l'Ukraine."),
])
def test_the_one_allowed_to_hand_goods_on_supplies_them(code: str, text: str) -> None:
    assert {(s, r) for s, r, _ in pairs(code, text)} == {("POL", "UKR")}
