"""A front-end backed by a spaCy model wheel: lemmas, mood and tense from the morphologizer."""

from __future__ import annotations

import importlib.util
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any

from armstrack.compiled import compiled, precompiled_regexes
from armstrack.errors import UnsupportedLanguage
from armstrack.lang.base import Sentence, Token, fold

# NER and the parser are not used: parties and items come from the knowledge base, roles from markers, case and
# position; morphology (mood, tense) and lemmas are what French needs here. Nor the sentence recogniser, which the
# model ships disabled (sentences are ours). Nor is the vocabulary's string table (10 MB, 700,000 strings, ~0.5 s to
# load): tokens are embedded and looked up by hash, and every string a token shows (its text, lemma, morphology) is
# added when it is made.
EXCLUDED = ["ner", "parser", "senter", "strings"]
TOKENIZER_PATTERNS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")
LemmaTables = dict[str, tuple[dict[int, Any], bytes]]  # a lemmatizer's lookup tables: entries by hash, Bloom filter


def model_dir(name: str) -> Path | None:
    """The data folder of an installed model package (config.cfg, tokenizer, a folder per component), else None."""
    spec = importlib.util.find_spec(name)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for config in sorted(Path(folder).glob("*/config.cfg")):
            return config.parent
    return None


def tokenizer_patterns(path: Path) -> list[str]:
    import srsly  # spaCy's own serializer, installed with it

    data = srsly.msgpack_loads(path.read_bytes())
    return [data[k] for k in TOKENIZER_PATTERNS if isinstance(data.get(k), str)]


def lemma_tables(lookups_dir: Path) -> LemmaTables:
    """A lemmatizer's lookup tables as spaCy reads them from the model: each a dict by hash, with its Bloom filter."""
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(lookups_dir)
    return {n: (dict(t), t.bloom.to_bytes()) for n in lookups.tables if (t := lookups.get_table(n)) is not None}


def lemma_lookups(tables: LemmaTables) -> Any:
    """spaCy Lookups filled from kept tables. Not through Table.__setitem__, which hashes each key again and adds it
    to the filter, a Python call per entry (216,000 in French, a third of a second): the keys are the hashes it
    stored and the filter is the one it made."""
    from preshed.bloom import BloomFilter
    from spacy.lookups import Lookups, Table

    lookups = Lookups()
    for name, (entries, bloom) in tables.items():
        table = Table(name, {})
        for key, value in entries.items():
            OrderedDict.__setitem__(table, key, value)
        table.bloom = BloomFilter().from_bytes(bloom)
        lookups.set_table(name, table)
    return lookups


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """The model without what extraction does not use; its tokenizer patterns and lemma tables are kept compiled
    between processes (compiled.py): five times faster than spacy.load of the whole model (7.7 s -> 1.5 s at load 6)."""
    import spacy  # deferred: ~0.5 s that only the languages with a spaCy model pay, on first analysis

    folder = model_dir(name)
    if folder is None:
        raise UnsupportedLanguage(f"spaCy model {name!r} is not installed (pip install {name.replace('_', '-')})")
    tokenizer, lookups_dir = folder / "tokenizer", folder / "lemmatizer" / "lookups"
    if tokenizer.is_file():  # the language's import and the tokenizer then find them compiled
        precompiled_regexes(f"regex-{name}", [tokenizer], lambda: tokenizer_patterns(tokenizer))
    if not lookups_dir.is_dir():
        return spacy.load(name, exclude=EXCLUDED)
    nlp = spacy.load(name, exclude=[*EXCLUDED, "lemmatizer"])
    # the lemmatizer again, as the model configures it, in its place, with its tables from the compiled cache
    config = spacy.util.load_config(folder / "config.cfg")
    pipeline = list(config["nlp"]["pipeline"])
    after = [p for p in pipeline[pipeline.index("lemmatizer") + 1:] if p in nlp.pipe_names]
    settings = {k: v for k, v in config["components"]["lemmatizer"].items() if k != "factory"}
    lemmatizer: Any = nlp.add_pipe(config["components"]["lemmatizer"]["factory"], name="lemmatizer", config=settings,
                                   before=after[0] if after else None)
    tables = compiled(f"lemmas-{name}", [lookups_dir / "lookups.bin"], [__file__], lambda: lemma_tables(lookups_dir))
    lemmatizer.initialize(lookups=lemma_lookups(tables))
    return nlp


class SpacyFrontend:
    def __init__(self, code: str, model: str, conditional_suffixes: tuple[str, ...] = (),
                 future_suffixes: tuple[str, ...] = (), verb_homographs: dict[str, str] | None = None) -> None:
        self.code = code
        self.model = model
        self.verb_homographs = verb_homographs or {}  # the lexicon's: form → the verb's lemma
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
        _read_homograph_verbs(sentence.tokens, self.verb_homographs)
        sentence.analysed = True


def _read_homograph_verbs(tokens: list[Token], homographs: dict[str, str]) -> None:
    """'La France livre des drones': a form the tagger took for a noun, right after a proper name (its subject),
    is the verb."""
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        if tok.fold in homographs and tok.pos in ("NOUN", "ADJ") and prev.pos == "PROPN":
            tok.lemma, tok.pos = homographs[tok.fold], "VERB"
