"""REST API under /api: documents, claims, transfers and sources with filters, paging and sorting; POST
endpoints for ingest and review actions. Every error has one JSON shape (see errors.error_body).

The OpenAPI document describes it for generated clients: a typed model per answer (models.py), operation ids
named after the functions below (list_transfers, get_transfer), the bearer token and session cookie as
security schemes, the error shape on every 4xx, the export's media types, and paged lists whose `next`/`prev`
URLs are also in an RFC 8288 Link header."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, Security
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, StringConstraints

from armstrack.api import models
from armstrack.api.auth import SESSION_COOKIE, Principal, Sessions
from armstrack.api.downloads import MEDIA, export_response
from armstrack.api.params import (
    Blank,
    CategoryParam,
    DateParam,
    DocumentFilters,
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
from armstrack.store.fulltext import Query as FullText
from armstrack.store.fulltext import parse, snippet
from armstrack.store.queries import DEFAULT_SORT, TRANSFER_SORTS, ClaimFilter, ReviewFilter

Sort = StrEnum("Sort", {f"{d}{k}": f"{d}{k}" for k in TRANSFER_SORTS for d in ("", "-")})  # type: ignore[misc]
ExportFormat = StrEnum("ExportFormat", {f: f for f in FORMATS})  # type: ignore[misc]
ExportWhat = StrEnum("ExportWhat", {"transfers": "transfers", "claims": "claims"})  # type: ignore[misc]
Limit = Annotated[int, Query(ge=1, le=500)]
JudgementId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
ExcelParam = Annotated[bool, Query(description="csv only: start with a UTF-8 byte-order mark, which Excel needs to "
                                               "read the file as UTF-8")]


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    id: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    source_name: str | None = Field(default=None, max_length=300)
    language: str | None = Field(default=None, max_length=10)


class ClaimReviewIn(BaseModel):
    action: str = Field(pattern="^(accept|reject|unsure|edit)$", description="unsure: seen, no decision yet")
    changes: dict[str, Any] = Field(default={}, description="edit: new values for supplier, recipient, item, "
                                                            "category, stage, status, when, quantity")
    reason: str = Field(default="", max_length=2000)


class ClaimsReviewIn(ClaimReviewIn):
    claims: list[str] = Field(min_length=1, max_length=1000, description="the claims judged, in one judgement")


class OriginJudgementIn(BaseModel):
    action: str = Field(pattern="^(join_origins|split_origin)$")
    documents: list[str] = Field(min_length=1, max_length=10_000, description="the documents joined or split off")
    reason: str = Field(default="", max_length=2000)


class JudgementIn(BaseModel):
    action: str = Field(pattern="^(merge|split|accept|reject|regrade)$")
    grade: str | None = Field(default=None, pattern=r"^[A-Fa-f][1-6]$", description="regrade: e.g. B2")
    other: str | None = Field(default=None, max_length=16, description="merge: the transfer merged into this one")
    claims: list[str] = Field(default=[], max_length=10_000, description="split: the claims to move out")
    reason: str = Field(default="", max_length=2000)


# Declared for the OpenAPI document (a client sends one or the other); Sessions reads the request itself.
bearer = HTTPBearer(auto_error=False, scheme_name="token",
                    description="An API token (`armstrack user token NAME`): read-only, whatever the user's role")
cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, scheme_name="session",
                      description="The browser session of a signed-in user; POST needs its X-CSRF-Token too")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
SessionCookie = Annotated[str | None, Security(cookie)]


async def viewer(request: Request, _token: Credentials, _session: SessionCookie) -> Principal:
    """On the event loop: a signature check and one indexed read (for a token, one per TOKEN_SECONDS), shorter than a
    hop to the thread pool."""
    sessions: Sessions = request.app.state.sessions
    return sessions.check(request, "viewer")


async def analyst(request: Request, _token: Credentials, _session: SessionCookie) -> Principal:
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


def page(request: Request, items: list[dict[str, Any]], total: int, limit: int, offset: int) -> Response:
    """A page of rows with the URLs of the pages before and after it, in the body and in a Link header."""
    links = {"next": request.url.include_query_params(offset=offset + limit) if offset + limit < total else None,
             "prev": request.url.include_query_params(offset=max(offset - limit, 0)) if offset > 0 else None}
    body = {"items": items, "total": total, "limit": limit, "offset": offset} | {
        rel: str(url) if url else None for rel, url in links.items()}
    header = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)
    return RowsJSON(body, headers={"Link": header} if header else None)


def document_summary(row: dict[str, Any], query: FullText | None) -> dict[str, Any]:
    """A listed document as the API gives it: its text cut to a snippet (around the first hit of a search)."""
    cut = snippet(row["text"], query) if query else [(row["text"], False)]
    return {k: v for k, v in row.items() if k != "text"} | {"snippet": "".join(piece for piece, _ in cut)}


def operation_id(route: APIRoute) -> str:
    """A route's OpenAPI operation id: its function's name (list_transfers, get_transfer)."""
    return route.name


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": models.Error, "description": text} for status, text in (
        (400, "The request cannot be carried out (one line says why)"),
        (401, "No valid session or API token"),
        (403, "Not allowed: a viewer's role, an API token (read-only) or a missing CSRF token"),
        (404, "No such transfer, claim, document or judgement"),
        (422, "A parameter or body field is invalid"),
    )}
BINARY = {"schema": {"type": "string", "format": "binary"}}
EXPORT_RESPONSE: dict[int | str, dict[str, Any]] = {200: {
    "description": "The export as a file (Content-Disposition: attachment)",
    "content": {media.split(";")[0]: BINARY for media in sorted(set(MEDIA.values()))}}}


def router(core: Armstrack) -> APIRouter:
    api = APIRouter(prefix="/api", generate_unique_id_function=operation_id, responses=ERRORS)

    @api.get("/transfers", response_model=models.TransferPage, summary="Transfers, filtered, sorted and paged")
    async def list_transfers(request: Request, _: Viewer, filters: Filters, rejected: bool = False,
                             sort: Sort = Sort[DEFAULT_SORT], limit: Limit = 50, offset: Offset = 0) -> Response:
        f = filters.filter(include_rejected=rejected, sort=str(sort.value), limit=limit, offset=offset)
        version = core.store_version()  # one quick read: a page in memory is served on the event loop
        kept = core.kept_listing(f, version)
        rows, total = kept if kept is not None else await run_in_threadpool(core.listing, f, version)
        return page(request, rows, total, limit, offset)

    @api.get("/export", response_class=Response, responses=EXPORT_RESPONSE,
             summary="Transfers or their claims as csv, jsonl, parquet, graphml, ftm or sipri")
    def export_transfers(_: Viewer, filters: Filters, format: ExportFormat = ExportFormat["csv"],
                         what: ExportWhat = ExportWhat["transfers"], excel: ExcelParam = False) -> Response:
        return export_response(core, str(format.value), "claims" if what.value == "claims" else "transfers",
                               filters.filter(), excel)

    @api.get("/transfers/{transfer_id}", response_model=models.TransferDetail,
             summary="One transfer: timeline, origins, grade history, claims")
    def get_transfer(transfer_id: str, _: Viewer) -> Response:
        return RowsJSON(core.transfer(transfer_id))

    @api.get("/transfers/{transfer_id}/origins", response_model=models.Origins,
             summary="A transfer's independent origins and why each report joined")
    def get_origins(transfer_id: str, _: Viewer) -> dict[str, Any]:
        return core.origins(transfer_id)

    @api.post("/transfers/{transfer_id}/origins/judgements", status_code=201, response_model=models.OriginJudged,
              summary="Join the origins of some reports, or split some reports off into an origin of their own")
    def judge_origins(transfer_id: str, body: OriginJudgementIn, who: Analyst) -> dict[str, Any]:
        return {"judgement": core.judge_origins(body.action, transfer_id, body.documents, who.name, body.reason)}

    @api.get("/claims", response_model=models.ClaimPage, summary="Claims, filtered and paged")
    def list_claims(request: Request, _: Viewer, supplier: Text = None, recipient: Text = None, item: Text = None,
               category: CategoryParam = None, stage: StageParam = None,
               status: Annotated[Status | None, Blank, Query()] = None,
               language: Annotated[str | None, Query(max_length=8)] = None,
               since: DateParam = None, until: DateParam = None, q: Text = None,
               match: Annotated[Annotated[str, StringConstraints(max_length=200)] | None, Blank, Query(
                   description='full text in the quote: words (all of them), "a phrase", prefix*')] = None,
               limit: Limit = 50, offset: Offset = 0) -> Response:
        f = ClaimFilter(supplier=supplier, recipient=recipient, item=item, category=enum_value(category),
                        stage=enum_value(stage), status=enum_value(status), language=language, since=since, until=until,
                        text=q, query=parse(match) if match else None, limit=limit, offset=offset)
        items, total = core.claims(f)
        return page(request, items, total, limit, offset)

    @api.get("/claims/{claim_id}", response_model=models.Claim, summary="One claim with its document's metadata")
    def get_claim(claim_id: str, _: Viewer) -> Response:
        return RowsJSON(core.claim(claim_id))

    @api.get("/documents", response_model=models.DocumentPage,
             summary="Documents, newest first; full-text search with a snippet around the first hit")
    def list_documents(request: Request, _: Viewer, filters: DocumentFilters, limit: Limit = 50,
                       offset: Offset = 0) -> Response:
        f = filters.filter(limit=limit, offset=offset)
        items, total = core.documents(f)
        return page(request, [document_summary(d, f.query) for d in items], total, limit, offset)

    @api.get("/documents/{document_id:path}", response_model=models.DocumentDetail,
             summary="One document: text, claims, publisher flags")
    def get_document(document_id: str, _: Viewer) -> Response:
        return RowsJSON(core.document(document_id))

    @api.get("/sources", response_model=list[models.Source], summary="The source registry as stored")
    def list_sources(_: Viewer) -> Response:
        return RowsJSON(core.sources())

    @api.get("/judgements", response_model=list[models.Judgement], summary="Every judgement, undone ones included")
    def list_judgements(_: Viewer) -> Response:
        return RowsJSON(core.judgements())

    @api.post("/documents", status_code=201, response_model=models.Ingested, summary="Extract and store one document")
    def ingest_document(body: DocumentIn, _: Analyst) -> dict[str, Any]:
        doc = document_from_record(body.model_dump(exclude_none=True), "api")
        report = core.ingest([doc], Extractor())
        if report.failures:
            raise ArmstrackError(report.failures[0].reason)
        return {"id": doc.id, "stored": report.documents, "unchanged": report.unchanged, "claims": report.claims}

    @api.post("/transfers/{transfer_id}/judgements", status_code=201, response_model=models.Judged,
              summary="Merge, split, accept, reject or regrade")
    def judge_transfer(transfer_id: str, body: JudgementIn, who: Analyst) -> dict[str, Any]:
        jid = core.judge(body.action, transfer_id, body.other, body.claims, who.name, body.reason, body.grade)
        return {"judgement": jid}

    @api.post("/claims/{claim_id}/judgements", status_code=201, response_model=models.Judged,
              summary="Accept, reject or edit a claim")
    def review_claim(claim_id: str, body: ClaimReviewIn, who: Analyst) -> dict[str, Any]:
        jid = core.judge_claim(f"{body.action}_claim", claim_id, body.changes, who.name, body.reason)
        return {"judgement": jid}

    @api.post("/claims/judgements", status_code=201, response_model=models.Judged,
              summary="Accept, reject, mark unsure or edit several claims at once: one judgement, one undo")
    def review_claims(body: ClaimsReviewIn, who: Analyst) -> dict[str, Any]:
        jid = core.judge_claims(f"{body.action}_claim", body.claims, body.changes, who.name, body.reason)
        return {"judgement": jid}

    @api.get("/transfers/{transfer_id}/candidates", response_model=list[models.MergeCandidate],
             summary="Transfers of the same pair that may be the same transfer, the likeliest first, with why")
    def list_merge_candidates(transfer_id: str, _: Viewer) -> Response:
        return RowsJSON([{"transfer": c.transfer, "score": c.score, "reasons": list(c.reasons)}
                         for c in core.merge_candidates(transfer_id)])

    @api.get("/review", response_model=models.ReviewPage,
             summary="Claims to review, those whose rejection would move their transfer's grade most first")
    def list_review_queue(request: Request, _: Viewer, supplier: Text = None, recipient: Text = None,
                          status: Annotated[Status | None, Blank, Query()] = None,
                          language: Annotated[str | None, Query(max_length=8)] = None,
                          unsure: Annotated[bool, Query(description="the claims marked unsure instead")] = False,
                          limit: Limit = 50, offset: Offset = 0) -> Response:
        items, total = core.review_queue(ReviewFilter(language=language, supplier=supplier, recipient=recipient,
                                                      status=enum_value(status), unsure=unsure, limit=limit,
                                                      offset=offset))
        return page(request, items, total, limit, offset)

    @api.post("/judgements/{judgement_id}/undo", response_model=models.Undone, summary="Undo a judgement")
    def undo_judgement(judgement_id: JudgementId, _: Analyst) -> dict[str, Any]:
        core.undo(judgement_id)
        return {"undone": judgement_id}

    return api
