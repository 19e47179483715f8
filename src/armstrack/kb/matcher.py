"""One Aho-Corasick automaton over every KB name, insensitive to case, hyphens, spaces and
diacritics, matched on token boundaries, longest match first."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from armstrack import model
from armstrack.compiled import compiled, compiled_index
from armstrack.kb import loader
from armstrack.kb.loader import DATA_DIR, KnowledgeBase, get_kb, kb_files
from armstrack.lang import base
from armstrack.lang.base import Token, fold, tokenize

SQUEEZE = re.compile(r"[\s\-\u2010-\u2015/.'’ʼ`·]+")


@lru_cache(maxsize=1 << 18)
def compress(s: str) -> str:
    """The form both names and text are matched in: folded, with spaces, hyphens and dots removed."""
    return SQUEEZE.sub("", fold(s))


@dataclass(frozen=True)
class Entry:
    kind: str  # system | name | capital | institution | demonym | actor
    ref: str  # system id or party code
    surface: str  # the KB form that matched
    needs_context: bool = False
    upper_required: bool = False  # proper names must be capitalised in the text (Turkey vs turkey)
    acronym: bool = False  # short all-caps names ("UN", "EU", "RT") match only all-caps text ("Kim Jong Un")
    company: bool = False  # an arms maker standing for its state ("Fincantieri"): the seller in a contract
    title_case: bool = False  # every word capitalised ("Russian Helicopters"): so in the text too


@dataclass(frozen=True)
class Match:
    first: int  # first token index
    last: int  # last token index (inclusive)
    start: int  # char offsets into the document
    end: int
    entries: tuple[Entry, ...]

    def of_kind(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries if e.kind in kinds]


class Matcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index: dict[str, list[Entry]] = {}
        self.splits: dict[str, set[int]] = {}  # where a name may be split across text tokens
        for s in kb.systems.values():
            ambiguous = [compress(n) for n in s.needs_context]
            for n in (s.name, *s.aliases):
                # "MILAN 2" is as ambiguous as "Milan" ("il Milan 2-1"): a bare number adds no context
                rest = [compress(n)[len(a):] for a in ambiguous if compress(n).startswith(a)]
                needs = n in s.needs_context or any(r.isdigit() or not r for r in rest)
                # an ambiguous name that is also a word ("Backfire", "Candid", "Rafale") counts only when
                # written with its capital: "could backfire", "une rafale de vent" are words
                upper = needs and n[:1].isupper() and any(c.islower() for c in n)
                self._add(n, Entry("system", s.id, n, needs, upper_required=upper))
        self.context_words, self.context_prefixes = _word_index(kb.context_words)
        self.context_stems = tuple(p for p in self.context_prefixes if len(p) >= 5)
        self.trade_words, self.trade_prefixes = _word_index(kb.trade_words)
        for p in kb.parties:
            kind = "actor" if p.kind == "actor" else ("institution" if p.kind == "institution" else "name")
            for lang_names in p.names.values():
                for n in lang_names:
                    # "Iran", "the Kremlin" are written capitalised; "ministère des Armées", "хуситам",
                    # "niemiecki rząd" as the KB writes them, mid-sentence too
                    self._add(n, Entry(kind, p.code, n, n in p.needs_context, upper_required=_capitalised(n),
                                       company=p.body == "company", title_case=_title_case(n)))
            for lang_names in p.capitals.values():
                for n in lang_names:
                    self._add(n, Entry("capital", p.code, n, n in p.needs_context, upper_required=True))
            for lang_names in p.demonyms.values():
                for n in lang_names:
                    # "Denen" (Dutch: the Danes) is written capitalised; German "denen" is a pronoun
                    self._add(n, Entry("demonym", p.code, n, n in p.needs_context, upper_required=n[:1].isupper()))

    @cached_property
    def automaton(self) -> ahocorasick.Automaton:
        """Built on first scan (a lookup of a whole name needs only the index), in a few tens of ms."""
        automaton = ahocorasick.Automaton()
        for key, entries in self.index.items():
            automaton.add_word(key, (len(key), tuple(entries), frozenset(self.splits.get(key, ()))))
        if self.index:
            automaton.make_automaton()
        return automaton

    def __getstate__(self) -> dict[str, object]:
        """What the compiled cache keeps: the index, not the KB (kept on its own) nor the automaton."""
        return {k: v for k, v in self.__dict__.items() if k not in ("kb", "automaton")}

    def _add(self, name: str, entry: Entry) -> None:
        key = compress(name)
        if name.isupper() and len(key) <= 4 and not entry.acronym:
            entry = replace(entry, acronym=True)
        # Strip leading articles ("the Kremlin" also matches "Kremlin").
        if len(key) < 2 or not any(c.isalpha() for c in key):
            return
        bucket = self.index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.splits.setdefault(key, set()).update(_split_points(name))
        art = _article(name)
        if art:
            self._add(name[len(art):], entry)

    def lookup(self, name: str) -> list[Entry]:
        """The entries a name resolves to. A phrase that is no KB name itself ("Caesar howitzer",
        "Marder-Schützenpanzer") resolves to the one KB name the text scan finds in it."""
        exact = self.index.get(compress(name))
        if exact:
            return list(exact)
        found = self.scan(tokenize(name))
        with_system = [(m.of_kind("system")[0].ref, m) for m in found if m.of_kind("system")]
        # "Kalashnikov AK-47" names one system twice, "Bradley M2A2" a system and its variant: take the
        # most specific; two unrelated systems ("Su-35 and MiG-29") give no answer
        for ref, m in sorted(with_system, key=lambda rm: -(rm[1].end - rm[1].start)):
            if all(self.kb.is_descendant(ref, other) for other, _ in with_system):
                return list(m.entries)
        return list(found[0].entries) if len(found) == 1 else []

    def military_context(self, tokens: list[Token], found: Sequence[Match] = ()) -> bool:
        if any(t.fold in self.context_words or t.fold.startswith(self.context_prefixes) for t in tokens
               if len(t.fold) > 1):
            return True
        if any(e.kind in ("name", "capital", "demonym") and not e.needs_context for m in found for e in m.entries) \
                and any(t.fold in self.trade_words or t.fold.startswith(self.trade_prefixes) for t in tokens
                        if len(t.fold) > 1):
            return True  # "L'Égypte a commandé 30 Rafale": a state buying
        # compounds carry their head last or after a hyphen: "Kampfpanzer", "Rafale-Kampfjets"; the long words are
        # searched as one string (a stem holds no NUL, so none matches across two words)
        long_words = "\0".join([t.fold for t in tokens if len(t.fold) > 7])
        return bool(long_words) and any(w in long_words for w in self.context_stems)

    def mentions(self, tokens: list[Token], found: list[Match] | None = None,
                 known: frozenset[str] = frozenset()) -> list[Match]:
        """KB mentions of one sentence, with ambiguous names ("Grad", "Patriot", "Rafale") kept only when
        the sentence has military context (a context word or an unambiguous designation) or names a system the
        document has already named in context (`known`: "… 42 Rafale jets. The first six Rafales arrived")."""
        found = self.scan(tokens) if found is None else found  # a caller may pass the scan it already has
        context: bool | None = None
        out = []
        for m in found:
            if all(e.needs_context for e in m.entries) and not any(e.ref in known for e in m.of_kind("system")):
                if context is None:
                    context = self.military_context(tokens, found) or any(
                        not e.needs_context for f in found for e in f.entries if e.kind == "system")
                if not context:
                    continue
            out.append(m)
        return out

    def inflected(self, tokens: list[Token], endings: tuple[str, ...], found: list[Match]) -> list[Match]:
        """One-word designations a case ending hides ('ще 10 Крабів', 'Krabów', 'Цирконами'): a capitalised token
        outside the matches found that, less one of the language's endings, is a system name; it keeps the name's
        need for context."""
        if not endings:
            return []
        taken = {k for m in found for k in range(m.first, m.last + 1)}
        folded = _longest_first(endings)
        out = []
        for i, t in enumerate(tokens):
            if i in taken or not t.text[:1].isupper():
                continue
            f = compress(t.text)
            if len(f) < 5:
                continue
            for e in folded:
                stem = f[:-len(e)] if f.endswith(e) else ""
                entries = tuple(x for x in self.index.get(stem, ()) if x.kind == "system") if len(stem) >= 3 else ()
                if entries:
                    out.append(Match(i, i, t.start, t.end, entries))
                    break
        return out

    def scan(self, tokens: list[Token]) -> list[Match]:
        """All KB mentions in a token list, longest first, non-overlapping (ambiguous names included)."""
        if not self.index or not tokens:
            return []
        text = _CompressedText(tokens)
        found = self._candidates(text)
        # longest first, then leftmost: the order in which matches claim their tokens
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: set[int] = set()
        out = []
        for a, b, entries, plural in found:
            t0, piece0 = text.piece_at(a)
            t1, piece1 = text.piece_at(b - 1)
            span = set(range(t0, t1 + 1))
            if span & taken:
                continue
            first = tokens[t0].text[:1]
            capitalised = first.isupper() or not first.isalpha()
            # the surface is only needed to check acronyms, which few entries are
            lower = any(e.acronym for e in entries) and any(map(str.islower, text.surface(a, b, plural)))
            titled = all(not t.text[:1].islower() for t in tokens[t0:t1 + 1])
            ok = tuple(e for e in entries if (capitalised or not e.upper_required) and not (e.acronym and lower)
                       and (titled or not e.title_case))
            if not ok:
                continue
            taken |= span
            out.append(Match(t0, t1, tokens[t0].start + piece0.start, tokens[t1].start + piece1.end, ok))
        out.sort(key=lambda m: m.first)
        return out

    def _candidates(self, text: _CompressedText) -> list[tuple[int, int, tuple[Entry, ...], bool]]:
        """Automaton hits that start and end on piece boundaries: (start, end, entries, is a plural ending)."""
        bounds = text.bounds  # local: looked up for every hit, and most hits fall inside a word
        found = []
        for end_idx, (length, entries, splits) in self.automaton.iter(text.text):
            a, b = end_idx - length + 1, end_idx + 1
            if a not in bounds:
                continue
            plural = b not in bounds
            if plural and not text.ends_plural(b):
                continue
            if not plural and text.number_goes_on(b):
                continue  # 'BTR' of 'BTR-80A/82', 'Shahed' of 'Shahed-149': a variant the KB lacks, no family name
            # a match may cross a boundary of the text only where the name has one too ("Shahed 136" for
            # "Shahed-136"), or between letters and digits ("Su 35"): never "in der" for "Inder"
            if any(k - a not in splits for k in text.bounds_inside(a, b)):
                continue
            if not plural:
                found.append((a, b, entries, False))
            else:
                systems = tuple(e for e in entries if e.kind == "system")
                if systems:
                    found.append((a, b, systems, True))
        return found


class _Piece(NamedTuple):
    """A part of a token between inner hyphens, with its place in the token and in the compressed token."""

    start: int  # char offsets relative to the token's start
    end: int
    raw: str  # as written
    at: int  # offset of its compressed form in the compressed token


class _TokenForm(NamedTuple):
    compressed: str  # the pieces' compressed forms, joined
    pieces: tuple[_Piece, ...]  # only pieces with a non-empty compressed form
    inner: tuple[int, ...]  # compressed offsets where a piece other than the first starts ("F-16": 1)
    last_kept: bool  # the token's last piece is among them (so a plural "s" may end a match there)


def _token_form(text: str) -> _TokenForm:
    """How one token takes part in the compressed text."""
    pieces = []
    compressed = []
    at = 0
    last_kept = False
    for start, end, raw in _pieces(text):
        c = compress(raw) if raw.strip("'’ʼ`") else ""
        last_kept = bool(c)
        if c:
            pieces.append(_Piece(start, end, raw, at))
            compressed.append(c)
            at += len(c)
    return _TokenForm("".join(compressed), tuple(pieces), tuple(p.at for p in pieces[1:]), last_kept)


class _FormCache(dict[str, _TokenForm]):
    """Token text -> its form, computed on first sight: token texts repeat a lot, and a hit through
    dict.__getitem__ costs half as much as one through lru_cache."""

    limit = 1 << 18  # news has an open vocabulary: start afresh rather than grow without bound

    def __missing__(self, text: str) -> _TokenForm:
        if len(self) >= self.limit:
            self.clear()
        form = self[text] = _token_form(text)
        return form


_FORMS = _FormCache()


class _CompressedText:
    """The tokens of a sentence as one compressed string, with a map back from its offsets to tokens and
    pieces. Built with C-level calls (cached forms, join, accumulate, set) since most tokens never match."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.forms = list(map(_FORMS.__getitem__, [t.text for t in tokens]))
        compressed = list(map(itemgetter(0), self.forms))  # by position: itemgetter runs in C, .field does not
        self.text = "".join(compressed)
        self.offsets = list(itertools.accumulate(map(len, compressed), initial=0))  # token starts, and the end
        self.bounds = set(self.offsets)  # where pieces begin, and the end
        for ti in itertools.compress(itertools.count(), map(itemgetter(2), self.forms)):  # hyphenated tokens
            self.bounds.update(self.offsets[ti] + at for at in self.forms[ti].inner)

    @cached_property
    def sorted_bounds(self) -> list[int]:
        return sorted(self.bounds)  # on first use: in most sentences no hit starts and ends on a bound

    def token_at(self, pos: int) -> int:
        """The token holding compressed offset `pos` (tokens with no compressed form hold none)."""
        return bisect_right(self.offsets, pos) - 1

    def piece_at(self, pos: int) -> tuple[int, _Piece]:
        """The token and piece holding compressed offset `pos`."""
        ti = self.token_at(pos)
        form = self.forms[ti]
        if not form.inner:  # the common case: no inner hyphen
            return ti, form.pieces[0]
        return ti, form.pieces[bisect_right(form.inner, pos - self.offsets[ti])]

    def ends_plural(self, pos: int) -> bool:
        """`pos` is one before the end of a plural token ("JDAMs", "F-16s", "Leopards")."""
        ti = self.token_at(pos)
        f = self.tokens[ti].fold
        return pos + 1 == self.offsets[ti + 1] and self.forms[ti].last_kept and len(f) > 3 and f.endswith("s")

    @cached_property
    def token_starts(self) -> set[int]:
        return set(self.offsets)

    def number_goes_on(self, pos: int) -> bool:
        """A piece that starts at `pos` inside a token starts with a digit: the designation ending there goes on
        with a number ('BTR' in 'BTR-80A/82')."""
        return pos < len(self.text) and self.text[pos].isdigit() and pos not in self.token_starts

    def bounds_inside(self, a: int, b: int) -> list[int]:
        """The piece starts strictly between a and b."""
        return self.sorted_bounds[bisect_right(self.sorted_bounds, a):bisect_left(self.sorted_bounds, b)]

    def surface(self, a: int, b: int, plural: bool) -> str:
        """The text as written of the pieces starting in [a, b): "F-16" inside "F-16-gevechtsvliegtuigen";
        a plural ending is dropped ("JDAMs" is the acronym JDAM in the plural)."""
        raw = []
        for ti in range(self.token_at(a), self.token_at(b - 1) + 1):
            base = self.offsets[ti]
            raw += [p.raw for p in self.forms[ti].pieces if a <= base + p.at < b]
        return "".join(raw)[:-1] if plural else "".join(raw)


