"""A generic noun behind a demonstrative ('estas aeronaves', 'these aircraft') points back to the system named
before, however many sentences back, and whoever supplies it now; made-up sentences in several languages."""

from __future__ import annotations

import pytest

from extraction_helpers import triples


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Ucrania ha recibido los primeros F-16. Zelenski dijo que no serán suficientes. El ejército quería más. "
           "Noruega y Dinamarca anunciaron nuevas entregas de estas aeronaves a Ucrania."),
    ("en", "Ukraine has received its first F-16s. Zelensky said they would not be enough. The army wanted more. "
           "Norway and Denmark announced new deliveries of these aircraft to Ukraine."),
    ("fr", "L'Ukraine a reçu ses premiers F-16. Zelensky a dit que ce ne serait pas assez. L'armée en voulait plus. "
           "La Norvège et le Danemark ont annoncé de nouvelles livraisons de ces avions à l'Ukraine."),
    ("de", "Die Ukraine hat die ersten F-16 erhalten. Selenskyj sagte, das reiche nicht. Die Armee wollte mehr. "
           "Norwegen und Dänemark kündigten weitere Lieferungen dieser Flugzeuge an die Ukraine an."),
    ("it", "L'Ucraina ha ricevuto i primi F-16. Zelensky ha detto che non bastano. L'esercito ne voleva di più. "
           "Norvegia e Danimarca hanno annunciato nuove consegne di questi aerei all'Ucraina."),
])
def test_demonstrative_generic_is_the_system_named_before(lang: str, text: str) -> None:
    assert {("NOR", "UKR", "F-16"), ("DNK", "UKR", "F-16")} <= triples(text, lang)


def test_bare_generic_far_from_the_system_stays_generic() -> None:
    text = ("Ukraine has received its first F-16s. Zelensky said they would not be enough. The army wanted more. "
            "Norway and Denmark announced new deliveries of aircraft to Ukraine.")
    assert ("NOR", "UKR", "F-16") not in triples(text, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La France vend le Rafale. Le Rafale est un avion de combat multirôle. Il est utilisé par la marine "
           "depuis 2004. Il dispose de 165 appareils. L'avion s'est vendu à trois pays : au Qatar (36 exemplaires), "
           "à l'Inde (36) et à l'Egypte (55)."),
    ("en", "France sells the Rafale. The Rafale is a multirole fighter. It is used by the navy. It has flown since "
           "2004. The aircraft has been sold to Qatar (36), India (36) and Egypt (55)."),
    ("es", "Francia vende el Rafale. El Rafale es un caza polivalente. Ella lo usa desde 2004. Ellos tienen 165 "
           "aparatos. El avión se ha vendido a Qatar (36), India (36) y Egipto (55)."),
])
def test_sentences_opening_on_a_pronoun_keep_the_topic_and_its_maker_sells(lang: str, text: str) -> None:
    """'Il est utilisé …' goes on about the Rafale: 'L'avion' two such sentences later is still the Rafale, and with
    no seller named, its maker's state (named in the text) sells it."""
    assert {("FRA", "QAT", "Rafale"), ("FRA", "IND", "Rafale"), ("FRA", "EGY", "Rafale")} <= triples(text, lang)


def test_a_deals_partner_gets_no_maker_for_a_generic_noun() -> None:
    """'el contrato con la empresa israelí … sus sistemas de misiles': one side of a deal is no buyer from the
    maker of a system named before."""
    text = ("Estados Unidos fabrica el misil Javelin. Aunque Defensa había firmado el contrato con la empresa israelí "
            "por sus sistemas de misiles, ahora ha cambiado su postura.")
    assert not any(r == "ISR" for _, r, _ in triples(text, "es"))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Turkey said talks were continuing with Qatar on procuring Eurofighter Typhoon fighters, after a deal it "
           "inked with Britain on Monday to buy 20 of the jets."),
    ("es", "Turquía negocia con Qatar la compra de cazas Eurofighter Typhoon, tras firmar el lunes con el Reino Unido "
           "la compra de 20 de los aviones."),
    ("fr", "La Turquie négocie avec le Qatar l'achat de chasseurs Eurofighter Typhoon, après avoir signé lundi avec le "
           "Royaume-Uni l'achat de 20 des avions."),
])
def test_a_count_of_the_named_set_is_that_system(lang: str, text: str) -> None:
    """'20 of the jets', '20 de los aviones', '20 des avions': a count out of the set the sentence has just named."""
    assert ("GBR", "TUR", "Eurofighter Typhoon") in triples(text, lang)


def test_a_generic_of_another_seller_in_the_same_sentence_stays_apart() -> None:
    """'250 of the tanks from the United States' after Korean K2s: another seller's tanks, no K2 of theirs."""
    text = "Poland bought 180 K2 tanks from South Korea and 250 of the tanks from the United States."
    assert ("USA", "POL", "K2 Black Panther") not in triples(text, "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "After talks on the Eurofighter Typhoon, Turkey signed a deal with Britain to buy 20 of the jets."),
    ("fr", "Après des discussions sur l’Eurofighter Typhoon, la Turquie a signé un accord avec la Grande-Bretagne "
           "pour acheter 20 de ces avions."),
    ("es", "Tras negociar el Eurofighter Typhoon, Turquía firmó un acuerdo con el Reino Unido para comprar 20 de los "
           "aviones."),
    ("it", "Dopo i colloqui sull’Eurofighter Typhoon, la Turchia ha firmato un accordo con il Regno Unito per "
           "acquistare 20 di questi aerei."),
])
def test_a_counted_share_points_back_inside_its_sentence(lang: str, text: str) -> None:
    assert triples(text, lang) == {("GBR", "TUR", "Eurofighter Typhoon")}

