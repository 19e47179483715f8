"""Every language builds, and extracts what its examples.py says from its example sentences."""

from __future__ import annotations

import importlib
import pickle

import pytest

from armstrack.extract.assemble import sentences_of
from armstrack.extract.document import Extractor
from armstrack.lang import get_language, language_codes
from armstrack.model import Document
from extraction_helpers import claims

CASES = [(code, text, expected) for code in language_codes()
         for text, expected in importlib.import_module(f"armstrack.lang.{code}.examples").EXAMPLES]


@pytest.mark.parametrize("code", language_codes())
def test_language_builds_and_pickles(code: str) -> None:
    language = get_language(code)
    assert language.code == code and language.lexicon.triggers.by_first
    assert pickle.loads(pickle.dumps(Extractor(code))) == Extractor(code)


@pytest.mark.parametrize(("code", "text", "expected"), CASES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_examples(code: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    claims = Extractor(code).extract(Document(text=text, id="x", language=code, published="2024-05-01")).claims
    assert {(c.supplier, c.recipient, c.item) for c in claims} == set(expected)


def test_unknown_language_names_the_known_codes() -> None:
    with pytest.raises(Exception, match="known: de, en, es, fr"):
        get_language("xx")


@pytest.mark.parametrize(("code", "text", "first"), [
    ("en", "The treaty was signed by Gen. Harlow on Monday. Deliveries start in May.",
     "The treaty was signed by Gen. Harlow on Monday."),
    ("fr", "Le contrat porte sur env. 300 obus. Les livraisons commencent en mai.",
     "Le contrat porte sur env. 300 obus."),
    ("de", "Die Bundeswehr erhält ca. 100 Panzer. Die Lieferung beginnt im Mai.",
     "Die Bundeswehr erhält ca. 100 Panzer."),
    ("ru", "Договор подписали в присутствии ген. Петрова. Поставки начнутся в мае.",
     "Договор подписали в присутствии ген. Петрова."),
    # English "No. 5" is an abbreviation; Spanish "no" is a word that can end a sentence
    ("es", "El ministro dijo que no. Alemania entregará los tanques en mayo.", "El ministro dijo que no."),
])
def test_sentences_end_after_the_languages_own_abbreviations_only(code: str, text: str, first: str) -> None:
    sentences = sentences_of(text, get_language(code).lexicon.abbreviations)
    assert [s.text for s in sentences] == [first, text[len(first) + 1:]]


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Іран передав росії безпілотники «Шахід-191»."),
    ("ru", "Иран передал России беспилотники «Шахид-191»."),
    ("en", "Iran handed Russia Shahid-191 drones."),
])
def test_a_drone_name_written_with_i_for_e_is_the_same_drone(code: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, code)} == {("IRN", "RUS", "Shahed-191")}


def test_the_word_for_martyr_is_no_drone() -> None:
    assert claims("Шахид взорвал себя в Кабуле, сообщили в Иране.", "ru") == []


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "L'Inde a obtenu 36 Rafale de la France."),
    ("en", "India obtained Rafales from France."),
    ("es", "India obtuvo 36 Rafale de Francia."),
    ("it", "L'India ha ottenuto 36 Rafale dalla Francia."),
])
def test_obtaining_an_ambiguous_name_from_a_state_is_a_weapons_context(code: str, text: str) -> None:
    assert {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, code)} == {("FRA", "IND", "Rafale")}
