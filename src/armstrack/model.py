"""The records every stage shares: documents, claims and their JSON form (SCHEMA.md v1)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Stage(StrEnum):
    DELIVERED = "delivered"
    ORDERED = "ordered"
    AGREED = "agreed"
    NEGOTIATING = "negotiating"
    PLANNED = "planned"
    OFFERED = "offered"
    LICENSED_PRODUCTION = "licensed_production"
    TECHNOLOGY_TRANSFER = "technology_transfer"


# How far along a transfer is; a claim keeps the furthest stage its document asserts.
STAGE_ORDER = {
    Stage.OFFERED: 0,
    Stage.NEGOTIATING: 1,
    Stage.PLANNED: 2,
    Stage.AGREED: 3,
    Stage.ORDERED: 4,
    Stage.TECHNOLOGY_TRANSFER: 5,
    Stage.LICENSED_PRODUCTION: 6,
    Stage.DELIVERED: 7,
}


class Status(StrEnum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    UNCONFIRMED = "unconfirmed"
    DENIED = "denied"


# When one triple carries several statuses the strongest doubt wins (SCHEMA: denied beats reported).
STATUS_ORDER = {Status.ASSERTED: 0, Status.REPORTED: 1, Status.UNCONFIRMED: 2, Status.DENIED: 3}

CATEGORIES = (
    "aircraft", "helicopter", "uav", "loitering_munition", "missile", "air_defence", "artillery",
    "ammunition", "armoured_vehicle", "ship", "small_arms", "sensor", "electronic_warfare", "engine",
    "technology", "other",
)

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")


@dataclass(frozen=True)
class Quantity:
    value: float
    qualifier: str = "exact"
    max: float | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": _num(self.value), "qualifier": self.qualifier}
        if self.max is not None:
            out["max"] = _num(self.max)
        return out


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def web_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address, else None: a `javascript:` or `data:` "source" is no source."""
    if not url:
        return None
    url = url.strip()
    return url if url.lower().startswith(("http://", "https://")) and len(url) > 8 else None


MAX_ID = 200  # characters of a document id (and of a publisher name) the store keeps
UNSTORABLE = re.compile("\x00|([\ud800-\udfff])")  # NUL (PostgreSQL refuses it) and lone surrogates (no UTF-8)


def storable(value: str) -> str:
    """The text without NUL characters, and with U+FFFD for each lone surrogate (from a JSON escape)."""
    return UNSTORABLE.sub(lambda m: "\ufffd" if m.group(1) else "", value)


