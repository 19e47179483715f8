"""Recall gaps on unseen news (issue 13): delivery verbs of shipping, item nouns that name another kind than
the lexicon had them as, requests that name the supplier as the one asked. Made-up sentences."""

from __future__ import annotations

import pytest

from extraction_helpers import triples

# shipping goods to a state hands them over
SHIPPED = [
    ("de", "Norwegen hat im März acht Haubitzen nach Polen verschifft.", ("NOR", "POL", "howitzers")),
    ("de", "Schweden verschiffte zwölf Panzer nach Finnland.", ("SWE", "FIN", "tanks")),
    ("nl", "Noorwegen heeft in maart acht houwitsers naar Polen verscheept.", ("NOR", "POL", "howitzers")),
    ("nl", "Zweden verscheepte twaalf tanks naar Finland.", ("SWE", "FIN", "tanks")),
    ("fr", "La Norvège a expédié huit obusiers à la Pologne.", ("NOR", "POL", "howitzers")),
    ("en", "Sweden shipped twelve tanks to Finland.", ("SWE", "FIN", "tanks")),
]


@pytest.mark.parametrize("lang,text,triple", SHIPPED)
def test_shipping_is_a_delivery(lang: str, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(text, lang)
