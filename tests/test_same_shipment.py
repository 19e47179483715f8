"""One shipment named twice in a document, once generically and once by what it is, is one claim (SCHEMA: never
both 'drones' and 'Shahed-136' for the same pair); made-up sentences in several languages."""

from __future__ import annotations

import pytest

from extraction_helpers import triples


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Noorwegen stuurt tweehonderd luchtdoelraketten naar Moldavië. Het kabinet meldde dat het tweehonderd "
           "Stinger-luchtdoelraketten naar Moldavië stuurt."),
    ("de", "Norwegen schickt 200 Flugabwehrraketen nach Moldau. Die Regierung teilte mit, Norwegen werde 200 Stinger "
           "nach Moldau liefern."),
])
def test_generic_counted_as_a_kindred_designation_is_that_designation(lang: str, text: str) -> None:
    assert triples(text, lang) == {("NOR", "MDA", "FIM-92 Stinger")}


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Норвегія передасть Молдові 20 тисяч артилерійських снарядів. Уряд Норвегії передасть Молдові 20 тисяч "
           "артилерійських снарядів калібру 155 мм."),
    ("ru", "Норвегия передаст Молдове 20 тысяч артиллерийских снарядов. Правительство Норвегии передаст Молдове "
           "20 тысяч артиллерийских снарядов калибра 155 мм."),
    ("en", "Norway will give Moldova 20,000 artillery shells. The Norwegian government will give Moldova 20,000 "
           "155 mm artillery shells."),
])
def test_generic_counted_as_its_calibred_kind_is_that_kind(lang: str, text: str) -> None:
    assert triples(text, lang) == {("NOR", "MDA", "155 mm artillery shells")}


def test_generic_counted_otherwise_stays_beside_its_calibred_kind() -> None:
    text = ("Norway will give Moldova 20,000 artillery shells. The Norwegian government will also give Moldova "
            "3,000 155 mm artillery shells.")
    assert {("NOR", "MDA", "artillery shells"), ("NOR", "MDA", "155 mm artillery shells")} <= triples(text, "en")