LEADING_ARTICLES = ("the ", "le ", "la ", "l'", "les ", "der ", "die ", "das ", "el ", "il ", "het ", "de ")


def _article(name: str) -> str:
    """The article a name starts with ('the Kremlin', "l'Élysée"), else ''."""
    return next((a for a in LEADING_ARTICLES if fold(name).startswith(a) and len(name) > len(a) + 2), "")


def _title_case(name: str) -> bool:
    """A name of several words, each capitalised ('Russian Helicopters', 'Вертолёты России'): in lower case
    ('Russian helicopters', 'вертолёты России') the words mean what they say."""
    words = name.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words if w[:1].isalpha())


def _capitalised(name: str) -> bool:
    """Is a name written with a capital after its article ('the Kremlin', 'the UN': yes; 'ministère des Armées':
    no)?"""
    art = next((a for a in LEADING_ARTICLES if fold(name).startswith(a)), "")
    return not name[len(art):][:1].islower()


def _split_points(name: str) -> set[int]:
    """Offsets in the compressed name where a separator stood or letters meet digits."""
    points: set[int] = set()
    pos = 0
    prev = ""
    gap = False
    for ch in fold(name):
        if SQUEEZE.fullmatch(ch):
            gap = True
            continue
        if pos and (gap or prev.isdigit() != ch.isdigit()):
            points.add(pos)
        pos += 1
        prev, gap = ch, False
    return points


