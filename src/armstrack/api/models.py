"""The shapes of the API's answers, for the OpenAPI document: a generated client gets typed objects, not bare
dicts. Answers are rows the store already shaped (routes.RowsJSON serialises them without validation);
tests/test_api_models.py checks that every answer has exactly the fields its model declares."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status code, repeated")
    message: str = Field(description="One line saying what is wrong")


class Error(BaseModel):
    """Every API error, 4xx and 5xx alike."""

    error: ErrorDetail


class Quantity(BaseModel):
    value: float
    qualifier: str = Field(description="exact, approx, at_least, at_most or range")
    max: float | None = Field(default=None, description="range: its upper end")


class StageEvent(BaseModel):
    """A stage at one date, quoting one claim, with that claim's own quantity."""

    stage: str
    when: str | None = Field(description="ISO-8601 prefix or interval (2022-11, 2022/2024, 2022-11/..); null when "
                                          "no report dates it")
    claim_id: str | None = Field(default=None, description="The claim quoted")
    quantity: Quantity | None = Field(default=None, description="The quoted claim's quantity")
    others: list[str] = Field(default_factory=list, description="Other claims of this stage at this date")


class Origin(BaseModel):
    """One independent origin: reports that are reprints, translations or citations of one another."""

    label: str
    source_id: str | None
    documents: list[str]
    reasons: list[str]
    key: str = Field(default="", description="The origin's identity: the source it resolves to, or the first report")
    joined: dict[str, str] = Field(default_factory=dict, description="Why each report joined this origin")


class TransferSummary(BaseModel):
    id: str
    supplier: str | None = Field(description="ISO3 code or ORG:Name; null when unknown")
    recipient: str | None
    item: str
    category: str
    items: list[str] = Field(description="Every name the reports use for the item")
    stage: str = Field(description="Furthest stage reported")
    quantity_min: float | None
    quantity_max: float | None
    first_reported: str | None
    last_reported: str | None
    reports: int
    independent_origins: int
    reliability: str = Field(description="Admiralty letter A–F of the grade the transfer has")
    credibility: int = Field(description="Admiralty digit 1–6 of the grade the transfer has")
    computed_grade: str = Field(description="The computed grade, as E4, whatever an analyst set")
    regrade_judgement: int | None = Field(description="The judgement that set an analyst's grade, if any")
    probability: float = Field(description="The computed grade's probability")
    rejected: bool
    grade: str = Field(description="The grade the transfer has: an analyst's, else the computed one, as B2")


class Claim(BaseModel):
    """One (supplier, recipient, item) statement inside one report, with its evidence."""

    id: str
    document_id: str
    supplier: str | None
    recipient: str | None
    item: str
    system_id: str | None
    category: str
    item_mentions: list[str]
    quantity_value: float | None
    quantity_qualifier: str | None
    quantity_max: float | None
    stage: str
    status: str = Field(description="asserted, reported, unconfirmed or denied")
    period: str | None
    attributed_to: list[str]
    evidence: str
    evidence_spans: list[list[int]] = Field(description="[start, end) character offsets in the document text")
    route: str | None
    carrier: str | None
    confidence: float
    extractor_version: str
    denied_by: list[str] | None = Field(default=None, description="The parties whose denial covers the claim")
    denial: str | None = Field(default=None, description="The denying party's words")
    url: str | None
    published: str | None
    language: str
    source_name: str | None
    publisher: str | None
    transfer_id: str | None = Field(default=None, description="The transfer the claim belongs to")


class GradeChange(BaseModel):
    id: int
    transfer_id: str
    grade: str = Field(description="The grade the transfer had: an analyst's, else the computed one")
    computed_grade: str | None = Field(description="The computed grade (unknown for rows from before 0012)")
    regrade_judgement: int | None = Field(description="The judgement that set an analyst's grade, if any")
    probability: float = Field(description="The computed grade's probability")
    explanation: list[str] = Field(description="Why the computed grade")
    reports: int
    independent_origins: int
    computed: str


