"""One Aho-Corasick automaton over every KB name, insensitive to case, hyphens, spaces and
diacritics, matched on token boundaries, longest match first."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick
from rapidfuzz import fuzz, process

from armstrack.kb.loader import KnowledgeBase, get_kb
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
        self.context_words: set[str] = set()
        self.context_prefixes: tuple[str, ...] = ()
        self.context_stems: tuple[str, ...] = ()
        prefixes = []
        for words in kb.context_words.values():
            for w in words:
                f = fold(w)
                if f.endswith("*"):
                    prefixes.append(f[:-1])
                else:
                    self.context_words.add(f)
        self.context_prefixes = tuple(sorted(set(prefixes)))
        self.context_stems = tuple(p for p in self.context_prefixes if len(p) >= 5)
        for p in kb.parties:
            kind = "actor" if p.kind == "actor" else ("institution" if p.kind == "institution" else "name")
            for lang_names in p.names.values():
                for n in lang_names:
                    self._add(n, Entry(kind, p.code, n, n in p.needs_context, upper_required=True))
            for lang_names in p.capitals.values():
                for n in lang_names:
                    self._add(n, Entry("capital", p.code, n, n in p.needs_context, upper_required=True))
            for lang_names in p.demonyms.values():
                for n in lang_names:
                    self._add(n, Entry("demonym", p.code, n, n in p.needs_context))
        self.automaton = ahocorasick.Automaton()
        for key, entries in self.index.items():
            self.automaton.add_word(key, (len(key), tuple(entries), frozenset(self.splits.get(key, ()))))
        if self.index:
            self.automaton.make_automaton()

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
        for art in ("the ", "le ", "la ", "l'", "les ", "der ", "die ", "das ", "el ", "il ", "het ", "de "):
            if fold(name).startswith(art) and len(name) > len(art) + 2:
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

    def military_context(self, tokens: list[Token]) -> bool:
        if any(t.fold in self.context_words or t.fold.startswith(self.context_prefixes) for t in tokens
               if len(t.fold) > 1):
            return True
        # compounds carry their head last or after a hyphen: "Kampfpanzer", "Rafale-Kampfjets"
        return any(w in t.fold for t in tokens if len(t.fold) > 7 for w in self.context_stems)

    def mentions(self, tokens: list[Token], found: list[Match] | None = None) -> list[Match]:
        """KB mentions of one sentence, with ambiguous names ("Grad", "Patriot", "Rafale") kept only when
        the sentence has military context: a context word or an unambiguous designation."""
        found = self.scan(tokens) if found is None else found  # a caller may pass the scan it already has
        context: bool | None = None
        out = []
        for m in found:
            if all(e.needs_context for e in m.entries):
                if context is None:
                    context = self.military_context(tokens) or any(
                        not e.needs_context for f in found for e in f.entries if e.kind == "system")
                if not context:
                    continue
            out.append(m)
        return out

    def scan(self, tokens: list[Token]) -> list[Match]:
        """All KB mentions in a token list, longest first, non-overlapping (ambiguous names included)."""
        if not self.index or not tokens:
            return []
        parts: list[str] = []
        starts: dict[int, tuple[int, int]] = {}  # compressed offset -> (token index, char start)
        ends: dict[int, tuple[int, int]] = {}  # compressed offset (exclusive) -> (token index, char end)
        plural_ends: dict[int, tuple[int, int]] = {}
        raw_pieces: dict[int, str] = {}  # compressed offset of each piece -> its text as written
        pos = 0
        for ti, t in enumerate(tokens):
            pieces = _pieces(t)
            plural = len(t.fold) > 3 and t.fold.endswith("s")
            for pi, (pstart, pend, ptext) in enumerate(pieces):
                c = compress(ptext) if ptext.strip("'’ʼ`") else ""
                if not c:
                    continue
                starts.setdefault(pos, (ti, pstart))
                raw_pieces.setdefault(pos, ptext)
                parts.append(c)
                pos += len(c)
                ends[pos] = (ti, pend)
                if plural and pi == len(pieces) - 1:
                    plural_ends[pos - 1] = (ti, pend)  # "JDAMs", "F-16s", "Leopards"
        text = "".join(parts)
        found: list[tuple[int, int, tuple[Entry, ...]]] = []
        start_list = sorted(starts)
        for end_idx, (length, entries, splits) in self.automaton.iter(text):
            a, b = end_idx - length + 1, end_idx + 1
            if a not in starts or (b not in ends and b not in plural_ends):
                continue
            # a match may cross a boundary of the text only where the name has one too ("Shahed 136" for
            # "Shahed-136"), or between letters and digits ("Su 35"): never "in der" for "Inder"
            inner = start_list[bisect_right(start_list, a):bisect_left(start_list, b)]
            if inner and any(k - a not in splits for k in inner):
                continue
            if b in ends:
                found.append((a, b, entries))
            else:
                systems = tuple(e for e in entries if e.kind == "system")
                if systems:
                    found.append((a, b, systems))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: set[int] = set()
        out = []
        for a, b, entries in found:
            (t0, c0), (t1, c1) = starts[a], ends.get(b) or plural_ends[b]
            span = set(range(t0, t1 + 1))
            if span & taken:
                continue
            # the matched pieces only: "F-16" inside "F-16-gevechtsvliegtuigen"
            surface = "".join(raw_pieces[k] for k in start_list[bisect_left(start_list, a):bisect_left(start_list, b)])
            if b in plural_ends and b not in ends:
                surface = surface[:-1]  # "JDAMs" is the acronym JDAM in the plural
            ok = tuple(e for e in entries
                       if (not e.upper_required or tokens[t0].text[:1].isupper() or not tokens[t0].text[:1].isalpha())
                       and (not e.acronym or not any(ch.islower() for ch in surface)))
            if not ok:
                continue
            taken |= span
            out.append(Match(t0, t1, c0, c1, ok))
        out.sort(key=lambda m: m.first)
        return out


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


def _pieces(t: Token) -> list[tuple[int, int, str]]:
    """A token split at inner hyphens, so a name may end inside "Gepard-Flugabwehrpanzer"."""
    if "-" not in t.text and "\u2011" not in t.text:
        return [(t.start, t.end, t.text)]
    out = []
    offset = t.start
    for piece in re.split(r"([-\u2011])", t.text):
        if piece and piece not in "-\u2011":
            out.append((offset, offset + len(piece), piece))
        offset += len(piece)
    return out


def closest_names(matcher: Matcher, name: str, limit: int = 5) -> list[str]:
    """The KB names nearest to an unknown one (for 'not found' messages)."""
    display: dict[str, str] = {}
    for key, entries in matcher.index.items():
        display.setdefault(key, entries[0].surface)
    hits = process.extract(compress(name), list(display), scorer=fuzz.WRatio, limit=limit * 3)
    out = list(dict.fromkeys(display[k] for k, score, _ in hits if score >= 60))
    return out[:limit]


@lru_cache(maxsize=2)
def get_matcher(data_dir: str | None = None) -> Matcher:
    """The matcher for the bundled KB, built once per process."""
    return Matcher(get_kb(data_dir) if data_dir else get_kb())
