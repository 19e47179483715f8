"""A party naming what a state is a member of ('the first NATO country to order', 'il primo Paese della Nato ad
acquisire', 'het eerste NAVO-land') is no party to the transfer; the member is."""

from __future__ import annotations

import pytest

from extraction_helpers import triples


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Poland is the first NATO country to order Turkish drones."),
    ("es", "Polonia es el primer país de la OTAN en comprar drones turcos."),
    ("it", "La Polonia è il primo Paese della Nato ad ordinare droni turchi."),
    ("nl", "Polen is het eerste NAVO-land dat Turkse drones bestelt."),
    ("fr", "La Pologne est le premier pays de l'OTAN à commander des drones turcs."),
])
def test_the_member_buys_not_the_alliance(lang: str, text: str) -> None:
    assert triples(text, lang) == {("TUR", "POL", "drones")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Estados Unidos venderá misiles al Estado de Israel.", ("USA", "ISR", "missiles")),
    ("nl", "De NAVO levert Oekraïne luchtverdediging.", ("ORG:NATO", "UKR", "air defence systems")),
])
def test_a_state_or_the_alliance_itself_stays_a_party(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert triples(text, lang) == {expected}
