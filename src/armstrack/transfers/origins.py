"""Independent origins: which reports of a transfer go back to the same origin.

Three kinds of evidence collapse reports into one origin: (a) near-duplicate texts (a wire story
reprinted or lightly edited), (b) the same original source: what a claim's attribution cites, resolved to one
canonical identity whatever the language (a KB institution or registry outlet named inside it, the cited
speaker ranking before the wire relaying it), else a wire credit in the text, else the publisher, and (c)
translations and rewrites, told by the names and figures they keep (in order, or reordered sharing a figure;
figures as values, '1 million' = 'eine Million'). Analysts' joins and splits are replayed over the result.
Everything here is pure: documents come in as StoredDocument prints made at ingest.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from armstrack.compiled import compiled
from armstrack.kb import loader
from armstrack.kb.loader import KnowledgeBase, Party, Source, get_kb, kb_files
from armstrack.lang import base, lexicon, lexicons
from armstrack.lang.base import fold
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon
from armstrack.model import Extraction, OriginGroup, StoredClaim, StoredDocument

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
NEAR_DUPLICATE = 0.3  # estimated Jaccard of word 5-shingles: independent texts score near 0, reprints far above
# translations and rewrites: Jaccard of entity-print bigrams (independent reports on one deal stay under 0.3)
SAME_SKELETON = 0.35
SAME_SKELETON_MIN_SHARED = 5
# reordered translations: multiset Jaccard of the prints, with at least one figure among the shared marks
SAME_BAG = 0.5
SAME_BAG_MIN_SHARED = 4
TRANSLATION_DAYS = 10  # translations and rewrites follow their original within days
CANDIDATE_SHARED_HASHES = 4  # texts at NEAR_DUPLICATE share ~15 of 64 sketch hashes; unrelated ones ~0
FIRST_REPORT = "first report of this origin"  # why the report an origin starts from is in it
UNKNOWN_OUTLET = "unnamed outlet"  # a report that names no outlet, with no address to name one by
POSTING_CAP = 8  # documents indexed per sketch hash: enough to find a group, few enough to stay linear

WORD = re.compile(r"\w+", re.UNICODE)
NAME_WORD = re.compile(r"[^\W_]+")  # the words _fold keeps
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
NAMED = re.compile(r"\b[A-Z\u0400-\u042f][\w'’.-]*(?:\s+[A-Z\u0400-\u042f][\w'’.-]*)+")
# a figure standing alone: not the number of a designation ("Shahed-136", "2A6")
FIGURE_TOKEN = re.compile(r"(?<![\w.,])(?<!\w-)(?:\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)(?!\w)|[^\W\d_]+")
THOUSANDS = re.compile(r"[ .,\u00a0\u202f](?=\d{3}(?!\d))")


def sketch(text: str) -> tuple[int, ...]:
    """Bottom-k hashes of the text's word 5-shingles: a MinHash sketch for resemblance."""
    words = [w.lower() for w in WORD.findall(text)]
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    hashes = {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams if g}
    return tuple(sorted(hashes)[:SKETCH_SIZE])


TextPrints = tuple[tuple[int, ...], tuple[str, ...]]  # (sketch, entity print)


def text_prints(e: Extraction) -> TextPrints:
    """The sketch and entity print of an extraction's text; none without claims (such texts join no origin).
    Computed where the extraction runs (a Dask worker), as it costs about as much as storing the document."""
    if not e.claims:
        return (), ()
    return sketch(e.document.text), entity_print(e.document.text, e.names, e.language)


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two texts from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    k = min(len(a), len(b))
    union = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / k


def entity_print(text: str, names: Sequence[tuple[int, str]], language: str | None = None) -> tuple[str, ...]:
    """The language-independent skeleton of a text: its KB names (the extractor's gazetteer hits, as party
    codes and system ids) and its figures as values, in order. A translation keeps it ('1,000,000',
    '1 million', 'eine Million' and 'plus d'un million' are all #1000000); an independent report on the same
    deal does not."""
    lex = lexicons().get(language or "")
    marks = list(names) + [(at, "#" + _figure(v)) for at, v in (figures(text, lex) if lex else _digit_figures(text))]
    return tuple(label for _, label in sorted(marks))


