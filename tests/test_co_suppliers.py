"""'Together with the US and Czechia, the Netherlands delivers …': the states named with 'together with' supply beside
the subject; a list closed by its conjunction ends before the comma, so the subject after it keeps its own role."""

from __future__ import annotations

import pytest

from extraction_helpers import triples

EXPECTED = {("NLD", "UKR", "T-72"), ("USA", "UKR", "T-72"), ("CZE", "UKR", "T-72")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Together with the United States and Czechia, the Netherlands is delivering 90 T-72 tanks to Ukraine."),
    ("es", "Junto con Estados Unidos y Chequia, los Países Bajos entregan 90 tanques T-72 a Ucrania."),
    ("nl", "Samen met de Verenigde Staten en Tsjechië levert Nederland 90 T-72-tanks aan Oekraïne."),
    ("de", "Gemeinsam mit den USA und Tschechien liefern die Niederlande 90 T-72-Panzer an die Ukraine."),
    ("en", "The Netherlands is delivering 90 T-72 tanks to Ukraine together with the United States and Czechia."),
])
def test_co_suppliers_named_with_together_with_supply_beside_the_subject(code: str, text: str) -> None:
    assert triples(text, code) == EXPECTED


@pytest.mark.parametrize(("code", "text", "expected"), [
    # a plain list before the verb is the subject's, all of them
    ("en", "The United States, Czechia and the Netherlands are delivering 90 T-72 tanks to Ukraine.", EXPECTED),
    # a marker before a list still covers each member
    ("en", "Ukraine received T-72 tanks from the United States, Czechia and the Netherlands.", EXPECTED),
])
def test_lists_keep_their_shared_role(code: str, text: str, expected: set[object]) -> None:
    assert triples(text, code) == expected
