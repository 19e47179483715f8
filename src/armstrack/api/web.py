"""Server-rendered pages: sign-in, transfers list, transfer timeline with evidence and review actions,
document with highlighted evidence, judgement log. News text is hostile input: templates autoescape it."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote_plus, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from armstrack.api import charts, flash
from armstrack.api.auth import SESSION_COOKIE, SESSION_SECONDS, Denied, Principal, Sessions
from armstrack.api.downloads import export_response, table_response
from armstrack.api.flash import Flash
from armstrack.api.params import DocumentFilters, Filters, check_sort
from armstrack.api.routes import document_summary
from armstrack.app import Armstrack, Listings
from armstrack.errors import ArmstrackError
from armstrack.export.registry import FORMATS
from armstrack.lang import language_codes
from armstrack.lang.lexicon import LEXICON_DIR
from armstrack.model import CATEGORIES, Stage, Status
from armstrack.store.fulltext import marked, parse, snippet
from armstrack.store.queries import (
    COUNT_CAP,
    DEFAULT_SORT,
    FACET_ROWS,
    ClaimFilter,
    Facets,
    ReviewFilter,
    TransferFilter,
)

PAGE = 50
STATUSES = [s.value for s in Status]
LANGUAGES = sorted(p.stem for p in LEXICON_DIR.glob("*.yaml"))
# the flash message of each transfer judgement, and of each review action
JUDGED = {"merge": "Merged transfer {other} into this one.", "accept": "Accepted this transfer.",
          "split": "Split {n} claim(s) into a transfer of their own.", "reject": "Rejected this transfer.",
          "regrade": "Regraded to {grade}."}
REVIEW_ACTIONS = {"accept": "Accepted {n}.", "reject": "Rejected {n}.", "edit": "Edited {n}.",
                  "unsure": "Marked {n} unsure: out of the queue, kept in the log (show: marked unsure)."}
# the transfers table's sortable columns: header → (sort key, first direction: '-' when the largest come first)
SORTABLE = {"Supplier": ("supplier", ""), "Recipient": ("recipient", ""), "Item": ("item", ""),
            "First": ("first_reported", "-"), "Last": ("last_reported", "-"), "Reports": ("reports", "-"),
            "Independent origins": ("independent_origins", "-"), "Grade": ("grade", "")}
# a listing page's columns in its CSV and JSON
TRANSFER_COLUMNS = ("id", "supplier", "recipient", "item", "category", "stage", "quantity_min", "quantity_max",
                    "first_reported", "last_reported", "reports", "independent_origins", "grade", "probability",
                    "rejected")
CLAIM_COLUMNS = ("id", "published", "supplier", "recipient", "item", "category", "stage", "status", "evidence",
                 "document_id", "transfer_id", "language", "source_name", "url")
DOCUMENT_COLUMNS = ("id", "published", "language", "source_name", "publisher", "url", "claims", "note", "snippet")
SOURCE_COLUMNS = ("id", "name", "registered", "country", "reliability", "wire", "state_affiliated", "sanctioned",
                  "domains", "documents", "claims")
LOGIN_COOKIE = "armstrack_login"
# the sign-in page shows one of these by code, never text from the query string
LOGIN_MESSAGES = {"wrong": "Wrong name or password.", "wait": "Too many tries: wait a minute, then try again.",
                  "ended": "You are signed out."}


# the orders the transfers list offers, named as the page says them; the first is the default (queries.DEFAULT_SORT)
LIST_SORTS = {DEFAULT_SORT: "grade, best first (A1 … F6), then the latest report",
              "-grade": "grade, worst first (F6 … A1), then the latest report",
              "-last_reported": "the latest report first", "-independent_origins": "the most independent origins first",
              "-probability": "the computed grade's probability, highest first"}


def highlight(text: str, claims: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The text cut into (segment, claim id or None) so the template can mark evidence spans."""
    spans = sorted({(a, b, c["id"]) for c in claims for a, b in c["evidence_spans"]})
    out: list[tuple[str, str | None]] = []
    pos = 0
    for a, b, cid in spans:
        if a < pos:
            continue  # overlapping spans: the first wins
        out += [(text[pos:a], None), (text[a:b], cid)]
        pos = b
    out.append((text[pos:], None))
    return [s for s in out if s[0]]


