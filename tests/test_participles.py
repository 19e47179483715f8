"""A participle describing an item ('the tanks promised by Canada', 'die bei Südkorea bestellten K9') tells the
item's history; the clause's own verb transfers it, and the participle lends the roles that verb leaves open."""

from __future__ import annotations

import pytest

from extraction_helpers import claims, triples


def found(text: str, code: str) -> set[tuple[str | None, str | None, str, str]]:
    return {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, code)}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Ukraine has received the 18 Leopard tanks promised by Canada."),
    ("fr", "L'Ukraine a reçu les 18 chars Leopard promis par le Canada."),
    ("de", "Die Ukraine hat die von Kanada zugesagten 18 Leopard-Panzer erhalten."),
    ("ru", "Украина получила обещанные Канадой 18 танков Leopard."),
])
def test_a_promised_item_that_was_received_is_delivered(code: str, text: str) -> None:
    assert found(text, code) == {("CAN", "UKR", "Leopard", "delivered")}


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Polen hat die ersten 24 von 96 bei Südkorea bestellten K9-Haubitzen erhalten."),
    ("ru", "Польша получила первые 24 из 96 заказанных у Южной Кореи гаубиц K9."),
    ("uk", "Польща отримала перші 24 з 96 замовлених у Південної Кореї гаубиць K9."),
    ("it", "La Polonia ha ricevuto i primi 24 dei 96 obici K9 ordinati alla Corea del Sud."),
])
def test_an_ordered_item_that_was_received_is_delivered(code: str, text: str) -> None:
    assert found(text, code) == {("KOR", "POL", "K9 Thunder", "delivered")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The US Army said it had transferred to Ukraine rifles and ammunition originally sent by Iran to the "
           "rebels."),
    ("fr", "L'armée américaine a transféré à l'Ukraine des fusils et des munitions initialement envoyés par l'Iran "
           "aux rebelles."),
])
def test_who_first_sent_an_item_is_not_who_hands_it_on(code: str, text: str) -> None:
    got = found(text, code)
    assert {(s, r) for s, r, _, _ in got} == {("USA", "UKR")}
    assert ("USA", "UKR", "rifles", "delivered") in got


@pytest.mark.parametrize(("code", "text"), [
    ("es", "Argentina opta por adquirir aviones F-16 en lugar de los JF-17 ofrecidos por China."),
    ("en", "Argentina chose to buy F-16 jets instead of the JF-17 offered by China."),
])
def test_an_item_beside_the_verbs_own_object_keeps_its_participle(code: str, text: str) -> None:
    """The verb's object is another item: the one the participle describes stays the participle's."""
    assert ("CHN", "ARG", "JF-17", "offered") in found(text, code)
    assert not any(i == "JF-17" and st != "offered" for _, _, i, st in found(text, code))


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Los seis F-16 comprados a Dinamarca llegaron a Argentina este viernes."),
    ("es", "Los cazas F-16 adquiridos por Argentina a Dinamarca llegaron a Buenos Aires."),
    ("it", "I caccia F-16 acquistati dalla Danimarca sono arrivati in Argentina."),
    ("fr", "Les six F-16 achetés au Danemark sont arrivés en Argentine."),
])
def test_goods_bought_then_arriving_were_delivered(lang: str, text: str) -> None:
    # the participle tells the goods' history and lends the seller; the subject's own verb says they arrived
    assert {(c["supplier"], c["recipient"], c["item"], c["stage"]) for c in claims(text, lang)} == {
        ("DNK", "ARG", "F-16", "delivered")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Rafale jets ordered by Serbia from France were delivered last year."),
    ("fr", "Les Rafale commandés par la Serbie à la France ont été livrés l’an dernier."),
    ("es", "Los Rafale encargados por Serbia a Francia fueron entregados el año pasado."),
])
def test_the_parties_of_a_participle_after_the_item_are_not_the_later_verbs_agent(lang: str, text: str) -> None:
    # the buyer after 'ordered by' is no supplier of the delivery: FRA->SRB, never SRB->FRA
    assert triples(text, lang) == {("FRA", "SRB", "Rafale")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The 20 Rafale jets already ordered from France will arrive in India next year."),
    ("fr", "Les 20 Rafale déjà commandés à la France arriveront en Inde l'an prochain."),
    ("it", "I 20 Rafale già ordinati alla Francia arriveranno in India il prossimo anno."),
    ("es", "Los 20 Rafale ya encargados a Francia llegarán a la India el próximo año."),
])
def test_an_item_ordered_before_its_planned_arrival_is_ordered(code: str, text: str) -> None:
    # the participle reports a step already done: the claim keeps the furthest stage the text asserts
    assert found(text, code) == {("FRA", "IND", "Rafale", "ordered")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The tanks, promised to Romania by Germany in May, arrived on Monday."),
    ("it", "I carri armati, promessi alla Romania dalla Germania a maggio, sono arrivati lunedì."),
    ("es", "Los tanques, prometidos a Rumanía por Alemania en mayo, llegaron el lunes."),
])
def test_a_promise_adds_nothing_to_an_arrival(code: str, text: str) -> None:
    assert {c[3] for c in found(text, code)} == {"delivered"}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "India received the Rafale jets ordered from France."),
    ("fr", "L'Inde a reçu les Rafale commandés à la France."),
    ("es", "La India recibió los Rafale encargados a Francia."),
])
def test_a_later_step_than_the_order_wins(code: str, text: str) -> None:
    assert found(text, code) == {("FRA", "IND", "Rafale", "delivered")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "The Leopard tanks delivered by Germany to Poland will be sent to Ukraine."),
    ("fr", "Les chars Leopard livrés par l'Allemagne à la Pologne seront envoyés en Ukraine."),
    ("es", "Los tanques Leopard entregados por Alemania a Polonia serán enviados a Ucrania."),
])
def test_a_step_between_other_parties_lends_no_stage(code: str, text: str) -> None:
    assert "delivered" not in {c[3] for c in found(text, code) if c[1] == "UKR"}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Twenty howitzers from Germany were delivered to Ukraine."),
    ("es", "Obuses procedentes de Alemania fueron entregados a Ucrania."),
    ("de", "An die Ukraine wurden 20 Haubitzen aus Deutschland geliefert."),
    ("nl", "Houwitsers uit Duitsland zijn aan Oekraïne geleverd."),
])
def test_the_source_of_goods_delivered_in_a_passive_supplies_them(code: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, code)} == {("DEU", "UKR")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Drones from Iran were used by Russia."),
    ("en", "Weapons from Iran were seized by the US Navy."),
])
def test_a_source_phrase_before_no_transfer_verb_gives_nothing(code: str, text: str) -> None:
    assert claims(text, code) == []


@pytest.mark.parametrize(("code", "text", "pair"), [
    ("en", "Ukraine struck Russia with ATACMS missiles supplied by the United States.", ("USA", "UKR")),
    ("fr", "L'Ukraine a frappé la Russie avec des missiles ATACMS fournis par les États-Unis.", ("USA", "UKR")),
    ("es", "Rusia atacó Ucrania con drones suministrados por Irán.", ("IRN", "RUS")),
    ("en", "Russia attacked Ukraine with drones supplied by Iran.", ("IRN", "RUS")),
])
def test_goods_supplied_by_a_state_go_to_who_uses_them_not_to_its_target(code: str, text: str,
                                                                          pair: tuple[str, str]) -> None:
    assert {(c["supplier"], c["recipient"]) for c in claims(text, code)} == {pair}
