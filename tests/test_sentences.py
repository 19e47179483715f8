"""split_sentences: where a sentence ends, in any language, with exact spans and paragraph numbers."""

from __future__ import annotations

import pytest

from armstrack.lang.base import split_sentences, tokenize


def _sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    return [(text[a:b], para) for a, b, para in split_sentences(text, abbreviations)]


@pytest.mark.parametrize(("text", "expected"), [
    ("La France a livré 12 Rafale. L'Inde les a reçus!  Vraiment ?",
     [("La France a livré 12 Rafale.", 0), ("L'Inde les a reçus!", 0), ("Vraiment ?", 0)]),
    # closing quotes and brackets after the final mark stay with the sentence they end
    ("Er sagte: „Wir liefern Panzer.“ Die Lieferung folgt (im Mai.) Danach nichts…",
     [("Er sagte: „Wir liefern Panzer.“ Die Lieferung folgt (im Mai.)", 0), ("Danach nichts…", 0)]),
    ('He said "we deliver tanks." Kyiv agreed.', [('He said "we deliver tanks."', 0), ("Kyiv agreed.", 0)]),
    # a line wrap before a lower-case word is no break; a blank line opens a paragraph
    ("Polska kupiła\nczołgi K2\n\nKorea je dostarczy.\nDalej",
     [("Polska kupiła\nczołgi K2", 0), ("Korea je dostarczy.", 1), ("Dalej", 1)]),
    # no break after an initial, a common abbreviation, a German ordinal date, nor inside a number
    ("J. Smith of the U.S. Army said 2.5 tonnes. Dr. Kim agreed.",
     [("J. Smith of the U.S. Army said 2.5 tonnes.", 0), ("Dr. Kim agreed.", 0)]),
    ("Am 24. Februar kamen Panzer. Dann Haubitzen.", [("Am 24. Februar kamen Panzer.", 0), ("Dann Haubitzen.", 0)]),
    ("", []),
    ("  \n\n ", []),
])
def test_split_sentences(text: str, expected: list[tuple[str, int]]) -> None:
    assert _sentences(text) == expected


def test_a_languages_abbreviations_end_no_sentence() -> None:
    text = "Dostarczono ok. 200 dronów. Reszta później."
    assert _sentences(text, frozenset({"ok"})) == [("Dostarczono ok. 200 dronów.", 0), ("Reszta później.", 0)]
    assert len(_sentences(text)) == 3


@pytest.mark.parametrize(("text", "words"), [
    ("provide 180 155mm howitzers", ["provide", "180", "155", "mm", "howitzers"]),
    ("12 155 мм гаубиц", ["12", "155", "мм", "гаубиц"]),
    ("livré 2 600 obus", ["livré", "2 600", "obus"]),
    ("1 000 000 rounds", ["1 000 000", "rounds"]),
])
def test_a_space_grouped_number_stops_before_a_calibre(text: str, words: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == words