def pages(core: Armstrack, sessions: Sessions, templates: Jinja2Templates, secure: bool) -> APIRouter:
    web = APIRouter(include_in_schema=False)

    def render(request: Request, name: str, who: Principal | None, **context: Any) -> Response:
        csrf = sessions.csrf(who.nonce) if who and not who.via_token else ""
        message = flash.take(request, sessions.key)  # shown once: the page deletes it
        response = templates.TemplateResponse(request, name, {"who": who, "csrf": csrf, "flash": message, **context})
        if message is not None:
            response.delete_cookie(flash.FLASH_COOKIE)
        return response

    def acted(back: str, action: Callable[[], Flash], refused: str | None = None) -> Response:
        """Do an action and go back where it was asked (the same page, filters and row), with a message saying what
        it did, or why it could not be done (and back to `refused`, when given): a refused action is a message on the
        page, never a bare error page."""
        try:
            message = action()
        except ArmstrackError as e:
            message, back = Flash(str(e), error=True), refused or back
        return flash.put(RedirectResponse(_local(back), status_code=303), sessions.key, message, secure)

    @web.get("/")
    def home() -> Response:
        return RedirectResponse("/transfers", status_code=303)

    @web.get("/login")
    def login_form(request: Request, next: Annotated[str, Query(max_length=2000)] = "/transfers",
                   error: Annotated[str, Query(max_length=20)] = "") -> Response:
        token = secrets.token_urlsafe(16)
        response = templates.TemplateResponse(request, "login.html", {"who": None, "login_csrf": token,
                                                                       "next": _local(next),
                                                                       "error": LOGIN_MESSAGES.get(error, "")})
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=secure, max_age=600)
        return response

    @web.post("/login")
    def login(request: Request, name: Annotated[str, Form(max_length=100)],
              password: Annotated[str, Form(max_length=1000)], csrf: Annotated[str, Form()] = "",
              next: Annotated[str, Form()] = "/transfers") -> Response:
        cookie = request.cookies.get(LOGIN_COOKIE, "")
        if not cookie or not secrets.compare_digest(cookie, csrf):
            raise Denied(403, "missing or invalid CSRF token")
        answer = core.sign_in(name, password, request.client.host if request.client else "", SESSION_SECONDS)
        if answer.session is None:
            code = "wait" if answer.wait else "wrong"
            return RedirectResponse("/login?" + urlencode({"error": code, "next": _local(next)}), status_code=303)
        response = RedirectResponse(_local(next), status_code=303)
        response.set_cookie(SESSION_COOKIE, sessions.cookie(answer.session), httponly=True, samesite="lax",
                            secure=secure, max_age=SESSION_SECONDS)
        response.delete_cookie(LOGIN_COOKIE)
        return response

    @web.post("/logout")
    def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
        sessions.check(request, "viewer", csrf)
        sessions.end(request)
        response = RedirectResponse("/login?error=ended", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    tables: Listings[tuple[Markup, int]] = Listings()  # (version, filter) → a page of transfers drawn, how many

    def transfers_table(f: TransferFilter, version: int, here: Here, sort: str) -> tuple[Facets, tuple[Markup, int]]:
        """The facet counts of a filter and its page of transfers drawn, from the store where not kept."""
        facets = core.facets(f, version)  # first: its count of the matches is the table's total
        if (drawn := tables.get((version, f))) is None:
            rows, total = core.listing(f, version)
            table = templates.get_template("_transfers_table.html").render(rows=rows, here=here, sort=sort,
                                                                             columns=SORTABLE)
            drawn = tables.put((version, f), (Markup(table), total))
        return facets, drawn

    def kept_table(f: TransferFilter, version: int) -> tuple[Facets, tuple[Markup, int]] | None:
        """transfers_table's answer when both its parts are in memory (no read), else None."""
        facets, drawn = core.kept_facets(f, version), tables.get((version, f))
        return (facets, drawn) if facets is not None and drawn is not None else None

    @web.get("/transfers")
    async def transfers(request: Request, filters: Filters, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                        sort: Annotated[str, Query(max_length=40)] = DEFAULT_SORT, rejected: bool = False,
                        format: Annotated[str, Query(pattern="^(html|csv|json)$")] = "html") -> Response:
        """On the event loop when the page's table and facets are kept (one quick read of the store version, as
        the API's list), else their reads and the drawing in the thread pool."""
        who = sessions.check(request, "viewer")
        f = filters.filter(limit=PAGE, offset=(page - 1) * PAGE, sort=check_sort(sort), include_rejected=rejected)
        if format != "html":
            rows, _ = await run_in_threadpool(core.listing, f)
            return table_response(rows, TRANSFER_COLUMNS, format, "transfers")
        here = Here("/transfers", filters.values() | {"sort": "" if sort == DEFAULT_SORT else sort,
                                                      "rejected": "1" if rejected else ""})
        version = core.store_version()  # read before the rows: a table is never older than its version
        kept = kept_table(f, version)
        facets, (table, total) = kept if kept is not None else await run_in_threadpool(transfers_table, f, version,
                                                                                       here, sort)
        values = filters.values()
        return render(request, "transfers.html", who, table=table, total=total, page=page, pages=-(-total // PAGE),
                      more=total >= COUNT_CAP, here=here, facets=facets, facet_rows=FACET_ROWS,
                      rejected=rejected, sort=sort, sorts=LIST_SORTS,
                      values=values, categories=CATEGORIES, stages=[s.value for s in Stage],
                      formats=list(FORMATS))

    drawings: Listings[tuple[Markup, int]] = Listings()  # (version, filter) → the drawn network, transfers drawn

    @web.get("/network")
    def network(request: Request, filters: Filters) -> Response:
        who = sessions.check(request, "viewer")
        f = filters.filter()
        key = (core.store_version(), f)  # read before the charts: a drawing is never older than its version
        if (drawn := drawings.get(key)) is None:
            pairs, years = core.charts(f)
            values = filters.values()  # a party's links set its own supplier or recipient and keep the rest
            rest = urlencode({k: v for k, v in values.items() if v and k not in ("supplier", "recipient")})
            page = charts.page(pairs, years, core.parties(), rest)
            drawn = drawings.put(key, (Markup(templates.get_template("_network.html").render(page)), page["total"]))
        return render(request, "network.html", who, drawing=drawn[0], total=drawn[1], values=filters.values(),
                      categories=CATEGORIES)

    @web.get("/export")
    def export(request: Request, filters: Filters, format: Annotated[str, Query(pattern="^[a-z]+$")] = "csv",
               what: Annotated[str, Query(pattern="^(transfers|claims)$")] = "transfers", excel: bool = False,
               sort: Annotated[str, Query(max_length=40)] = DEFAULT_SORT, rejected: bool = False) -> Response:
        sessions.check(request, "viewer")  # in the list's order (its links carry the sort)
        return export_response(core, format, "claims" if what == "claims" else "transfers",
                               filters.filter(sort=check_sort(sort), include_rejected=rejected), excel)

    @web.get("/transfers/{transfer_id}")
    def transfer(request: Request, transfer_id: str) -> Response:
        who = sessions.check(request, "viewer")
        shown = core.transfer_page(transfer_id)
        return render(request, "transfer.html", who, t=shown.transfer, judgements=shown.judgements,
                      origins=shown.origins, candidates=shown.candidates)

    @web.post("/transfers/{transfer_id}/judge")
    def judge(request: Request, transfer_id: str,
              action: Annotated[str, Form(pattern="^(merge|split|accept|reject|regrade)$")],
              csrf: Annotated[str, Form()] = "", other: Annotated[str, Form(max_length=16)] = "",
              grade: Annotated[str, Form(max_length=2)] = "",
              claims: Annotated[list[str] | None, Form()] = None,
              reason: Annotated[str, Form(max_length=2000)] = "") -> Response:
        who = sessions.check(request, "analyst", csrf)
        other = other.strip()

        def judged() -> Flash:
            jid = core.judge(action, transfer_id, other or None, claims or [], who.name, reason, grade or None)
            return Flash(JUDGED[action].format(other=other, n=len(claims or []), grade=grade.upper()), undo=jid)
        return acted(f"/transfers/{transfer_id}#{'evidence' if action == 'split' else 'review'}", judged)

    @web.post("/transfers/{transfer_id}/origins")
    def judge_origins(request: Request, transfer_id: str,
                      action: Annotated[str, Form(max_length=20)],
                      csrf: Annotated[str, Form()] = "", documents: Annotated[list[str] | None, Form()] = None,
                      reason: Annotated[str, Form(max_length=2000)] = "") -> Response:
        who = sessions.check(request, "analyst", csrf)

        def judged() -> Flash:
            jid = core.judge_origins(action, transfer_id, documents or [], who.name, reason)
            return Flash(f"Recorded: {action.replace('_', ' ')} of {len(documents or [])} report(s).", undo=jid)
        return acted(f"/transfers/{transfer_id}#origins", judged)

    @web.post("/judgements/{judgement_id}/undo")
    def undo(request: Request, judgement_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)],
             csrf: Annotated[str, Form()] = "", back: Annotated[str, Form()] = "/judgements") -> Response:
        sessions.check(request, "analyst", csrf)

        def undone() -> Flash:
            core.undo(judgement_id)
            return Flash(f"Undone: judgement #{judgement_id}.")
        return acted(back, undone)

    @web.get("/review")
    def review(request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
               language: Annotated[str, Query(max_length=8)] = "",
               supplier: Annotated[str, Query(max_length=100)] = "",
               recipient: Annotated[str, Query(max_length=100)] = "",
               status: Annotated[str, Query(max_length=20)] = "",
               show: Annotated[str, Query(pattern="^(todo|unsure)?$")] = "") -> Response:
        who = sessions.check(request, "viewer")
        values = {"language": language, "supplier": supplier.strip(), "recipient": recipient.strip(),
                  "status": status if status in STATUSES else "", "show": show}
        rows, total = core.review_queue(ReviewFilter(
            language=language or None, supplier=values["supplier"] or None, recipient=values["recipient"] or None,
            status=values["status"] or None, unsure=show == "unsure", limit=PAGE, offset=(page - 1) * PAGE))
        query = urlencode({k: v for k, v in values.items() if v})
        here = f"/review?{query}&page={page}" if query else f"/review?page={page}"
        # each row's actions land back on the row after it (or before it, for the last): the queue stays in place
        ids = [r["id"] for r in rows]
        land = {cid: (ids[i + 1] if i + 1 < len(ids) else ids[i - 1] if i else "") for i, cid in enumerate(ids)}
        return render(request, "review.html", who, rows=rows, total=total, page=page, pages=-(-total // PAGE),
                      values=values, query=query, here=here, land=land, languages=LANGUAGES,
                      stages=[s.value for s in Stage], statuses=STATUSES)

    @web.post("/review")
    def review_claims(request: Request, csrf: Annotated[str, Form()] = "",
                      act: Annotated[str, Form(max_length=80)] = "", claims: Annotated[list[str] | None, Form()] = None,
                      stage: Annotated[str, Form(max_length=30)] = "",
                      status: Annotated[str, Form(max_length=20)] = "",
                      reason: Annotated[str, Form(max_length=2000)] = "",
                      back: Annotated[str, Form(max_length=2000)] = "/review") -> Response:
        """One form for the whole queue: `act` is an action for the selected claims ("accept"), or an action, one
        claim and the row to land on after it ("accept 1a2b… 3c4d…") from a row's own buttons."""
        who = sessions.check(request, "analyst", csrf)
        action, *row = act.split() or [""]
        if action not in REVIEW_ACTIONS:
            raise ArmstrackError(f"unknown review action {action!r} (use {', '.join(REVIEW_ACTIONS)})")
        chosen = row[:1] or claims or []
        changes = {k: v for k, v in (("stage", stage), ("status", status)) if v}

        def judged() -> Flash:
            jid = core.judge_claims(f"{action}_claim", chosen, changes, who.name, reason)
            n = f"{len(chosen)} claim{'s' if len(chosen) != 1 else ''}"
            return Flash(REVIEW_ACTIONS[action].format(n=n), undo=jid)
        page = back.split("#")[0]
        # done: on to the row after it; refused: stay on the row itself
        return acted(page + (f"#claim-{row[1]}" if len(row) > 1 else ""), judged,
                     page + (f"#claim-{row[0]}" if row else ""))

    @web.get("/judgements")
    def judgements(request: Request) -> Response:
        who = sessions.check(request, "viewer")
        return render(request, "judgements.html", who, judgements=list(reversed(core.judgements())))

    @web.get("/documents/{document_id:path}")
    def document(request: Request, document_id: str) -> Response:
        who = sessions.check(request, "viewer")
        d = core.document(document_id)
        return render(request, "document.html", who, d=d, segments=highlight(d["text"], d["claims"]))

    # --- lists: documents and sources, full-text search, a listing's rows as CSV or JSON ---------------------

    @web.get("/claims")
    def claims(request: Request, q: Annotated[str, Query(max_length=200)] = "",
               page: Annotated[int, Query(ge=1, le=100_000)] = 1,
               format: Annotated[str, Query(pattern="^(html|csv|json)$")] = "html") -> Response:
        who = sessions.check(request, "viewer")
        query = parse(q) if q.strip() else None
        rows, total = core.claims(ClaimFilter(query=query, limit=PAGE, offset=(page - 1) * PAGE))
        if format != "html":
            return table_response(rows, CLAIM_COLUMNS, format, "claims")
        quotes = {c["id"]: marked(c["evidence"], query) if query else [(c["evidence"], False)] for c in rows}
        return render(request, "claims.html", who, rows=rows, total=total, q=q, page=page, pages=-(-total // PAGE),
                      more=total >= COUNT_CAP, quotes=quotes,  # counted up to the cap: "1,000+"
                      here=Here("/claims", {"q": q}))

    @web.get("/documents")
    def documents(request: Request, filters: DocumentFilters, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                  format: Annotated[str, Query(pattern="^(html|csv|json)$")] = "html") -> Response:
        who = sessions.check(request, "viewer")
        f = filters.filter(limit=PAGE, offset=(page - 1) * PAGE)
        rows, total = core.documents(f)
        if format != "html":
            return table_response([document_summary(d, f.query) for d in rows], DOCUMENT_COLUMNS, format,
                                  "documents")
        snippets = {d["id"]: snippet(d["text"], f.query) if f.query else [(d["text"], False)] for d in rows}
        return render(request, "documents.html", who, rows=rows, total=total, page=page, pages=-(-total // PAGE),
                      more=total >= COUNT_CAP, snippets=snippets, values=filters.values(),
                      here=Here("/documents", filters.values()), languages=language_codes())

    @web.get("/sources")
    def sources(request: Request, format: Annotated[str, Query(pattern="^(html|csv|json)$")] = "html") -> Response:
        who = sessions.check(request, "viewer")
        rows = core.source_counts()
        if format != "html":
            return table_response(rows, SOURCE_COLUMNS, format, "sources")
        return render(request, "sources.html", who, rows=rows, here=Here("/sources", {}))

    return web


class Here:
    """A listing page's own address and filters: links to it with some values changed (a facet picked, another
    sort, the next page, the CSV of it); an empty value drops a parameter, so links stay short."""

    def __init__(self, path: str, values: dict[str, str]) -> None:
        self.path = path
        self.values = {k: v for k, v in values.items() if v}
        # each value as urlencode writes it, once: a list page links to itself some fifty times
        self._encoded = {k: f"{quote_plus(k)}={quote_plus(v)}" for k, v in self.values.items()}

    def __call__(self, **changes: Any) -> str:
        return self.at(self.path, **changes)

    def at(self, path: str, **changes: Any) -> str:
        """The same values on another page (an export of this list): the changed ones first, as urlencode would."""
        query = "&".join([*(f"{quote_plus(k)}={quote_plus(str(v))}" for k, v in changes.items() if str(v)),
                          *(pair for k, pair in self._encoded.items() if k not in changes)])
        return path + ("?" + query if query else "")

    def has(self, *names: str) -> bool:
        return any(name in self.values for name in names)


def _local(path: str) -> str:
    """Only same-site paths as redirect targets ("//evil.example" and "https://…" are not)."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/transfers"
