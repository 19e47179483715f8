"""The spaCy model as the front-ends load it (without the parts extraction does not use) annotates every token
as the whole model does."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from armstrack.lang.fr import MODEL
from armstrack.lang.fr.examples import EXAMPLES
from armstrack.lang.spacy_frontend import load_model

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"


def annotations(nlp: spacy.Language, texts: list[str]) -> list[list[tuple[int, str, str, str, str, bool]]]:
    return [[(t.idx, t.text, t.lemma_, t.pos_, str(t.morph), t.is_oov) for t in doc] for doc in nlp.pipe(texts)]


def test_the_lean_model_annotates_as_the_full_one() -> None:
    articles = [json.loads((EXAMPLES_DIR / "fr-contract.json").read_text(encoding="utf-8"))["text"],
                (EXAMPLES_DIR / "fr-hedged-deliveries.txt").read_text(encoding="utf-8")]
    texts = [text for text, _ in EXAMPLES] + articles
    lean = load_model(MODEL)
    assert len(lean.vocab.strings) < 10_000  # the string table was left out: a real saving (700,000 strings)
    assert annotations(lean, texts) == annotations(spacy.load(MODEL, exclude=["ner", "parser"]), texts)
