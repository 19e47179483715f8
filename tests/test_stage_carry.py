"""SCHEMA keeps the furthest stage the text asserts for an item: a designation standing in for a generic the
text says was ordered was ordered, even where its own sentence only says it will be delivered."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def stages(code: str, text: str) -> set[tuple[str | None, str | None, str, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item, c.stage.value) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Norway ordered 54 howitzers from South Korea. The first K9 howitzers will be delivered to Norway next "
           "year."),
    ("fr", "La Norvège a commandé 54 obusiers à la Corée du Sud. Les premiers obusiers K9 seront livrés à la "
           "Norvège l'an prochain."),
    ("de", "Norwegen hat bei Südkorea 54 Haubitzen bestellt. Die ersten Haubitzen K9 sollen nächstes Jahr an "
           "Norwegen geliefert werden."),
])
def test_an_ordered_generic_makes_its_designation_ordered(code: str, text: str) -> None:
    assert stages(code, text) == {("KOR", "NOR", "K9 Thunder", "ordered")}


def test_a_delivered_generic_does_not_make_a_designation_delivered() -> None:
    text = "Germany has delivered tanks to Ukraine. Germany will also deliver Leopard 2 tanks to Ukraine next year."
    assert ("DEU", "UKR", "Leopard 2", "planned") in stages("en", text)


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Des obusiers K9 seront livrés par la Corée du Sud à la Norvège."),
    ("ru", "Гаубицы K9 будут поставлены Южной Кореей Норвегии."),
    ("de", "Die Haubitzen K9 werden von Südkorea an Norwegen geliefert werden."),
])
def test_a_future_passive_is_planned(code: str, text: str) -> None:
    assert stages(code, text) == {("KOR", "NOR", "K9 Thunder", "planned")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Sweden has bought 20 howitzers for Ukraine."),
    ("nl", "Zweden koopt twintig houwitsers voor Oekraïne."),
    ("es", "Suecia compra 20 obuses para Ucrania."),
    ("de", "Schweden kauft 20 Haubitzen für die Ukraine."),
])
def test_what_a_state_buys_for_another_is_planned_for_it(code: str, text: str) -> None:
    """The purchase is the buyer's order; its handing on to the state it is bought for is still to come."""
    assert stages(code, text) == {("SWE", "UKR", "howitzers", "planned")}


def test_a_purchase_for_itself_stays_ordered() -> None:
    assert stages("en", "Sweden has bought 20 howitzers from South Korea.") == {("KOR", "SWE", "howitzers", "ordered")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Russia provided North Korea with technology as well as tanks and aircraft."),
    ("fr", "La Russie a fourni à la Corée du Nord des technologies ainsi que des chars et des avions."),
    ("de", "Russland hat Nordkorea Technologie sowie Panzer und Flugzeuge geliefert."),
    ("ru", "Россия передала КНДР технологии, а также танки и самолёты."),
])
def test_what_is_listed_beside_know_how_keeps_the_trigger_stage(code: str, text: str) -> None:
    found = {(item, stage) for _s, _r, item, stage in stages(code, text)}
    assert ("technology", "technology_transfer") in found
    assert ("tanks", "delivered") in found


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Iran gave Russia the technology to produce drones."),
    ("de", "Iran hat Russland Technologie für die Produktion von Drohnen geliefert."),
])
def test_what_the_know_how_is_of_stays_a_technology_transfer(code: str, text: str) -> None:
    assert {stage for *_x, stage in stages(code, text)} == {"technology_transfer"}


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Im Rahmen eines neuen Hilfspakets erhält die Ukraine von Deutschland 40 Marder-Schützenpanzer."),
    ("en", "As part of a new aid package, Ukraine has received 40 Marder vehicles from Germany."),
    ("fr", "Dans le cadre d'un nouveau paquet d'aide, l'Ukraine a reçu 40 Marder de l'Allemagne."),
])
def test_the_package_a_delivery_comes_under_lends_it_no_stage(code: str, text: str) -> None:
    # the framework phrase's own head noun ("Hilfspaket", "aid package") is part of the phrase, not a plan
    assert stages(code, text) == {("DEU", "UKR", "Marder", "delivered")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The Pentagon announced it had delivered 20 Stryker vehicles to Ukraine."),
    ("fr", "Le Pentagone a annoncé avoir livré 20 véhicules Stryker à l'Ukraine."),
    ("es", "El Pentágono anunció que había entregado 20 vehículos Stryker a Ucrania."),
    ("it", "Il Pentagono ha annunciato di aver consegnato 20 veicoli Stryker all'Ucraina."),
    ("ru", "Пентагон объявил, что передал Украине 20 бронемашин Stryker."),
])
def test_an_announced_clause_keeps_its_own_tense(code: str, text: str) -> None:
    """Announcing a delivery makes it planned; announcing that one took place reports a past delivery."""
    assert stages(code, text) == {("USA", "UKR", "Stryker", "delivered")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The Pentagon announced the delivery of 20 Stryker vehicles to Ukraine."),
    ("es", "El Pentágono anunció el envío de 20 vehículos Stryker a Ucrania."),
    ("it", "Il Pentagono ha annunciato la consegna di 20 veicoli Stryker all'Ucraina."),
])
def test_an_announced_delivery_is_planned(code: str, text: str) -> None:
    assert stages(code, text) == {("USA", "UKR", "Stryker", "planned")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("de", "Schweden hat der Ukraine CV90-Schützenpanzer geliefert und plant weitere Lieferungen.",
     {("SWE", "UKR", "CV90", "delivered")}),
    ("nl", "Zweden heeft Oekraïne CV90-pantservoertuigen geleverd en plant verdere leveringen.",
     {("SWE", "UKR", "CV90", "delivered")}),
    ("de", "Deutschland hat mit Israel die Lieferung von Arrow-3-Systemen vereinbart.",
     {("ISR", "DEU", "Arrow 3", "agreed")}),
])
def test_a_verb_final_clause_ends_at_its_verb(code: str, text: str, expected: set[tuple[str, str, str, str]]) -> None:
    """The stage verb closing a clause governs a delivery noun before it ('die Lieferung … vereinbart'); a clause
    that a delivery verb closes is over, and a plan in the clause coordinated after it is another event."""
    assert stages(code, text) == expected


