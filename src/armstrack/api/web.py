"""Server-rendered pages: sign-in, transfers list, transfer timeline with evidence and review actions,
document with highlighted evidence, judgement log. News text is hostile input: templates autoescape it."""

from __future__ import annotations

import secrets
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from armstrack.api import charts
from armstrack.api.auth import SESSION_COOKIE, SESSION_SECONDS, Denied, Principal, Sessions
from armstrack.api.downloads import export_response
from armstrack.api.params import Filters
from armstrack.app import Armstrack, Listings
from armstrack.export.registry import FORMATS
from armstrack.model import CATEGORIES, Stage, Status
from armstrack.store.queries import COUNT_CAP, ClaimFilter

PAGE = 50
LOGIN_COOKIE = "armstrack_login"
# the sign-in page shows one of these by code, never text from the query string
LOGIN_MESSAGES = {"wrong": "Wrong name or password.", "wait": "Too many tries: wait a minute, then try again.",
                  "ended": "You are signed out."}


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
        return templates.TemplateResponse(request, name, {"who": who, "csrf": csrf, **context})

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

    @web.get("/transfers")
    def transfers(request: Request, filters: Filters,
                  page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
        who = sessions.check(request, "viewer")
        f = filters.filter(limit=PAGE, offset=(page - 1) * PAGE)
        key = (core.store_version(), f)  # read before the rows: a table is never older than its version
        if (drawn := tables.get(key)) is None:
            rows, total = core.listing(f)
            drawn = tables.put(key, (Markup(templates.get_template("_transfers_table.html").render(rows=rows)), total))
        table, total = drawn
        values = filters.values()
        query = urlencode({k: v for k, v in values.items() if v})
        return render(request, "transfers.html", who, table=table, total=total, page=page, pages=-(-total // PAGE),
                      more=total >= COUNT_CAP,
                      values=values, query=query, categories=CATEGORIES, stages=[s.value for s in Stage],
                      formats=list(FORMATS))

    drawings: Listings[tuple[Markup, int]] = Listings()  # (version, filter) → the drawn SVG, transfers drawn

    @web.get("/network")
    def network(request: Request, filters: Filters) -> Response:
        who = sessions.check(request, "viewer")
        f = filters.filter()
        key = (core.store_version(), f)  # read before the charts: a drawing is never older than its version
        if (drawn := drawings.get(key)) is None:
            pairs, years = core.charts(f)
            nodes, edges = charts.network(pairs)
            svg = templates.get_template("_network.html").render(nodes=nodes, edges=edges, size=charts.SIZE,
                                                                  bars=charts.per_year(years), values=filters.values())
            drawn = drawings.put(key, (Markup(svg), sum(years.values())))
        return render(request, "network.html", who, drawing=drawn[0], total=drawn[1], values=filters.values(),
                      categories=CATEGORIES)

    @web.get("/export")
    def export(request: Request, filters: Filters, format: Annotated[str, Query(pattern="^[a-z]+$")] = "csv",
               what: Annotated[str, Query(pattern="^(transfers|claims)$")] = "transfers", excel: bool = False,
               ) -> Response:
        sessions.check(request, "viewer")
        return export_response(core, format, "claims" if what == "claims" else "transfers", filters.filter(), excel)

    @web.get("/transfers/{transfer_id}")
    def transfer(request: Request, transfer_id: str) -> Response:
        who = sessions.check(request, "viewer")
        t = core.transfer(transfer_id)
        judged = [j for j in core.judgements()
                  if set(j["claim_ids"]) & set(t["claim_ids"]) or j["transfer_id"] == transfer_id]
        return render(request, "transfer.html", who, t=t, judgements=judged, origins=core.origins(transfer_id))

    @web.post("/transfers/{transfer_id}/judge")
    def judge(request: Request, transfer_id: str,
              action: Annotated[str, Form(pattern="^(merge|split|accept|reject|regrade)$")],
              csrf: Annotated[str, Form()] = "", other: Annotated[str, Form(max_length=16)] = "",
              grade: Annotated[str, Form(max_length=2)] = "",
              claims: Annotated[list[str] | None, Form()] = None,
              reason: Annotated[str, Form(max_length=2000)] = "") -> Response:
        who = sessions.check(request, "analyst", csrf)
        core.judge(action, transfer_id, other or None, claims or [], who.name, reason, grade or None)
        return RedirectResponse(f"/transfers/{transfer_id}", status_code=303)

    @web.post("/transfers/{transfer_id}/origins")
    def judge_origins(request: Request, transfer_id: str,
                      action: Annotated[str, Form(max_length=20)],
                      csrf: Annotated[str, Form()] = "", documents: Annotated[list[str] | None, Form()] = None,
                      reason: Annotated[str, Form(max_length=2000)] = "") -> Response:
        who = sessions.check(request, "analyst", csrf)
        core.judge_origins(action, transfer_id, documents or [], who.name, reason)
        return RedirectResponse(f"/transfers/{transfer_id}#origins", status_code=303)

    @web.post("/judgements/{judgement_id}/undo")
    def undo(request: Request, judgement_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)],
             csrf: Annotated[str, Form()] = "", back: Annotated[str, Form()] = "/judgements") -> Response:
        sessions.check(request, "analyst", csrf)
        core.undo(judgement_id)
        return RedirectResponse(_local(back), status_code=303)

    @web.get("/review")
    def review(request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
        who = sessions.check(request, "viewer")
        rows, total = core.review_queue(PAGE, (page - 1) * PAGE)
        return render(request, "review.html", who, rows=rows, total=total, page=page, pages=-(-total // PAGE),
                      stages=[s.value for s in Stage], statuses=[s.value for s in Status])

    @web.post("/claims/{claim_id}/review")
    def review_claim(request: Request, claim_id: str,
                     action: Annotated[str, Form(pattern="^(accept|reject|edit)$")],
                     csrf: Annotated[str, Form()] = "", stage: Annotated[str, Form(max_length=30)] = "",
                     status: Annotated[str, Form(max_length=20)] = "",
                     reason: Annotated[str, Form(max_length=2000)] = "",
                     back: Annotated[str, Form()] = "/review") -> Response:
        who = sessions.check(request, "analyst", csrf)
        changes = {k: v for k, v in (("stage", stage), ("status", status)) if v}
        core.judge_claim(f"{action}_claim", claim_id, changes, who.name, reason)
        return RedirectResponse(_local(back), status_code=303)

    @web.get("/judgements")
    def judgements(request: Request) -> Response:
        who = sessions.check(request, "viewer")
        return render(request, "judgements.html", who, judgements=list(reversed(core.judgements())))

    @web.get("/documents/{document_id:path}")
    def document(request: Request, document_id: str) -> Response:
        who = sessions.check(request, "viewer")
        d = core.document(document_id)
        return render(request, "document.html", who, d=d, segments=highlight(d["text"], d["claims"]))

    @web.get("/claims")
    def claims(request: Request, q: Annotated[str, Query(max_length=200)] = "",
               page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
        who = sessions.check(request, "viewer")
        rows, total = core.claims(ClaimFilter(text=q or None, limit=PAGE, offset=(page - 1) * PAGE))
        return render(request, "claims.html", who, rows=rows, total=total, q=q, page=page, pages=-(-total // PAGE),
                      more=total >= COUNT_CAP)  # counted up to the cap: "1,000+"

    return web


def _local(path: str) -> str:
    """Only same-site paths as redirect targets ("//evil.example" and "https://…" are not)."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/transfers"
