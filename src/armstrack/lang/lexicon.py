"""Per-language lexicons (data files under armstrack/lexicons/) and phrase matching over tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from armstrack.compiled import YAML_LOADER, compiled
from armstrack.errors import InvalidKB
from armstrack.lang import base
from armstrack.lang.base import Token, fold, tokenize

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
P = TypeVar("P")


class PhraseIndex(Generic[P]):
    """Multi-word phrases matched against tokens by folded surface form or folded lemma.

    A phrase token ending in '*' matches any token starting with it ("livr*")."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], P]]] = {}
        self.prefixes: list[tuple[str, tuple[str, ...], P]] = []

    def add(self, phrase: str, payload: P) -> None:
        words: list[str] = []
        for t in tokenize(phrase):
            if t.fold in ("'", "’"):
                continue
            if t.fold == "*" and words:
                words[-1] += "*"
            else:
                words.append(t.fold)
        if not words:
            return
        if words[0].endswith("*"):
            self.prefixes.append((words[0][:-1], tuple(words[1:]), payload))
            return
        bucket = self.by_first.setdefault(words[0], [])
        bucket.append((tuple(words), payload))
        bucket.sort(key=lambda x: -len(x[0]))

    def match_at(self, tokens: list[Token], i: int) -> tuple[int, P] | None:
        """The longest phrase starting at token i: (length in tokens, payload)."""
        t = tokens[i]
        best: tuple[int, P] | None = None
        for key in dict.fromkeys((t.lemma, t.fold)):  # the lemma first: verb "offre" is "offrir"
            for words, payload in self.by_first.get(key, ()):
                n = _match_rest(tokens, i, words)
                if n and (best is None or n > best[0]):
                    best = (n, payload)
        if best is None:
            for pre, rest, payload in self.prefixes:
                if t.fold.startswith(pre):
                    n = _match_rest(tokens, i, (t.fold, *rest))
                    if n:
                        return (n, payload)
        return best

    def find_all(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, P]]:
        """Non-overlapping (start, end exclusive, payload) matches, scanning left to right."""
        hi = len(tokens) if hi is None else hi
        out = []
        i = lo
        while i < hi:
            m = self.match_at(tokens, i)
            if m:
                out.append((i, i + m[0], m[1]))
                i += m[0]
            else:
                i += 1
        return out

    def __contains__(self, word: str) -> bool:
        return fold(word) in self.by_first


def _match_rest(tokens: list[Token], i: int, words: tuple[str, ...]) -> int:
    j = i
    for w in words:
        while j < len(tokens) and tokens[j].fold in ("'", "’", "ʼ"):
            j += 1
        if j >= len(tokens):
            return 0
        t = tokens[j]
        if w.endswith("*"):
            if not (t.fold.startswith(w[:-1]) or t.lemma.startswith(w[:-1])):
                return 0
        elif w != t.fold and w != t.lemma:
            return 0
        j += 1
    return j - i


@dataclass(frozen=True)
class Trigger:
    role: str  # give (subject supplies) | get (subject receives) | deal (either way)
    stage: str
    buy: bool = False  # buy-type verbs take the seller with the language's buy_from markers


@dataclass(frozen=True)
class GenericItem:
    item: str
    category: str
    umbrella: bool = False  # "weapons", "military aid": never a claim on its own