def _pieces(text: str) -> list[tuple[int, int, str]]:
    """A token split at inner hyphens, so a name may end inside "Gepard-Flugabwehrpanzer"; offsets are
    relative to the token's start."""
    if "-" not in text and "\u2011" not in text:
        return [(0, len(text), text)]
    out = []
    offset = 0
    for piece in re.split(r"([-\u2011])", text):
        if piece and piece not in "-\u2011":
            out.append((offset, offset + len(piece), piece))
        offset += len(piece)
    return out


def closest_names(matcher: Matcher, name: str, limit: int = 5) -> list[str]:
    """The KB names nearest to an unknown one (for 'not found' messages)."""
    from rapidfuzz import fuzz, process  # only when a name is not found: a lookup that succeeds starts without it

    display: dict[str, str] = {}
    for key, entries in matcher.index.items():
        display.setdefault(key, entries[0].surface)
    hits = process.extract(compress(name), list(display), scorer=fuzz.WRatio, limit=limit * 3)
    out = list(dict.fromkeys(display[k] for k, score, _ in hits if score >= 60))
    return out[:limit]


class NameEntry(NamedTuple):
    """One entry a name resolves to, as `kb lookup` shows it: the entry with its system's facts from the KB."""

    kind: str
    id: str
    canonical: str
    category: str | None
    origin: str | None
    matched_alias: str
    needs_context: bool


