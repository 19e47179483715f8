"""Independent origins: which reports of a transfer go back to the same origin.

Three kinds of evidence collapse reports into one origin: (a) near-duplicate texts (a wire story
reprinted or lightly edited), (b) attribution to the same named origin ("The Guardian citing its
sources", in any language) or a wire credit in the text, and (c) translations and rewrites, told by
the sequence of names and numbers they keep. Everything here is pure: documents come in as
StoredDocument prints made at ingest.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from armstrack.kb.loader import KnowledgeBase, Source
from armstrack.lang import lexicons
from armstrack.model import Extraction, OriginGroup, StoredClaim, StoredDocument

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
NEAR_DUPLICATE = 0.3  # estimated Jaccard of word 5-shingles: independent texts score near 0, reprints far above
# translations and rewrites: Jaccard of entity-print bigrams (independent reports on one deal stay under 0.3)
SAME_SKELETON = 0.35
SAME_SKELETON_MIN_SHARED = 5
TRANSLATION_DAYS = 10  # translations and rewrites follow their original within days
CANDIDATE_SHARED_HASHES = 4  # texts at NEAR_DUPLICATE share ~15 of 64 sketch hashes; unrelated ones ~0
POSTING_CAP = 8  # documents indexed per sketch hash: enough to find a group, few enough to stay linear

WORD = re.compile(r"\w+", re.UNICODE)
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
NAMED = re.compile(r"\b[A-Z\u0400-\u042f][\w'’.-]*(?:\s+[A-Z\u0400-\u042f][\w'’.-]*)+")
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
    return sketch(e.document.text), entity_print(e.document.text, e.names)


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two texts from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    k = min(len(a), len(b))
    union = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / k


def entity_print(text: str, names: Sequence[tuple[int, str]]) -> tuple[str, ...]:
    """The language-independent skeleton of a text: its KB names (the extractor's gazetteer hits, as party
    codes and system ids) and its numbers, in order. A translation keeps it; an independent report on the
    same deal does not."""
    marks = list(names)
    marks += [(n.start(), "#" + THOUSANDS.sub("", n.group(0)).replace(",", ".")) for n in NUMBER.finditer(text)]
    return tuple(label for _, label in sorted(marks))


def _bigrams(seq: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(seq, seq[1:], strict=False))


@lru_cache(maxsize=1)
def _leading_article() -> re.Pattern[str]:
    """An article of any registered language opening a name: 'The Guardian', 'Le Monde', 'Der Spiegel'."""
    words = sorted({a for lex in lexicons().values() for a in lex.articles if a.isascii()}, key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\s+")


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    s = _leading_article().sub("", s.strip().lower())
    return re.sub(r"[\W_]+", " ", s).strip()


@dataclass(frozen=True)
class Registry:
    """Source-registry look-ups by name, alias and domain."""

    by_id: dict[str, Source]
    by_name: dict[str, Source]
    by_domain: dict[str, Source]
    wire_credit: re.Pattern[str]  # a credit line naming any wire service; the name resolves via by_name
    parties: dict[str, str]  # folded party or institution name -> party code ("Pentagon" -> USA)

    def find(self, name: str | None = None, url: str | None = None) -> Source | None:
        # "South Front (translated by X)", "Reuters | World News": the outlet is the first part
        for candidate in (name, *(re.split(r"\s*[(|—–]\s*|\s+-\s+", name)[:1] if name else [])):
            if candidate and (s := self.by_name.get(_fold(candidate))):
                return s
        if url:
            host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
            parts = host.split(".")
            for i in range(len(parts) - 1):
                if s := self.by_domain.get(".".join(parts[i:])):
                    return s
        return None


def build_registry(kb: KnowledgeBase) -> Registry:
    by_name: dict[str, Source] = {}
    by_domain: dict[str, Source] = {}
    wire_names: set[str] = set()
    for s in kb.sources.values():
        for n in (s.name, *s.aliases):
            by_name.setdefault(_fold(n), s)
        for d in s.domains:
            by_domain.setdefault(d.lower().removeprefix("www."), s)
        if s.wire:
            wire_names.update({s.name, *s.aliases})
    names = "|".join(re.escape(n) for n in sorted(wire_names, key=len, reverse=True))
    # a credit: "MOSCOW (Reuters) -", "(dpa)", "— AFP", "© AFP" — not a mere mention in a sentence
    credit = re.compile(rf"\(\s*({names})\s*\)|(?:^|[—–©]\s*)({names})\s*(?:$|[—–-]\s)", re.MULTILINE)
    parties = {_fold(n): p.code for p in kb.parties for names in p.names.values() for n in names}
    return Registry(dict(kb.sources), by_name, by_domain, credit, parties)


def wire_credit(text: str, registry: Registry) -> str | None:
    """The registry id of a wire service the text credits in its first or last lines, if any."""
    for m in registry.wire_credit.finditer(text[:300] + "\n" + text[-300:]):
        source = registry.by_name.get(_fold(m.group(1) or m.group(2)))
        if source and source.wire:
            return source.id
    return None


def publisher_key(doc: StoredDocument) -> str:
    return f"src:{doc.publisher}" if doc.publisher else f"doc:{doc.id}"


def attribution_key(claim: StoredClaim, registry: Registry) -> str | None:
    """The origin a claim's attribution names: a registry source, a party, or a named speaker."""
    for name in claim.attributed_to:
        if s := registry.find(name):
            return f"src:{s.id}"
        folded = _fold(name)
        if folded in registry.parties:
            return f"party:{registry.parties[folded]}"
        if runs := NAMED.findall(name):  # "The Guardian", "spokesman Yuriy Ihnat"; not "des sources", "Quellen"
            return f"name:{runs[-1]}"
    return None


