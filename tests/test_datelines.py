"""A dateline ('NEU DELHI (dpa) -', 'KYIV (Reuters) -') says where and by whom a report was filed: its place and its
agency are no party to the transfer the sentence states."""

from __future__ import annotations

import pytest

from armstrack.extract.mentions import dateline_end
from armstrack.lang.base import tokenize
from extraction_helpers import triples


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("de", "NEU DELHI (dpa) - Russland hat Indien drei S-400-Systeme geliefert.", {("RUS", "IND", "S-400 Triumf")}),
    ("en", "NEW DELHI (Reuters) - Russia has delivered three S-400 systems to India.",
     {("RUS", "IND", "S-400 Triumf")}),
    ("fr", "NEW DELHI, 3 mars (AFP) – La Russie a livré trois systèmes S-400 à l'Inde.",
     {("RUS", "IND", "S-400 Triumf")}),
    ("nl", "AMERSFOORT (ANP) - Nederland heeft 46 Leopard 2A8-tanks uit Duitsland gekocht.",
     {("DEU", "NLD", "Leopard 2A8")}),
])
def test_the_datelines_place_and_agency_are_no_party(code: str, text: str, expected: set[object]) -> None:
    assert triples(text, code) == expected


@pytest.mark.parametrize(("text", "opening"), [
    ("KYIV (Reuters) - Ukraine received jets.", 5),
    ("MOSCOW, March 3 (Reuters) - Iran delivered drones.", 8),
    ("PARIS – La France livre des chars.", 2),
    ("NATO members delivered tanks to Ukraine - and more will come.", 0),  # capitals, but no dateline dash after them
    ("Ukraine received jets - Reuters.", 0),
])
def test_a_dateline_is_capitals_then_perhaps_a_date_and_an_agency_then_a_dash(text: str, opening: int) -> None:
    assert dateline_end(tokenize(text, 0)) == opening