def _figure(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(round(v, 3))


def _digits(s: str) -> float:
    return float(THOUSANDS.sub("", s).replace(",", "."))


def _digit_figures(text: str) -> list[tuple[int, float]]:
    return [(n.start(), _digits(n.group(0))) for n in NUMBER.finditer(text)]


def figures(text: str, lex: Lexicon) -> list[tuple[int, float]]:
    """The numbers a text states, as values: digits in any grouping, number words of the language, and either
    scaled by a multiplier word after them ('1 million', 'eine Million', 'un million', bare 'миллион'). A lone
    'one' word is an article as often as a number, so it counts only before a multiplier."""
    tokens = [(m.start(), m.group(0), fold(m.group(0))) for m in FIGURE_TOKEN.finditer(text)]
    out = []
    i = 0
    while i < len(tokens):
        at, surface, word = tokens[i]
        after = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        value: float | None = None
        if surface[0].isdecimal():
            value = _digits(surface)
        elif word in lex.numbers and (lex.numbers[word] >= 2 or after in lex.multipliers):
            value = lex.numbers[word]
        elif word in lex.one_words and after in lex.multipliers:
            value = 1.0
        elif word in lex.multipliers:
            value, i = lex.multipliers[word], i + 1
            out.append((at, value))
            continue
        if value is not None and after in lex.multipliers:
            value, i = value * lex.multipliers[after], i + 1
        if value is not None:
            out.append((at, value))
        i += 1
    return out


def _bigrams(seq: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(seq, seq[1:], strict=False))


@lru_cache(maxsize=1)
def _leading_article() -> re.Pattern[str]:
    """An article of any registered language opening a name: 'The Guardian', 'Le Monde', 'Der Spiegel'."""
    words = sorted({a for lex in lexicons().values() for a in lex.articles if a.isascii()}, key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _wire_nouns() -> frozenset[str]:
    """'agency', 'Nachrichtenagentur', 'агентство' … of every registered language (a credit's language is the
    text's, but a wire name after any of them is a credit)."""
    return frozenset(w for lex in lexicons().values() for w in lex.wire_nouns)


def _fold(name: str) -> str:
    """A name folded for look-ups: lower case, no diacritics (any script), no leading article, words only."""
    s = _leading_article().sub("", fold(name.strip()))
    return re.sub(r"[\W_]+", " ", s).strip()


@dataclass(frozen=True)
class Cited:
    """Who an attribution names, in one canonical form whatever the language it is written in."""

    key: str  # "party:KOR/<institution id>", "party:KOR", "name:<Name>", "src:<registry id>"
    label: str  # "National Intelligence Service (KOR)", "Reuters"
    party: str | None = None  # the state an institution or state speaks for

    @property
    def rank(self) -> int:
        """The original speaker ranks before the outlet that relays it: an institution or state, then a named
        person, then an outlet ('Reuters, citing South Korea's intelligence service' is the service's claim)."""
        return ("party:", "name:", "src:").index(self.key[:self.key.index(":") + 1])


@dataclass(frozen=True)
class Registry:
    """Source-registry look-ups by name, alias and domain."""

    by_id: dict[str, Source]
    by_name: dict[str, Source]
    by_domain: dict[str, Source]
    wire_credit: re.Pattern[str]  # a credit line naming any wire service; the name resolves via by_name
    wire_names: re.Pattern[str]  # any wire service's name (a credit when a wire noun stands right before it)
    states: dict[str, Cited]  # folded state name -> the state ("Germany" -> DEU); matched whole only
    contained: dict[str, Cited]  # folded institution or outlet name -> who it is; matched inside an attribution
    longest: int  # words in the longest contained name

    def find(self, name: str | None = None, url: str | None = None) -> Source | None:
        # "South Front (translated by X)", "Reuters | World News": the outlet is the first part
        for candidate in (name, *(re.split(r"\s*[(|—–]\s*|\s+-\s+", name)[:1] if name else [])):
            if candidate and (s := self.by_name.get(_fold(candidate))):
                return s
        if host := url_host(url):
            parts = host.split(".")
            for i in range(len(parts) - 1):
                if s := self.by_domain.get(".".join(parts[i:])):
                    return s
        return None

    def cited(self, name: str) -> Cited | None:
        """Who an attribution as written names: an outlet by its name, a state by its name, else the
        institution or outlet named inside it ('wie die Nachrichtenagentur Reuters', 'le service de
        renseignement sud-coréen aux députés'), else a named person or body."""
        if s := self.find(name):
            return Cited(f"src:{s.id}", s.name)
        folded = _fold(name)
        if folded in self.states:
            return self.states[folded]
        written = NAME_WORD.findall(name)
        words = [fold(w) for w in written]
        found = [(c.rank, -n, i, c) for n in range(min(len(words), self.longest), 0, -1)
                 for i in range(len(words) - n + 1) if (c := self.contained.get(" ".join(words[i:i + n])))
                 and (c.rank == 0 or not any(w[:1].islower() for w in written[i:i + n]))]  # 'mehr' is no Mehr
        if found:
            return min(found, key=lambda f: f[:3])[3]
        if runs := NAMED.findall(name):  # "The Guardian", "spokesman Yuriy Ihnat"; not "des sources", "Quellen"
            return Cited(f"name:{runs[-1]}", runs[-1])
        return None


def _canonical(p: Party) -> str:
    """An institution's one name whatever the language: its first English name (else its first name), its state."""
    names = p.names.get("en") or next(iter(p.names.values()), (p.id,))
    spelt = [n for n in names if not n.isupper()] or list(names)  # "Defence Intelligence of Ukraine", not "HUR"
    return f"{_leading_article().sub('', spelt[0])} ({p.code})"


def build_registry(kb: KnowledgeBase) -> Registry:
    by_name: dict[str, Source] = {}
    by_domain: dict[str, Source] = {}
    wire_names: set[str] = set()
    contained: dict[str, Cited] = {}
    for s in kb.sources.values():
        for n in (s.name, *s.aliases):
            by_name.setdefault(_fold(n), s)
        for d in s.domains:
            by_domain.setdefault(d.lower().removeprefix("www."), s)
        if s.wire:
            wire_names.update({s.name, *s.aliases})
    states: dict[str, Cited] = {}
    for p in kb.parties:
        for n in (n for names in p.names.values() for n in names):
            if p.kind == "institution":
                key = f"party:{p.code}/{p.id}" if p.id and p.id != p.code else f"party:{p.code}"
                contained.setdefault(_fold(n), Cited(key, _canonical(p), p.code))
            else:
                states.setdefault(_fold(n), Cited(f"party:{p.code}", p.code, p.code))
    for folded, s in by_name.items():
        contained.setdefault(folded, Cited(f"src:{s.id}", s.name))
    contained.pop("", None)
    names = "|".join(re.escape(n) for n in sorted(wire_names, key=len, reverse=True))
    # a credit: "MOSCOW (Reuters) -", "(dpa)", "— AFP", "© AFP" — not a mere mention in a sentence
    credit = re.compile(rf"\(\s*({names})\s*\)|(?:^|[—–©]\s*)({names})\s*(?:$|[—–-]\s)", re.MULTILINE)
    return Registry(dict(kb.sources), by_name, by_domain, credit, re.compile(rf"(?<!\w)({names})(?!\w)"), states,
                    contained, max((len(k.split()) for k in contained), default=1))


@lru_cache(maxsize=4)
def get_registry(kb_dir: str) -> Registry:
    """The registry of the knowledge base in this folder, built once while its files, the lexicons (their articles
    fold names) and this code are unchanged: building it folds ~20,000 names, which made the first judgement after
    a server started wait for it."""
    return compiled("registry", [*kb_files(Path(kb_dir)), *sorted(LEXICON_DIR.glob("*.yaml"))],
                    (__file__, str(loader.__file__), str(base.__file__), str(lexicon.__file__)),
                    lambda: build_registry(get_kb(kb_dir)))


def wire_credit(text: str, registry: Registry) -> str | None:
    """The registry id of a wire service the text credits: in a dateline or byline of its first or last lines,
    or anywhere after a wire noun ('selon l'agence Reuters', 'wie die Nachrichtenagentur Reuters berichtete')."""
    for m in registry.wire_credit.finditer(text[:300] + "\n" + text[-300:]):
        source = registry.by_name.get(_fold(m.group(1) or m.group(2)))
        if source and source.wire:
            return source.id
    nouns = _wire_nouns()
    for m in registry.wire_names.finditer(text):
        before = WORD.findall(text[max(0, m.start() - 40):m.start()])
        source = registry.by_name.get(_fold(m.group(1)))
        if before and fold(before[-1]) in nouns and source and source.wire:
            return source.id
    return None


def url_host(url: str | None) -> str:
    """The host a URL names, lower case, without 'www.' ('' for none): the outlet when nothing else names it."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", (url or "").strip().lower()).split("/")[0].split("@")[-1]
    return host.split(":")[0].removeprefix("www.")


def cited_source(claim: StoredClaim, registry: Registry) -> Cited | None:
    """The original source of a claim's attribution chain: of the names it cites, the first of the best rank."""
    found = [(c.rank, i, c) for i, name in enumerate(claim.attributed_to) if (c := registry.cited(name))]
    return min(found, key=lambda f: f[:2])[2] if found else None


class Groups:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra


def document_source(doc: StoredDocument, registry: Registry) -> Cited:
    """Who a document speaks for when none of its claims cites anyone: the wire it credits, else its publisher
    (an official statement published by an institution is that institution speaking)."""
    if doc.wire:
        source = registry.by_id.get(doc.wire)
        return Cited(f"src:{doc.wire}", source.name if source else doc.wire)
    if not doc.publisher:  # no outlet named: the site it came from, else an outlet nobody can name
        host = url_host(doc.url)
        return Cited(f"src:{host}", host) if host else Cited(f"doc:{doc.id}", UNKNOWN_OUTLET)
    if source := registry.by_id.get(doc.publisher):
        return Cited(f"src:{source.id}", source.name)
    cited = registry.cited(doc.publisher)
    return cited if cited and cited.key.startswith("party:") else Cited(f"src:{doc.publisher}", doc.publisher)


@dataclass(frozen=True)
class OriginJudgement:
    """An analyst's decision on a transfer's origins: join the origins of these documents into one, or split
    these documents off into an origin of their own."""

    id: int
    action: str  # join_origins | split_origin
    documents: tuple[str, ...]


def independent_origins(claims: Sequence[StoredClaim], docs: dict[str, StoredDocument], registry: Registry,
                        judgements: Sequence[OriginJudgement] = ()) -> tuple[OriginGroup, ...]:
    """Group the documents behind a transfer's claims by origin; one group = one independent origin. Each
    document carries why it joined its group; analyst judgements are replayed over the automatic groups."""
    return OriginIndex(claims, docs, registry).origins(judgements)


class OriginIndex:
    """The origins of one transfer's reports and what tied them: each report's source, the near-duplicate pairs (and
    the sketch postings that filled up), the groups before translations and their representatives; kept so that the
    origins the other claims leave when any one claim goes are found by redoing only what that claim's report
    touched (armstrack.transfers.rejection)."""

    def __init__(self, claims: Sequence[StoredClaim], docs: dict[str, StoredDocument], registry: Registry) -> None:
        self.docs, self.registry = docs, registry
        # earliest first, a wire's own story first on its day: a report joins the origin of one published before it
        self.order = sorted({c.document_id for c in claims if c.document_id in docs},
                            key=lambda d: (docs[d].published or "~", not docs[d].wire or docs[d].wire !=
                                           docs[d].publisher, d))
        self.pos = {d: i for i, d in enumerate(self.order)}
        self.cited = {c.id: cited_source(c, registry) for c in claims}  # each claim's original source
        self._skeletons: dict[tuple[str, str], str | None] = {}
        self.of_report: dict[str, list[StoredClaim]] = {}
        for c in claims:
            if c.document_id in docs:
                self.of_report.setdefault(c.document_id, []).append(c)
        # each report's source: the best its claims cite, whichever claim comes first
        self.keys = {d: self.source(d, self.of_report[d]) for d in self.order}
        groups = Groups(self.order)
        self.why: dict[str, list[str]] = {d: [] for d in self.order}
        by_key: dict[str, str] = {}
        for d in self.order:
            first = by_key.setdefault(self.key_class(self.keys[d]), d)
            if first != d:
                groups.union(first, d)
                self.why[d].append(f"cites the same source as {first}: {self.keys[d].label}")
        self.near: dict[str, set[str]] = {d: set() for d in self.order}
        pairs, self.crowded = _near_duplicates(self.order, docs)  # and the hashes whose posting filled up
        for a, b in pairs:
            groups.union(a, b)
            self.why[b].append(f"near-duplicate text of {a}")
            self.near[a].add(b)
            self.near[b].add(a)
        self.joined = {d: groups.find(d) for d in self.order}  # each report's group before translations
        self.reps = representatives(self.order, docs, groups)
        for a, b in close_in_time(self.reps, docs):
            if groups.find(a) != groups.find(b) and (how := self.skeleton(a, b)):
                groups.union(a, b)
                kind = "translation" if docs[a].language != docs[b].language else "rewrite"
                self.why[b].append(f"{kind} of {a} ({how})")
        self.root = {d: groups.find(d) for d in self.order}  # each report's origin
        self._origins: dict[tuple[OriginJudgement, ...], tuple[OriginGroup, ...]] = {}

    @staticmethod
    def key_class(source: Cited) -> str:
        """What reports citing the same source share, whatever the spelling."""
        return _fold(source.key)

    def source(self, d: str, claims: Iterable[StoredClaim]) -> Cited:
        """Whom report `d` speaks for, given these of its claims: the best source they cite, the first of equals,
        else the report's own."""
        best: Cited | None = None
        for c in claims:
            cited = self.cited[c.id] or document_source(self.docs[d], self.registry)
            if best is None or (_rank(cited), cited.key) < (_rank(best), best.key):
                best = cited
        assert best is not None, d  # every report indexed has a claim
        return best

    def skeleton(self, a: str, b: str) -> str | None:
        """Why two reports are one text in two languages or a rewrite (same_skeleton), asked once per pair."""
        pair = (a, b) if a < b else (b, a)
        if pair not in self._skeletons:
            self._skeletons[pair] = same_skeleton(self.docs[a].entities, self.docs[b].entities)
        return self._skeletons[pair]

    def origins(self, judgements: Sequence[OriginJudgement] = ()) -> tuple[OriginGroup, ...]:
        """The origin groups, the analysts' judgements replayed over them."""
        judged = tuple(judgements)
        if judged not in self._origins:
            why = {d: list(w) for d, w in self.why.items()}  # the replay adds to its copy
            self._origins[judged] = replayed(self.root, self.keys, self.docs, why, self.registry, judged)
        return self._origins[judged]


def replayed(root: dict[str, str], keys: dict[str, Cited], docs: dict[str, StoredDocument], why: dict[str, list[str]],
             registry: Registry, judgements: Sequence[OriginJudgement]) -> tuple[OriginGroup, ...]:
    """The origin groups of reports (`root`: report → its origin), the analysts' joins and splits replayed in order
    (each adding to `why`)."""
    root = dict(root)
    reports = sorted(root)
    for j in sorted(judgements, key=lambda j: j.id):
        listed = [d for d in j.documents if d in root]
        if not listed:
            continue
        if j.action == "split_origin":
            for d in listed:
                root[d] = f"split:{j.id}"
                why[d].append(f"split off by an analyst (judgement {j.id})")
        elif j.action == "join_origins":
            old = {root[d] for d in listed}
            target = min(old)
            for d in reports:
                if root[d] in old and root[d] != target:
                    root[d] = target
                    why[d].append(f"joined by an analyst (judgement {j.id})")
    members: dict[str, list[str]] = {}
    for d in reports:
        members.setdefault(root[d], []).append(d)
    return tuple(sorted((origin_group(sorted(ds), keys, docs, why, registry) for ds in members.values()),
                        key=lambda g: g.documents))


def _near_duplicates(doc_ids: Sequence[str], docs: dict[str, StoredDocument]) -> tuple[list[tuple[str, str]],
                                                                                     dict[int, list[str]]]:
    """Near-duplicate pairs, found through an inverted index of sketch hashes that holds each group's first
    documents only: a wire story reprinted a thousand times costs a thousand look-ups, not a million. And each hash
    whose posting filled up → every document with it, in order."""
    postings: dict[int, list[str]] = {}
    crowded: dict[int, list[str]] = {}
    pairs = []
    for d in doc_ids:
        shared: dict[str, int] = {}
        for h in docs[d].sketch:
            for other in postings.get(h, ()):
                shared[other] = shared.get(other, 0) + 1
        matches = [o for o, n in sorted(shared.items()) if n >= CANDIDATE_SHARED_HASHES
                   and resemblance(docs[o].sketch, docs[d].sketch) >= NEAR_DUPLICATE]
        pairs += [(o, d) for o in matches]
        for h in docs[d].sketch:
            posting = postings.setdefault(h, [])
            if len(posting) < POSTING_CAP:
                posting.append(d)
            else:
                crowded.setdefault(h, list(posting)).append(d)
    return pairs, crowded


def representatives(doc_ids: Sequence[str], docs: dict[str, StoredDocument], groups: Groups) -> list[str]:
    """One document per group so far (the one with the longest entity print) for the translation test."""
    best: dict[str, str] = {}
    for d in doc_ids:
        root = groups.find(d)
        if root not in best or len(docs[d].entities) > len(docs[best[root]].entities):
            best[root] = d
    return sorted(best.values())


def close_in_time(doc_ids: Sequence[str], docs: dict[str, StoredDocument]) -> list[tuple[str, str]]:
    """Pairs published within TRANSLATION_DAYS of each other (or undated): where translations are found."""
    days = {d: day_number(docs[d].published) for d in doc_ids}
    dated = sorted((v, d) for d, v in days.items() if v is not None)
    undated = [d for d, v in days.items() if v is None]
    pairs = [tuple(sorted((a, b))) for i, a in enumerate(undated) for b in [*undated[i + 1:], *(d for _, d in dated)]]
    for i, (va, a) in enumerate(dated):
        for vb, b in dated[i + 1:]:
            if vb - va > TRANSLATION_DAYS:
                break
            pairs.append(tuple(sorted((a, b))))
    return sorted(set(pairs))  # type: ignore[arg-type]


def day_number(published: str | None) -> int | None:
    """The day number of an ISO prefix (a month or year counts from its first day), or None."""
    year, month, day = ((published or "").split("-") + ["1", "1"])[:3]
    try:
        return date(int(year), int(month), int(day)).toordinal()
    except ValueError:
        return None


def print_similarity(a: Sequence[str], b: Sequence[str]) -> tuple[int, float]:
    """Shared bigrams of two entity prints, and their Jaccard similarity."""
    ba, bb = _bigrams(a), _bigrams(b)
    shared = len(ba & bb)
    return shared, shared / max(1, len(ba | bb))


def same_skeleton(a: Sequence[str], b: Sequence[str]) -> str | None:
    """Why two entity prints are one text in two languages (or a rewrite), or None: the same names and figures
    in the same order, or — word order differs between languages — the same bag of them sharing a figure."""
    shared, jaccard = print_similarity(a, b)
    if shared >= SAME_SKELETON_MIN_SHARED and jaccard >= SAME_SKELETON:
        return "same names and figures in the same order"
    both, bag = bag_similarity(a, b)
    figures = sorted(m for m in both if m.startswith("#"))
    if bag >= SAME_BAG and sum(both.values()) >= SAME_BAG_MIN_SHARED and figures:
        return f"same names and figures, reordered; shared figures {', '.join(f[1:] for f in figures)}"
    return None


def bag_similarity(a: Sequence[str], b: Sequence[str]) -> tuple[Counter[str], float]:
    """The marks two entity prints share (with counts) and their multiset Jaccard similarity."""
    ca, cb = Counter(a), Counter(b)
    both = ca & cb
    return both, sum(both.values()) / max(1, sum((ca | cb).values()))


def origin_group(ds: list[str], keys: dict[str, Cited], docs: dict[str, StoredDocument],
                 why: dict[str, list[str]] | None, registry: Registry) -> OriginGroup:
    """The origin of these reports (in id order), named by its original source: a cited institution or person before
    the outlet relaying it, a credited wire before a mere publisher; `why` each report joined it, if anyone asks."""
    first = {keys[d].key: keys[d] for d in reversed(ds)}  # each source once, as the first report spells it
    origin = min(first.values(), key=lambda c: (_rank(c), not _is_wire(c.key[4:], registry), c.key))
    relays = [origin.key[4:]] if origin.key.startswith("src:") else []
    relays += sorted({docs[d].wire for d in ds} - {None, ""})  # type: ignore[arg-type]
    relays += sorted({k[4:] for k in first if k.startswith("src:")})
    relays += sorted({docs[d].publisher for d in ds} - {None, ""})  # type: ignore[arg-type]
    source = next((registry.by_id[r] for r in relays if r in registry.by_id), None)
    joined: tuple[tuple[str, str], ...]
    reasons: tuple[str, ...] = ()
    if why is None:
        joined = tuple(zip(ds, repeat(FIRST_REPORT)))
    else:
        joined = tuple((d, "; ".join(why[d]) or FIRST_REPORT) for d in ds)
        reasons = tuple(sorted({r for d in ds for r in why[d]}))
    return OriginGroup(label=origin.label, source_id=source.id if source else None, documents=tuple(ds),
                       reasons=reasons, key=origin.key, joined=joined)


def _rank(c: Cited) -> int:
    return c.rank if not c.key.startswith("doc:") else 3


def _is_wire(sid: str, registry: Registry) -> bool:
    return sid in registry.by_id and registry.by_id[sid].wire
