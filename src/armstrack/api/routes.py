"""REST API under /api: documents, claims, transfers and sources with filters, paging and sorting; POST
endpoints for ingest and review actions. Every error has one JSON shape (see errors.error_body)."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from armstrack.api.auth import Principal, Sessions
from armstrack.api.downloads import export_response
from armstrack.api.params import (
    Blank,
    CategoryParam,
    DateParam,
    Filters,
    StageParam,
    Text,
    enum_value,
)
from armstrack.app import Armstrack
from armstrack.errors import ArmstrackError
from armstrack.export.registry import FORMATS
from armstrack.extract.document import Extractor
from armstrack.model import Status
from armstrack.sources.files import document_from_record
from armstrack.store.queries import TRANSFER_SORTS, ClaimFilter

Sort = StrEnum("Sort", {f"{d}{k}": f"{d}{k}" for k in TRANSFER_SORTS for d in ("", "-")})  # type: ignore[misc]
ExportFormat = StrEnum("ExportFormat", {f: f for f in FORMATS})  # type: ignore[misc]
ExportWhat = StrEnum("ExportWhat", {"transfers": "transfers", "claims": "claims"})  # type: ignore[misc]
Limit = Annotated[int, Query(ge=1, le=500)]
JudgementId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int = Field(description="how many match, counted up to 1,000 (which then means 'or more')")
    limit: int
    offset: int


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    id: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    source_name: str | None = Field(default=None, max_length=300)
    language: str | None = Field(default=None, max_length=10)


class ClaimReviewIn(BaseModel):
    action: str = Field(pattern="^(accept|reject|edit)$")
    changes: dict[str, Any] = Field(default={}, description="edit: new values for supplier, recipient, item, "
                                                            "category, stage, status, when, quantity")
    reason: str = Field(default="", max_length=2000)


class JudgementIn(BaseModel):
    action: str = Field(pattern="^(merge|split|accept|reject|regrade)$")
    grade: str | None = Field(default=None, pattern=r"^[A-Fa-f][1-6]$", description="regrade: e.g. B2")
    other: str | None = Field(default=None, max_length=16, description="merge: the transfer merged into this one")
    claims: list[str] = Field(default=[], max_length=10_000, description="split: the claims to move out")
    reason: str = Field(default="", max_length=2000)


async def viewer(request: Request) -> Principal:
    """On the event loop: a signature check and one indexed read, shorter than a hop to the thread pool."""
    sessions: Sessions = request.app.state.sessions
    return sessions.check(request, "viewer")


async def analyst(request: Request) -> Principal:
    sessions: Sessions = request.app.state.sessions
    return sessions.check(request, "analyst")


Viewer = Annotated[Principal, Depends(viewer)]
Analyst = Annotated[Principal, Depends(analyst)]


class RowsJSON(JSONResponse):
    """JSON of plain rows, dates as ISO strings; rows are already shaped, so no model validation runs."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=_iso, separators=(",", ":")).encode("utf-8")


