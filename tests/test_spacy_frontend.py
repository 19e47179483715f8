"""The spaCy model as the front-ends load it (without the parts extraction does not use) annotates every token
as the whole model does."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.lookups import Lookups

from armstrack.lang.fr import MODEL
from armstrack.lang.fr.examples import EXAMPLES
from armstrack.lang.spacy_frontend import lemma_lookups, lemma_tables, load_model, model_dir

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


def test_kept_lemma_tables_make_the_lookups_spacy_reads() -> None:
    """The tables rebuilt from the compiled cache answer as spaCy's own: same entries, same filter, found by word."""
    folder = model_dir(MODEL)
    assert folder is not None
    lookups_dir = folder / "lemmatizer" / "lookups"
    theirs, ours = Lookups().from_disk(lookups_dir), lemma_lookups(lemma_tables(lookups_dir))
    assert ours.tables == theirs.tables and "lemma_lookup" in ours.tables
    for name in ours.tables:
        a, b = ours.get_table(name), theirs.get_table(name)
        assert dict(a) == dict(b) and a.bloom.to_bytes() == b.bloom.to_bytes()
    table = ours.get_table("lemma_lookup")
    assert "livrées" in table and table.get("livrées") == theirs.get_table("lemma_lookup").get("livrées")
