"""A count given as a range ('between 20 and 30', 'entre 20 y 30', 'tussen de 20 en 30') is a range quantity with its
upper bound as max (SCHEMA: qualifier 'range' then 'max'); two counts joined by 'and' with no range word stay two."""

from __future__ import annotations

import pytest

from extraction_helpers import claims


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Spain will send Ukraine between 20 and 30 armoured vehicles."),
    ("es", "España enviará a Ucrania entre 20 y 30 blindados."),
    ("it", "L'Italia invierà all'Ucraina tra 20 e 30 blindati."),
    ("nl", "Nederland levert Oekraïne tussen de 20 en 30 pantservoertuigen."),
    ("fr", "L'Espagne enverra entre 20 et 30 blindés à l'Ukraine."),
    ("de", "Spanien liefert der Ukraine zwischen 20 und 30 Schützenpanzer."),
])
def test_a_range_count(lang: str, text: str) -> None:
    assert [c["quantity"] for c in claims(text, lang)] == [{"value": 20, "qualifier": "range", "max": 30}]


def test_two_counts_joined_by_and_stay_two() -> None:
    found = {c["item"]: c["quantity"] for c in claims("España enviará a Ucrania 20 obuses y 30 blindados.", "es")}
    assert found == {"howitzers": {"value": 20, "qualifier": "exact"},
                     "armoured vehicles": {"value": 30, "qualifier": "exact"}}
