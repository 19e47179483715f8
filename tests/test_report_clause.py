"""A report clause after the transfer (', a annoncé le ministre à Madrid') is outside the transfer's clause:
the place where it was said is no party to the transfer, and the count stays with the one recipient."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def rows(code: str, text: str) -> set[tuple[str | None, str | None, str, float | None]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.category, c.quantity.value if c.quantity else None)
            for c in Extractor(code).extract(doc).claims}


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "La Norvège fournira 20 blindés à la Moldavie, a annoncé vendredi la ministre lors d'un sommet à Rome."),
    ("it", "La Norvegia fornirà 20 blindati alla Moldavia, ha annunciato venerdì la ministra durante un vertice a "
           "Roma."),
    ("es", "Noruega suministrará 20 blindados a Moldavia, anunció el viernes la ministra en una cumbre en Roma."),
    ("en", "Norway will supply 20 armoured vehicles to Moldova, the minister announced on Friday at a summit in "
           "Rome."),
])
def test_a_place_in_the_report_clause_is_no_recipient(code: str, text: str) -> None:
    assert rows(code, text) == {("NOR", "MDA", "armoured_vehicle", 20)}
