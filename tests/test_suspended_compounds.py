"""German and Dutch suspend a shared head with a hyphen ('Kampf- und Schützenpanzer', 'gevechts- en
transporthelikopters'): the modifier before the hyphen is the whole compound, an item of its own."""

from __future__ import annotations

import pytest

from extraction_helpers import triples


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("de", "Deutschland hat der Ukraine Kampf- und Schützenpanzer geliefert.",
     {("DEU", "UKR", "tanks"), ("DEU", "UKR", "infantry fighting vehicles")}),
    ("de", "Deutschland hat der Ukraine Flugabwehr- und Panzerabwehrraketen geliefert.",
     {("DEU", "UKR", "air defence missiles"), ("DEU", "UKR", "anti-tank missiles")}),
    ("nl", "Nederland levert Oekraïne gevechts- en transporthelikopters.", {("NLD", "UKR", "attack helicopters")}),
])
def test_a_suspended_modifier_is_the_compound_it_shares_a_head_with(code: str, text: str,
                                                                     expected: set[object]) -> None:
    assert triples(text, code) == expected


@pytest.mark.parametrize(("code", "text"), [
    ("de", "Der Konzern baut Personen- und Lastwagen für den zivilen Markt."),
    ("de", "Die Firma stellt Kfz- und Ersatzteile her."),
])
def test_civil_compounds_stay_civil(code: str, text: str) -> None:
    assert triples(text, code) == set()