class _Groups:
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


def independent_origins(claims: Sequence[StoredClaim], docs: dict[str, StoredDocument],
                        registry: Registry) -> tuple[OriginGroup, ...]:
    """Group the documents behind a transfer's claims by origin; one group = one independent origin."""
    doc_ids = sorted({c.document_id for c in claims if c.document_id in docs})
    groups = _Groups(doc_ids)
    why: dict[str, set[str]] = {d: set() for d in doc_ids}
    keys: dict[str, str] = {}
    for c in sorted(claims, key=lambda c: c.id):
        if c.document_id not in docs:
            continue
        doc = docs[c.document_id]
        key = attribution_key(c, registry) or (f"src:{doc.wire}" if doc.wire else publisher_key(doc))
        keys.setdefault(doc.id, key)
    by_key: dict[str, str] = {}
    for d in doc_ids:
        first = by_key.setdefault(_fold(keys[d]), d)
        if first != d:
            groups.union(first, d)
            why[d].add(_key_reason(keys[d]))
    for a, b in _near_duplicates(doc_ids, docs):
        groups.union(a, b)
        why[b].add(f"near-duplicate text of {a}")
    reps = _representatives(doc_ids, docs, groups)
    for a, b in _close_in_time(reps, docs):
        if groups.find(a) != groups.find(b) and _same_skeleton(docs[a], docs[b]):
            groups.union(a, b)
            kind = "translation" if docs[a].language != docs[b].language else "rewrite"
            why[b].add(f"{kind} of {a} (same names and figures in the same order)")
    members: dict[str, list[str]] = {}
    for d in doc_ids:
        members.setdefault(groups.find(d), []).append(d)
    return tuple(_group(ds, keys, docs, why, registry) for _, ds in sorted(members.items()))


def _near_duplicates(doc_ids: Sequence[str], docs: dict[str, StoredDocument]) -> list[tuple[str, str]]:
    """Near-duplicate pairs, found through an inverted index of sketch hashes that holds each group's first
    documents only: a wire story reprinted a thousand times costs a thousand look-ups, not a million."""
    postings: dict[int, list[str]] = {}
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
    return pairs


def _representatives(doc_ids: Sequence[str], docs: dict[str, StoredDocument], groups: _Groups) -> list[str]:
    """One document per group so far (the one with the longest entity print) for the translation test."""
    best: dict[str, str] = {}
    for d in doc_ids:
        root = groups.find(d)
        if root not in best or len(docs[d].entities) > len(docs[best[root]].entities):
            best[root] = d
    return sorted(best.values())


def _close_in_time(doc_ids: Sequence[str], docs: dict[str, StoredDocument]) -> list[tuple[str, str]]:
    """Pairs published within TRANSLATION_DAYS of each other (or undated): where translations are found."""
    days = {d: _day(docs[d].published) for d in doc_ids}
    dated = sorted((v, d) for d, v in days.items() if v is not None)
    undated = [d for d, v in days.items() if v is None]
    pairs = [tuple(sorted((a, b))) for i, a in enumerate(undated) for b in [*undated[i + 1:], *(d for _, d in dated)]]
    for i, (va, a) in enumerate(dated):
        for vb, b in dated[i + 1:]:
            if vb - va > TRANSLATION_DAYS:
                break
            pairs.append(tuple(sorted((a, b))))
    return sorted(set(pairs))  # type: ignore[arg-type]


def _day(published: str | None) -> int | None:
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


def _same_skeleton(a: StoredDocument, b: StoredDocument) -> bool:
    shared, jaccard = print_similarity(a.entities, b.entities)
    return shared >= SAME_SKELETON_MIN_SHARED and jaccard >= SAME_SKELETON


def _key_reason(key: str) -> str:
    kind, _, name = key.partition(":")
    return {"src": f"same source: {name}", "party": f"same official source: {name}",
            "name": f"same attribution: {name}", "doc": "same document"}[kind]


def _group(ds: list[str], keys: dict[str, str], docs: dict[str, StoredDocument], why: dict[str, set[str]],
           registry: Registry) -> OriginGroup:
    # the group's origin: a credited wire or named source beats a mere publisher
    ranked = sorted({keys[d] for d in ds}, key=lambda k: (not k.startswith(("src:", "party:", "name:")), k))
    wire = next((k for k in ranked if k.startswith("src:") and _is_wire(k[4:], registry)), None)
    key = wire or ranked[0]
    kind, _, name = key.partition(":")
    source = (registry.by_id.get(name) or registry.by_name.get(_fold(name))) if kind == "src" else None
    label = source.name if source else (name if kind != "doc" else f"document {name}")
    reasons = tuple(sorted({r for d in ds for r in why[d]}))
    return OriginGroup(label=label, source_id=source.id if source else None, documents=tuple(ds), reasons=reasons)


def _is_wire(sid: str, registry: Registry) -> bool:
    return sid in registry.by_id and registry.by_id[sid].wire