class TransferDetail(TransferSummary):
    timeline: list[StageEvent]
    origins: list[Origin]
    explanation: list[str] = Field(description="Why the computed grade")
    claim_ids: list[str]
    joins: list[str] = Field(default_factory=list, description="Why claims of another item joined the transfer")
    claims: list[Claim]
    history: list[GradeChange] = Field(description="Grades the transfer had, oldest first")


class OriginReport(BaseModel):
    id: str
    source: str | None
    language: str
    published: str | None
    url: str | None
    joined: str = Field(description="Why the report joined its origin")


class OriginGroup(BaseModel):
    label: str
    key: str
    source_id: str | None
    carried_by: str | None = Field(description="The outlet that carried the origin's claim, when it cites a source")
    documents: list[OriginReport]


class OriginJudgement(BaseModel):
    id: int
    action: str
    changes: dict[str, Any] | None
    author: str
    reason: str


class Origins(BaseModel):
    """A transfer's independent origins, each report in one, and the analyst judgements on them."""

    transfer: str
    supplier: str | None
    recipient: str | None
    item: str
    reports: int
    independent_origins: int
    origins: list[OriginGroup]
    joins: list[str]
    judgements: list[OriginJudgement]


class OriginJudged(BaseModel):
    judgement: int


class DocumentSummary(BaseModel):
    id: str
    url: str | None
    language: str
    published: str | None
    fetched: str | None
    source_name: str | None
    publisher: str | None
    note: str | None
    claims: int = Field(description="How many claims the document holds")
    snippet: str = Field(description="The start of the text, or (with q) the text around the first hit")


class Source(BaseModel):
    id: str
    name: str
    domains: list[str]
    country: str | None
    wire: bool
    state_affiliated: bool
    sanctioned: bool
    reliability: str


class DocumentDetail(BaseModel):
    id: str
    content_hash: str
    url: str | None
    language: str
    published: str | None
    fetched: str | None
    source_name: str | None
    publisher: str | None
    text: str
    extractor_version: str
    note: str | None
    wire: str | None
    claims: list[Claim]
    source: Source | None


class Judgement(BaseModel):
    id: int
    action: str
    transfer_id: str
    other_id: str | None
    claim_ids: list[str]
    changes: dict[str, Any] | None
    author: str
    reason: str
    created: str
    undone: str | None


class PageInfo(BaseModel):
    total: int = Field(description="How many match, counted up to 1,000 (which then means 1,000 or more)")
    limit: int
    offset: int
    next: str | None = Field(description="The URL of the next page (also in the Link header); null on the last")
    prev: str | None = Field(description="The URL of the previous page; null on the first")


class TransferPage(PageInfo):
    items: list[TransferSummary]


class ClaimPage(PageInfo):
    items: list[Claim]


class ReviewClaim(Claim):
    """A claim in the review queue, with what rejecting it would do to its transfer's grade."""

    impact: float | None = Field(description="How far rejecting it would move its transfer's probability")
    grade_without: str | None = Field(description="The grade its transfer would have without it (\"\": none left)")
    reliability: str | None
    credibility: int | None
    probability: float | None = Field(description="Its transfer's probability now")


class ReviewPage(PageInfo):
    items: list[ReviewClaim]


class MergeCandidate(BaseModel):
    """A transfer of the same pair that may be the same transfer, and why (features and their weights)."""

    transfer: TransferSummary
    score: float
    reasons: list[str]


class DocumentPage(PageInfo):
    items: list[DocumentSummary]


class Ingested(BaseModel):
    id: str
    stored: int
    unchanged: int
    claims: int


class Judged(BaseModel):
    judgement: int = Field(description="The judgement's id (undo it with POST /api/judgements/{id}/undo)")


class Undone(BaseModel):
    undone: int
