"""A front-end backed by a spaCy model wheel: lemmas, mood and tense from the morphologizer."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

from armstrack.compiled import precompiled_regexes
from armstrack.errors import UnsupportedLanguage
from armstrack.lang.base import Sentence, fold

# NER and the parser are not used: parties and items come from the knowledge base, roles from markers, case and
# position; morphology (mood, tense) and lemmas are what French needs here. Nor is the vocabulary's string table
# (10 MB, 700,000 strings, ~0.5 s to load): tokens are embedded and looked up by hash, and every string a
# token shows (its text, lemma, morphology) is added when it is made.
EXCLUDED = ["ner", "parser", "strings"]
TOKENIZER_PATTERNS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")


def tokenizer_file(name: str) -> Path | None:
    """The serialized tokenizer of an installed model package (its patterns are in it), None if not installed."""
    spec = importlib.util.find_spec(name)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for path in sorted(Path(folder).glob("*/tokenizer")):
            return path
    return None


def tokenizer_patterns(path: Path) -> list[str]:
    import srsly  # spaCy's own serializer, installed with it

    data = srsly.msgpack_loads(path.read_bytes())
    return [data[k] for k in TOKENIZER_PATTERNS if isinstance(data.get(k), str)]


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    import spacy  # deferred: ~0.5 s that only the languages with a spaCy model pay, on first analysis

    tokenizer = tokenizer_file(name)
    if tokenizer is not None:  # the language's import and the tokenizer then find them compiled
        precompiled_regexes(f"regex-{name}", [tokenizer], lambda: tokenizer_patterns(tokenizer))
    try:
        return spacy.load(name, exclude=EXCLUDED)
    except OSError as e:
        wheel = name.replace("_", "-")
        raise UnsupportedLanguage(f"spaCy model {name!r} is not installed (pip install {wheel})") from e


class SpacyFrontend:
    def __init__(self, code: str, model: str, conditional_suffixes: tuple[str, ...] = (),
                 future_suffixes: tuple[str, ...] = ()) -> None:
        self.code = code
        self.model = model
        self.conditional_suffixes = conditional_suffixes
        self.future_suffixes = future_suffixes  # the model's morphology misses some forms ("livreront")

    def analyse(self, sentence: Sentence) -> None:
        self.analyse_all([sentence])

    def analyse_all(self, sentences: list[Sentence]) -> None:
        nlp = load_model(self.model)
        for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
            self._mark(sentence, doc)

    def _mark(self, sentence: Sentence, doc: Any) -> None:
        by_start = {t.idx + sentence.start: t for t in doc}
        for tok in sentence.tokens:
            st = by_start.get(tok.start)
            if st is None:
                continue
            tok.lemma = fold(st.lemma_) or tok.fold
            tok.pos = st.pos_
            morph = st.morph
            verbal = st.pos_ in ("VERB", "AUX")
            tok.conditional = "Cnd" in morph.get("Mood") or (
                verbal and len(tok.fold) > 5 and tok.fold.endswith(self.conditional_suffixes))
            tok.future = verbal and ("Fut" in morph.get("Tense") or (
                len(tok.fold) > 5 and tok.fold.endswith(self.future_suffixes) and not tok.conditional))
            tok.past_participle = "Part" in morph.get("VerbForm") and "Past" in morph.get("Tense")
        sentence.analysed = True
