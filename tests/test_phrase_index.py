"""PhraseIndex: phrases matched over tokens by folded form or lemma, with '*' prefixes."""

from __future__ import annotations

import pytest

from armstrack.lang.base import tokenize
from armstrack.lang.lexicon import PhraseIndex


def _index(*phrases: str) -> PhraseIndex[str]:
    idx: PhraseIndex[str] = PhraseIndex()
    for p in phrases:
        idx.add(p, p)
    return idx


@pytest.mark.parametrize(("phrases", "text", "expected"), [
    (("livr*", "mise à disposition"), "La France a livré des obus, puis une mise à disposition de radars.",
     [("livré", "livr*"), ("mise à disposition", "mise à disposition")]),
    (("liefer*", "zur Verfügung stellen"), "Berlin liefert Panzer und Lieferungen folgen.",
     [("liefert", "liefer*"), ("Lieferungen", "liefer*")]),
    (("постав*", "передал"), "Россия поставила дроны, Иран передал снаряды.",
     [("поставила", "постав*"), ("передал", "передал")]),
    (("deliver*", "handed over"), "Nothing here names a transfer.", []),
])
def test_find_all_matches_prefixes_and_phrases_only(phrases: tuple[str, ...], text: str,
                                                    expected: list[tuple[str, str]]) -> None:
    toks = tokenize(text)
    found = _index(*phrases).find_all(toks)
    assert [(text[toks[a].start:toks[b - 1].end], p) for a, b, p in found] == expected


def test_a_prefix_phrase_needs_its_following_words() -> None:
    idx = _index("entreg* de armas")
    assert idx.find_all(tokenize("La entrega de armas")) == [(1, 4, "entreg* de armas")]
    assert idx.find_all(tokenize("La entrega de tanques")) == []
    assert idx.match_at(tokenize("entregas de armas"), 0) == (3, "entreg* de armas")
