"""A by-agent past a comma belongs to another verb ('…, strengthening ties between the two states sanctioned by the
United States'), not to the transfer before it; a by-agent right after the transfer verb still supplies."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Iran supplied drones to Russia, strengthening ties between the two states sanctioned by the United "
           "States."),
    ("fr", "L'Iran a fourni des drones à la Russie, renforçant les liens entre les deux pays sanctionnés par les "
           "États-Unis."),
    ("es", "Irán suministró drones a Rusia, reforzando los lazos entre los dos países sancionados por Estados "
           "Unidos."),
    ("it", "L'Iran ha fornito droni alla Russia, rafforzando i legami tra i due paesi sanzionati dagli Stati Uniti."),
])
def test_an_agent_past_a_comma_is_another_verbs(code: str, text: str) -> None:
    assert pairs(code, text) == {("IRN", "RUS", "drones")}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "Ukraine uses Storm Shadow missiles supplied by Britain, France and Italy.",
     {("GBR", "UKR", "Storm Shadow"), ("FRA", "UKR", "Storm Shadow"), ("ITA", "UKR", "Storm Shadow")}),
    ("fr", "Des drones ont été livrés à la Russie par l'Iran.", {("IRN", "RUS", "drones")}),
    ("en", "Russia received drones, mostly from Iran.", {("IRN", "RUS", "drones")}),
])
def test_an_agent_or_source_of_the_transfer_itself_still_counts(code: str, text: str, expected: set[object]) -> None:
    assert pairs(code, text) == expected
