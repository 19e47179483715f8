"""A group of states and the states it names ('by allies such as Norway and Denmark', 'von Verbündeten wie
Norwegen'): the named states take the role the group's marker gives, never the other side."""

from __future__ import annotations

import pytest

from armstrack.extract.document import Extractor
from armstrack.model import Document


def pairs(code: str, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = Document(text=text, id="x", language=code, published="2025-03-01")
    return {(c.supplier, c.recipient, c.item) for c in Extractor(code).extract(doc).claims}


BOTH = {("BEL", "ROU", "F-16"), ("NOR", "ROU", "F-16")}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Romania has been promised twenty F-16s by allies such as Belgium and Norway."),
    ("en", "Twenty F-16s were sold to Romania by partners including Belgium and Norway."),
    ("de", "Rumänien wurden zwanzig F-16 von Verbündeten wie Belgien und Norwegen zugesagt."),
    ("nl", "Aan Roemenië zijn twintig F-16's beloofd door bondgenoten als België en Noorwegen."),
    ("fr", "Vingt F-16 ont été promis à la Roumanie par des alliés comme la Belgique et la Norvège."),
    ("it", "Venti F-16 sono stati promessi alla Romania da alleati come il Belgio e la Norvegia."),
    ("es", "Veinte F-16 fueron prometidos a Rumanía por aliados como Bélgica y Noruega."),
])
def test_the_states_a_group_names_take_its_role(code: str, text: str) -> None:
    assert pairs(code, text) == BOTH


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Norway sold twenty F-16s to Romania, a country such as Belgium in size."),
    ("de", "Norwegen hat Rumänien zwanzig F-16 verkauft, wie Belgien berichtete."),
])
def test_a_comparison_without_a_group_names_no_party(code: str, text: str) -> None:
    got = pairs(code, text)
    assert ("NOR", "ROU", "F-16") in got
    assert not any("BEL" in (s, r) for s, r, _ in got)
