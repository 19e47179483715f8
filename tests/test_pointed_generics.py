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