def _iso(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> Response:
    return RowsJSON({"items": items, "total": total, "limit": limit, "offset": offset})


def router(core: Armstrack) -> APIRouter:
    api = APIRouter(prefix="/api")

    @api.get("/transfers", response_model=Page, summary="Transfers, filtered, sorted and paged")
    async def transfers(_: Viewer, filters: Filters, rejected: bool = False, sort: Sort = Sort["-probability"],
                        limit: Limit = 50, offset: Offset = 0) -> Response:
        f = filters.filter(include_rejected=rejected, sort=str(sort.value), limit=limit, offset=offset)
        kept = core.kept_listing(f)  # a page in memory is served on the event loop; a query goes to a thread
        return page(*(kept if kept is not None else await run_in_threadpool(core.listing, f)), limit, offset)

    @api.get("/export", summary="Transfers or their claims as csv, jsonl, parquet, graphml, ftm or sipri")
    def export(_: Viewer, filters: Filters, format: ExportFormat = ExportFormat["csv"],
               what: ExportWhat = ExportWhat["transfers"]) -> Response:
        return export_response(core, str(format.value), "claims" if what.value == "claims" else "transfers",
                               filters.filter())

    @api.get("/transfers/{transfer_id}", response_model=dict[str, Any],
             summary="One transfer: timeline, origins, grade history, claims")
    def transfer(transfer_id: str, _: Viewer) -> Response:
        return RowsJSON(core.transfer(transfer_id))  # plain rows: no model validation of hundreds of claims

    @api.get("/claims", response_model=Page, summary="Claims, filtered and paged")
    def claims(_: Viewer, supplier: Text = None, recipient: Text = None, item: Text = None,
               category: CategoryParam = None, stage: StageParam = None,
               status: Annotated[Status | None, Blank, Query()] = None,
               language: Annotated[str | None, Query(max_length=8)] = None,
               since: DateParam = None, until: DateParam = None, q: Text = None,
               limit: Limit = 50, offset: Offset = 0) -> Response:
        f = ClaimFilter(supplier=supplier, recipient=recipient, item=item, category=enum_value(category),
                        stage=enum_value(stage), status=enum_value(status), language=language, since=since, until=until,
                        text=q, limit=limit, offset=offset)
        items, total = core.claims(f)
        return page(items, total, limit, offset)

    @api.get("/claims/{claim_id}", summary="One claim with its document's metadata")
    def claim(claim_id: str, _: Viewer) -> dict[str, Any]:
        return core.claim(claim_id)

    @api.get("/documents", response_model=Page, summary="Documents, newest first")
    def documents(_: Viewer, language: Annotated[str | None, Query(max_length=8)] = None, q: Text = None,
                  limit: Limit = 50, offset: Offset = 0) -> Response:
        items, total = core.documents(language, q, limit, offset)
        return page(items, total, limit, offset)

    @api.get("/documents/{document_id:path}", response_model=dict[str, Any],
             summary="One document: text, claims, publisher flags")
    def document(document_id: str, _: Viewer) -> Response:
        return RowsJSON(core.document(document_id))

    @api.get("/sources", summary="The source registry as stored")
    def sources(_: Viewer) -> list[dict[str, Any]]:
        return core.sources()

    @api.get("/judgements", summary="Every judgement, undone ones included")
    def judgements(_: Viewer) -> list[dict[str, Any]]:
        return core.judgements()

    @api.post("/documents", status_code=201, summary="Extract and store one document")
    def ingest(body: DocumentIn, _: Analyst) -> dict[str, Any]:
        doc = document_from_record(body.model_dump(exclude_none=True), "api")
        report = core.ingest([doc], Extractor())
        if report.failures:
            raise ArmstrackError(report.failures[0].reason)
        return {"id": doc.id, "stored": report.documents, "unchanged": report.unchanged, "claims": report.claims}

    @api.post("/transfers/{transfer_id}/judgements", status_code=201, summary="Merge, split, accept, reject or regrade")
    def judge(transfer_id: str, body: JudgementIn, who: Analyst) -> dict[str, Any]:
        jid = core.judge(body.action, transfer_id, body.other, body.claims, who.name, body.reason, body.grade)
        return {"judgement": jid}

    @api.post("/claims/{claim_id}/judgements", status_code=201, summary="Accept, reject or edit a claim")
    def review(claim_id: str, body: ClaimReviewIn, who: Analyst) -> dict[str, Any]:
        jid = core.judge_claim(f"{body.action}_claim", claim_id, body.changes, who.name, body.reason)
        return {"judgement": jid}

    @api.get("/review", response_model=Page, summary="Claims not yet reviewed, least confident first")
    def queue(_: Viewer, limit: Limit = 50, offset: Offset = 0) -> Response:
        items, total = core.review_queue(limit, offset)
        return page(items, total, limit, offset)

    @api.post("/judgements/{judgement_id}/undo", summary="Undo a judgement")
    def undo(judgement_id: JudgementId, _: Analyst) -> dict[str, Any]:
        core.undo(judgement_id)
        return {"undone": judgement_id}

    return api