def describe(kb: KnowledgeBase, entry: Entry) -> NameEntry:
    s = kb.systems.get(entry.ref) if entry.kind == "system" else None
    return NameEntry(entry.kind, entry.ref, s.name if s else entry.ref, s.category if s else None,
                     s.origin if s else None, entry.surface, entry.needs_context)


@lru_cache(maxsize=2)
def get_names(data_dir: str | None = None) -> Mapping[str, tuple[NameEntry, ...]]:
    """Every whole KB name (compressed) and what it resolves to, kept compiled on its own as an index read one name
    at a time: resolving a name that is in the KB needs neither the matcher nor the KB, whose pickles take ten times
    as long to load. The same entries as Matcher.lookup, which tries this exact name first."""
    kb_dir = Path(data_dir or DATA_DIR)
    code = (__file__, loader.__file__, model.__file__, base.__file__)

    def build() -> dict[str, tuple[NameEntry, ...]]:
        kb = get_kb(str(kb_dir))
        return {key: tuple(describe(kb, e) for e in entries) for key, entries in get_matcher(str(kb_dir)).index.items()}
    return compiled_index("names", kb_files(kb_dir), [str(c) for c in code], build)


@lru_cache(maxsize=2)
def get_matcher(data_dir: str | None = None) -> Matcher:
    """The matcher for a KB directory (the bundled one by default), built once per process (and compiled once
    while the KB files are unchanged)."""
    kb_dir = Path(data_dir or DATA_DIR)
    kb = get_kb(str(kb_dir))
    code = (__file__, loader.__file__, model.__file__, base.__file__)
    matcher = compiled("matcher", kb_files(kb_dir), [str(c) for c in code], lambda: Matcher(kb))
    matcher.kb = kb
    return matcher


def _word_index(words_by_lang: dict[str, tuple[str, ...]]) -> tuple[set[str], tuple[str, ...]]:
    """Folded words and prefixes ("word*") of every language's list."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for ws in words_by_lang.values():
        for w in ws:
            f = fold(w)
            if f.endswith("*"):
                prefixes.add(f[:-1])
            else:
                words.add(f)
    return words, tuple(sorted(prefixes))


@lru_cache(maxsize=16)
def _longest_first(endings: tuple[str, ...]) -> tuple[str, ...]:
    """A language's case endings folded, longest first (once per language, not per sentence)."""
    return tuple(sorted({fold(e) for e in endings}, key=len, reverse=True))