def bounded_id(value: str) -> str:
    """An id of at most MAX_ID characters: a longer one keeps its start and ends with its own SHA-1, so it
    stays the same from run to run and distinct from every other."""
    if len(value) <= MAX_ID:
        return value
    return value[:MAX_ID - 41] + "~" + hashlib.sha1(value.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class ReadFailure:
    """An input that gave no document (unreadable, unfetchable, or its extraction failed): where it came from, and
    why in one line that names it."""

    origin: str
    reason: str

    @property
    def kind(self) -> str:
        """The reason without the origin and the details in brackets: "invalid JSON", "empty text"…"""
        why = self.reason.removeprefix(f"{self.origin}: ")
        return re.sub(r"\s*\(.*", "", why).strip() or why


@dataclass(frozen=True)
class Document:
    """One input text with its metadata; `id` is the given id or, if none or blank, a content hash. Every reader's
    documents are normalised here, so both stores take them alike: no NUL or lone surrogate in any field, the id and
    the publisher name bounded to MAX_ID characters, and a URL only when it is an http(s) address."""

    text: str
    id: str = ""
    url: str | None = None
    language: str | None = None
    published: str | None = None
    source_name: str | None = None
    origin: str = ""  # where it was read from (path, 'stdin', …), for error messages

    def __post_init__(self) -> None:
        for name in ("text", "id", "url", "language", "published", "source_name"):
            value = getattr(self, name)
            if isinstance(value, str) and UNSTORABLE.search(value):
                object.__setattr__(self, name, storable(value))
        # an id that normalising leaves blank (a lone NUL, spaces) is no id: the content names the document
        object.__setattr__(self, "id", bounded_id(self.id) if self.id.strip() else self.content_id(self.text))
        object.__setattr__(self, "url", web_url(self.url))  # a `javascript:` or `data:` link is no source
        if self.source_name is not None and len(self.source_name) > MAX_ID:
            object.__setattr__(self, "source_name", self.source_name[:MAX_ID])

    @staticmethod
    def content_id(text: str) -> str:
        return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Claim:
    """One (supplier, recipient, item) statement inside one document."""

    supplier: str | None
    recipient: str | None
    item: str
    category: str
    item_mentions: list[str] = field(default_factory=list)
    quantity: Quantity | None = None
    stage: Stage = Stage.DELIVERED
    status: Status = Status.ASSERTED
    when: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    evidence_spans: list[tuple[int, int]] = field(default_factory=list)
    route: str | None = None
    carrier: str | None = None
    confidence: float = 0.5
    system_id: str | None = None  # KB id when the item is a known designation
    sentences: list[int] = field(default_factory=list)  # indices of the evidence sentences
    # a denial covering the claim: the denying parties and the span of their words (the grade quotes them)
    denial: tuple[tuple[str, ...], tuple[int, int]] | None = None

    def key(self) -> tuple[str | None, str | None, str]:
        return (self.supplier, self.recipient, self.item)

    def claim_id(self, doc_id: str) -> str:
        raw = "|".join([doc_id, self.supplier or "", self.recipient or "", self.item])
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_json(self, text: str, doc_id: str) -> dict[str, Any]:
        spans = sorted(set(self.evidence_spans))
        return {
            "id": self.claim_id(doc_id),
            "supplier": self.supplier,
            "recipient": self.recipient,
            "item": self.item,
            "item_mentions": list(dict.fromkeys(self.item_mentions)),
            "category": self.category,
            "quantity": self.quantity.to_json() if self.quantity else None,
            "stage": self.stage.value,
            "status": self.status.value,
            "when": self.when,
            "attributed_to": list(dict.fromkeys(self.attributed_to)),
            "evidence": " ".join(text[a:b] for a, b in spans),
            "evidence_spans": [list(s) for s in spans],
            "route": self.route,
            "carrier": self.carrier,
            "confidence": round(self.confidence, 2),
        }


@dataclass
class Extraction:
    """The output for one document: its metadata, claims, and why it gave none if so."""

    document: Document
    language: str
    claims: list[Claim]
    note: str | None = None
    names: tuple[tuple[int, str], ...] = ()  # gazetteer hits: (offset, system id or party code)

    def to_json(self) -> dict[str, Any]:
        d = self.document
        return {
            "id": d.id,
            "url": d.url,
            "language": self.language,
            "published": d.published,
            "source_name": d.source_name,
            "claims": [c.to_json(d.text, d.id) for c in self.claims],
        }

    def to_json_line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


@dataclass(frozen=True)
class StoredClaim:
    """A claim as the store holds it, with what the transfer stage needs of its document."""

    id: str
    document_id: str
    supplier: str | None
    recipient: str | None
    item: str
    category: str
    system_id: str | None
    quantity: Quantity | None
    stage: Stage
    status: Status
    when: str | None
    attributed_to: tuple[str, ...]
    evidence: str
    published: str | None  # the document's publication date (ISO prefix)
    language: str
    denied_by: tuple[str, ...] = ()  # the parties whose denial covers the claim
    denial: str | None = None  # their words, verbatim


@dataclass(frozen=True)
class StoredDocument:
    """What origin detection needs of a stored document: its publisher and text prints."""

    id: str
    publisher: str | None  # source registry id when known, else the name as given
    url: str | None
    language: str
    published: str | None
    sketch: tuple[int, ...]  # bottom-k hashes of word shingles (near-duplicate texts)
    entities: tuple[str, ...]  # KB names and numbers in text order (translations keep them)
    wire: str | None  # registry id of a wire service credited in the text ("(Reuters)")


@dataclass(frozen=True)
class OriginGroup:
    """Documents that all go back to one origin (a wire story and its reprints, 'X citing Y')."""

    label: str  # the original source, in one canonical form ("National Intelligence Service (KOR)", "Reuters")
    source_id: str | None  # the registry source carrying it (the origin itself, else the outlet relaying it)
    documents: tuple[str, ...]
    reasons: tuple[str, ...]
    key: str = ""  # the origin's identity ("party:KOR/…", "src:reuters", "name:…")
    joined: tuple[tuple[str, str], ...] = ()  # (document id, why it joined this group)


@dataclass(frozen=True)
class Grade:
    """NATO Admiralty grade: source reliability A–F and information credibility 1–6, each with reasons."""

    reliability: str
    credibility: int
    probability: float
    reasons: tuple[str, ...]

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"


@dataclass(frozen=True)
class Regrade:
    """An analyst's Admiralty grade for a transfer, set by a live judgement."""

    grade: str  # "A1"
    judgement: int


# the actions of a Judgement: on transfers, on a transfer's origins (an analyst's reading of them), on claims (unsure:
# seen, kept in the log); and the fields of a claim an edit may change
ACTIONS = ("merge", "split", "accept", "reject", "regrade")
ORIGIN_ACTIONS = ("join_origins", "split_origin")
CLAIM_ACTIONS = ("accept_claim", "reject_claim", "edit_claim", "unsure_claim")
EDITABLE = ("supplier", "recipient", "item", "category", "stage", "status", "when", "quantity")


@dataclass(frozen=True)
class Judgement:
    """An analyst's decision, replayed over the automatic clusters; `claim_ids` are those it was about."""

    id: int
    action: str  # one of ACTIONS, ORIGIN_ACTIONS, CLAIM_ACTIONS
    transfer_id: str
    other_id: str | None  # merge: the transfer merged into transfer_id
    claim_ids: tuple[str, ...]
    changes: tuple[tuple[str, Any], ...] = ()  # edit_claim: (field, new value) pairs

    def pairs(self) -> set[tuple[str, str]]:
        """(supplier, recipient) pairs an edit moves its claim into ('' for unknown)."""
        edits = dict(self.changes)
        if "supplier" not in edits and "recipient" not in edits:
            return set()
        return {(edits.get("supplier") or "", edits.get("recipient") or "")}


@dataclass(frozen=True)
class StageEvent:
    """One stage at one date: the quote of one claim and that claim's own quantity, never another's."""

    stage: Stage
    when: str | None  # the period the claims give ("2022-11", "2022/.."), else their publication date; None: unknown
    claim_id: str  # the claim quoted
    quantity: Quantity | None  # the quoted claim's quantity
    others: tuple[str, ...] = ()  # other claims of this stage at this date (more reports of it)


@dataclass(frozen=True)
class Impact:
    """What rejecting one claim would do to its transfer: the review queue shows the claims that move a grade most
    first."""

    claim_id: str
    delta: float  # the transfer's probability with the claim minus without it
    grade_without: str  # the grade left ("" when the claim is the transfer's only one)


@dataclass(frozen=True)
class Transfer:
    """Claims of one supplier, recipient and item family, merged across reports."""

    id: str
    supplier: str | None
    recipient: str | None
    item: str
    category: str
    items: tuple[str, ...]  # the designations the claims name (variants of the family)
    stage: Stage
    timeline: tuple[StageEvent, ...]
    quantity_min: float | None
    quantity_max: float | None
    first_reported: str | None
    last_reported: str | None
    reports: int
    independent_origins: int
    origins: tuple[OriginGroup, ...]
    grade: Grade  # the computed grade, whatever an analyst says
    claim_ids: tuple[str, ...]
    rejected: bool = False
    joins: tuple[str, ...] = ()  # why claims of another item joined it (a generic reading of its item)
    regrade: Regrade | None = None  # an analyst's grade, which overrides the computed one

    @property
    def effective_grade(self) -> str:
        """The grade the transfer has: the analyst's when one is set, else the computed one. What the store's
        reliability and credibility columns hold, so the list, its sort, filters, exports and history agree."""
        return self.regrade.grade if self.regrade else self.grade.code
    impacts: tuple[Impact, ...] = ()  # per claim, what rejecting it would do to the grade