@pytest.mark.parametrize(("code", "text", "pair"), [
    ("en", "The delivery of 20 F-16 jets from the United States to Iraq will take place next year.", ("USA", "IRQ")),
    ("es", "La entrega de los cazas F-16 de Dinamarca a Argentina está prevista para el próximo año.", ("DNK", "ARG")),
    ("fr", "La livraison des Rafale de la France à l'Inde aura lieu l'an prochain.", ("FRA", "IND")),
    ("ru", "Поставка С-400 из России в Индию ожидается в 2027 году.", ("RUS", "IND")),
    ("uk", "Постачання F-16 з Данії в Україну очікується наступного року.", ("DNK", "UKR")),
    ("pl", "Dostawa F-16 z Danii na Ukrainę planowana jest na przyszły rok.", ("DNK", "UKR")),
])
def test_a_delivery_noun_whose_predicate_lies_ahead_is_planned(code: str, text: str, pair: tuple[str, str]) -> None:
    assert {(s, r, st) for s, r, _, st in stages(code, text)} == {(*pair, "planned")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Deliveries of K9 howitzers from South Korea to Poland began in March."),
    ("uk", "Як плату за постачання в Росію іранських дронів Shahed-136 Тегеран отримає від Москви винищувачі Су-35."),
])
def test_a_delivery_noun_in_a_past_clause_or_a_phrase_of_another_verb_is_not_planned(code: str, text: str) -> None:
    """'as payment for the supply of drones, Tehran will receive …': the future is the main verb's, not the supply's."""
    got = stages(code, text)
    assert got and all(st == "delivered" for s, _, _, st in got if s in ("KOR", "IRN"))


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Brazil could order 36 more Gripen jets from Sweden next year."),
    ("fr", "Le Brésil pourrait commander 36 Gripen supplémentaires à la Suède."),
    ("de", "Brasilien könnte bei Schweden 36 weitere Gripen bestellen."),
    ("nl", "Brazilië kan bij Zweden nog 36 Gripens bestellen."),
    ("es", "Brasil podría encargar a Suecia 36 Gripen más."),
    ("ru", "Бразилия может заказать у Швеции еще 36 Gripen."),
])
def test_a_possible_order_lies_ahead(code: str, text: str) -> None:
    assert {(s, r, st) for s, r, _, st in stages(code, text)} == {("SWE", "BRA", "planned")}


@pytest.mark.parametrize(("code", "text", "stage"), [
    ("en", "Iran may have supplied ballistic missiles to Russia.", "delivered"),
    ("fr", "L'Iran pourrait avoir livré des missiles balistiques à la Russie.", "delivered"),
    ("de", "Der Iran könnte Russland ballistische Raketen geliefert haben.", "delivered"),
    ("en", "\"I can confirm the delivery of Su-35 fighters from Russia to Iran,\" the minister said.", "delivered"),
])
def test_a_modal_of_a_past_event_or_of_another_verb_sets_no_plan(code: str, text: str, stage: str) -> None:
    assert {st for _, _, _, st in stages(code, text)} == {stage}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("de", "Das Münchner Unternehmen Krauss-Maffei Wegmann wird 62 Leopard-2-Panzer an Katar liefern.",
     {("DEU", "QAT", "Leopard 2", "ordered")}),
    ("en", "Rheinmetall will deliver 50 Lynx vehicles to Hungary next year.", {("DEU", "HUN", "Lynx KF41", "ordered")}),
    ("it", "Leonardo consegnerà al Qatar 16 elicotteri NH90.", {("ITA", "QAT", "NH90", "ordered")}),
    ("en", "Germany will deliver 50 Lynx vehicles to Hungary next year.", {("DEU", "HUN", "Lynx KF41", "planned")}),
])
def test_a_maker_delivering_later_executes_an_order(code: str, text: str,
                                                    expected: set[tuple[str, str, str, str]]) -> None:
    """A state that will deliver promises; an arms maker that will deliver fulfils a contract: ordered."""
    assert stages(code, text) == expected