@dataclass
class Lexicon:
    code: str
    triggers: PhraseIndex[Trigger] = field(default_factory=PhraseIndex)
    stage_cues: PhraseIndex[str] = field(default_factory=PhraseIndex)
    future: PhraseIndex[str] = field(default_factory=PhraseIndex)
    future_before: PhraseIndex[str] = field(default_factory=PhraseIndex)  # right before the trigger only
    hedges: PhraseIndex[str] = field(default_factory=PhraseIndex)
    report_verbs: PhraseIndex[str] = field(default_factory=PhraseIndex)
    according_to: PhraseIndex[str] = field(default_factory=PhraseIndex)
    citing: PhraseIndex[str] = field(default_factory=PhraseIndex)
    source_nouns: PhraseIndex[str] = field(default_factory=PhraseIndex)
    denials: PhraseIndex[str] = field(default_factory=PhraseIndex)
    unconfirmed: PhraseIndex[str] = field(default_factory=PhraseIndex)
    confirm_verbs: PhraseIndex[str] = field(default_factory=PhraseIndex)  # negated nearby: unconfirmed
    negations: PhraseIndex[str] = field(default_factory=PhraseIndex)
    continuation: PhraseIndex[str] = field(default_factory=PhraseIndex)
    anaphora: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "Об этом сообщили …", "Das kündigte … an": a sentence saying who said the previous one
    back_reference: PhraseIndex[str] = field(default_factory=PhraseIndex)
    local_production: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "made in", "индийского производства"
    technology: PhraseIndex[str] = field(default_factory=PhraseIndex)
    possession: PhraseIndex[str] = field(default_factory=PhraseIndex)
    services: PhraseIndex[str] = field(default_factory=PhraseIndex)
    interdiction: PhraseIndex[str] = field(default_factory=PhraseIndex)  # seized, intercepted: not a party
    org_heads: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "… Research Institute": part of a name
    refusals: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "refused to sell": no transfer
    accusations: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "accused Tehran of supplying"
    requests: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "bat Berlin um die Lieferung": asker receives
    # "сообщили в пресс-службе", "citando a fuentes": a preposition before a source is not part of its name
    attribution_prepositions: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # a source or hedge marker right after one of these is another word: Italian "un secondo sistema" (second)
    marker_blockers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    distributive: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "each": a number per party, not a total
    route_markers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    carrier_markers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    non_transfer: PhraseIndex[str] = field(default_factory=PhraseIndex)
    generic_items: PhraseIndex[GenericItem] = field(default_factory=PhraseIndex)
    institution_heads: PhraseIndex[str] = field(default_factory=PhraseIndex)
    markers: dict[str, PhraseIndex[str]] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    qualifiers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    vague_quantities: PhraseIndex[str] = field(default_factory=PhraseIndex)
    measure_words: PhraseIndex[str] = field(default_factory=PhraseIndex)  # containers, tonnes: not item counts
    months: dict[str, int] = field(default_factory=dict)
    date_cues: PhraseIndex[str] = field(default_factory=PhraseIndex)
    conditional_suffixes: tuple[str, ...] = ()
    decimal_comma: bool = True
    verb_final: bool = False  # subordinate/perfect clauses put the verb last (de, nl): the first party is the subject


    def unblocked(self, idx: PhraseIndex[str], tokens: list[Token]) -> list[tuple[int, int, str]]:
        """The matches of a marker list (according_to, hedges), less those a blocker word right before makes
        into another word ("un secondo sistema")."""
        return [m for m in idx.find_all(tokens) if not self.blocked(tokens, m[0])]

    def blocked(self, tokens: list[Token], i: int) -> bool:
        return i > 0 and self.marker_blockers.match_at(tokens, i - 1) is not None

PHRASE_LISTS = (
    "future", "future_before", "hedges", "report_verbs", "according_to", "citing", "source_nouns", "denials",
    "unconfirmed", "confirm_verbs", "negations", "continuation", "anaphora", "back_reference", "local_production",
    "technology", "possession", "services", "interdiction", "org_heads", "refusals", "accusations", "requests",
    "attribution_prepositions", "marker_blockers", "distributive",
    "route_markers",
    "carrier_markers", "non_transfer", "institution_heads", "vague_quantities", "measure_words",
)


def _list(v: Any) -> list[str]:
    return [str(x) for x in v] if isinstance(v, list) else []


def load_lexicon(code: str, path: Path | None = None) -> Lexicon:
    path = path or LEXICON_DIR / f"{code}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except FileNotFoundError as e:
        raise InvalidKB(f"no lexicon file for language {code!r} ({path})") from e
    except yaml.YAMLError as e:
        raise InvalidKB(f"{path}: not valid YAML ({e})") from e
    lex = Lexicon(code)
    for role, stages in (data.get("triggers") or {}).items():
        for stage, words in stages.items():
            for w in _list(words):
                lex.triggers.add(w, Trigger(role.replace("buy", "get"), stage, buy=role == "buy"))
    for stage, words in (data.get("stage_cues") or {}).items():
        for w in _list(words):
            lex.stage_cues.add(w, stage)
    for name in PHRASE_LISTS:
        idx: PhraseIndex[str] = getattr(lex, name)
        for w in _list(data.get(name)):
            idx.add(w, w)
    for g in data.get("generic_items") or []:
        payload = GenericItem(g["item"], g["category"], bool(g.get("umbrella")))
        for w in _list(g.get("words")):
            lex.generic_items.add(w, payload)
    for role, words in (data.get("markers") or {}).items():
        idx2: PhraseIndex[str] = PhraseIndex()
        for w in _list(words):
            idx2.add(w, role)
        lex.markers[role] = idx2
    lex.numbers = {fold(k): float(v) for k, v in (data.get("numbers") or {}).items()}
    lex.multipliers = {fold(k): float(v) for k, v in (data.get("multipliers") or {}).items()}
    for q, words in (data.get("qualifiers") or {}).items():
        for w in _list(words):
            lex.qualifiers.add(w, q)
    lex.months = {fold(k): int(v) for k, v in (data.get("months") or {}).items()}
    for cue, words in (data.get("date_cues") or {}).items():
        for w in _list(words):
            lex.date_cues.add(w, cue)
    lex.conditional_suffixes = tuple(_list(data.get("conditional_suffixes")))
    lex.decimal_comma = bool(data.get("decimal_comma", True))
    lex.verb_final = bool(data.get("verb_final", False))
    return lex


@lru_cache(maxsize=16)
def get_lexicon(code: str) -> Lexicon:
    """A language's lexicon, loaded once per process (compiled once while its file is unchanged)."""
    return compiled(f"lexicon-{code}", [LEXICON_DIR / f"{code}.yaml"], (__file__, str(base.__file__)),
                    lambda: load_lexicon(code))
