"""Language-neutral extraction mechanisms, each checked on made-up sentences in several languages."""

from __future__ import annotations

import pytest

from armstrack.lang.base import tokenize
from armstrack.lang.lexicon import get_lexicon
from extraction_helpers import triples

# --- the gazetteer prefilter sees surface forms: an inflected item noun must still pass it ---------------------


@pytest.mark.parametrize(("lang", "word"), [("ru", "оружия"), ("ru", "гаубицами"), ("uk", "зброєю"),
                                             ("uk", "гаубицями"), ("de", "Haubitze"), ("it", "obici")])
def test_prefilter_passes_inflected_item_nouns(lang: str, word: str) -> None:
    assert get_lexicon(lang).names_item_stem(tokenize(f"xx {word} yy"))


@pytest.mark.parametrize(("lang", "text"), [("en", "The minister met her counterpart on Monday."),
                                             ("ru", "Министр встретился с коллегой в понедельник.")])
def test_prefilter_stem_is_not_any_word(lang: str, text: str) -> None:
    assert not get_lexicon(lang).names_item_stem(tokenize(text))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "В марте Сербия поставила Египту партию гаубиц. Мы не знаем, сколько.", ("SRB", "EGY", "howitzers")),
    ("uk", "У березні Сербія передала Єгипту партію гаубиць.", ("SRB", "EGY", "howitzers")),
])
def test_inflected_item_noun_sentence_is_analysed(lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text, lang)


# --- the subject of another verb is no recipient of a delivery noun with its own agent ---------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Токіо висловив стурбованість через передачу Китаєм зенітних ракет КНДР."),
    ("ru", "Токио выразил обеспокоенность передачей Китаем зенитных ракет КНДР."),
    ("en", "Tokyo voiced concern over the delivery by China of air defence missiles to North Korea."),
    ("de", "Tokio äußerte Sorge über die Lieferung von Flugabwehrraketen durch China an Nordkorea."),
])
def test_subject_of_another_verb_is_not_the_recipient(lang: str, text: str) -> None:
    assert not {(s, r) for s, r, _ in triples(text, lang)} - {("CHN", "PRK")}


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Токіо та Канберра висловили стурбованість через передачу Китаєм ракетних технологій М'янмі."),
    ("ru", "Токио и Канберра выразили обеспокоенность передачей Китаем ракетных технологий Мьянме."),
])
def test_inflected_technology_noun_passes_the_prefilter(lang: str, text: str) -> None:
    assert triples(text, lang) == {("CHN", "MMR", "technology")}
