"""Saved searches with alerts: save the /transfers filter under a name, list one's searches with how many matching
transfers are new or regraded since each one's last visit, open one (those transfers; opening records the visit),
delete one, and follow one as an Atom feed (its secret feed URL, or the owner's API token or session)."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from armstrack.api import atom
from armstrack.api.auth import Denied, Principal, Sessions
from armstrack.api.labels import PartyNames
from armstrack.api.params import TransferQuery
from armstrack.app import Armstrack
from armstrack.errors import ArmstrackError, NotFound
from armstrack.store.queries import COUNT_CAP

PAGE = 100  # changes shown when a search is opened, and entries in its feed
FEED_DAYS = 30  # a feed without `since` covers this many days back
FILTER_LABELS = {"supplier": "Supplier", "recipient": "Recipient", "party": "Supplier or recipient", "item": "Item",
                 "category": "Category", "stage": "Stage", "since": "Since", "until": "Until", "min_grade": "Min grade",
                 "q": "Text"}
Field = Annotated[str, Form(max_length=200)]
SearchId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]


def saved_filter(values: dict[str, Any]) -> TransferQuery:
    """A saved search's filter, validated as /transfers validates its query: a bad value is one line, never a crash
    (also for a stored filter that a later release no longer accepts)."""
    try:
        return TransferQuery.model_validate(values)
    except ValidationError as e:
        first = e.errors()[0]
        raise ArmstrackError(f"invalid filter: {'.'.join(map(str, first['loc']))}: {first['msg']}") from e


def _utc(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=UTC)  # SQLite gives back naive UTC


def search_pages(core: Armstrack, sessions: Sessions, templates: Jinja2Templates, names: PartyNames) -> APIRouter:
    web = APIRouter(include_in_schema=False)

    def render(request: Request, name: str, who: Principal, **context: Any) -> Response:
        csrf = sessions.csrf(who.nonce) if not who.via_token else ""
        return templates.TemplateResponse(request, name, {"who": who, "csrf": csrf, **context})

    def described(request: Request, s: dict[str, Any]) -> dict[str, Any]:
        f = saved_filter(s["filters"])
        values = f.values()
        feed = f"{request.base_url}searches/{s['id']}/feed?" + urlencode(
            {"token": sessions.feed_token(s["id"], s["feed_key"])})
        return s | {"filter": f, "query": urlencode({k: v for k, v in values.items() if v}), "feed": feed,
                    "terms": [(FILTER_LABELS[k], v) for k, v in values.items() if v],
                    "last_visit": _utc(s["last_visit"])}

    @web.get("/searches")
    def searches(request: Request) -> Response:
        who = sessions.check(request, "viewer")
        rows = [described(request, s) for s in core.saved_searches(who.name)]
        for s in rows:
            s["changes"] = core.count_changes(s["filter"].filter(), s["last_visit"])
        return render(request, "searches.html", who, searches=rows, cap=COUNT_CAP)

    @web.post("/searches")
    def save(request: Request, name: Annotated[str, Form(max_length=200)] = "", csrf: Annotated[str, Form()] = "",
             supplier: Field = "", recipient: Field = "", party: Field = "", item: Field = "", category: Field = "",
             stage: Field = "", since: Field = "", until: Field = "", min_grade: Field = "", q: Field = "") -> Response:
        who = sessions.check(request, "viewer", csrf)
        f = saved_filter({"supplier": supplier, "recipient": recipient, "party": party, "item": item,
                          "category": category, "stage": stage, "since": since, "until": until,
                          "min_grade": min_grade, "q": q})
        sid = core.save_search(who.name, name, f.values())
        return RedirectResponse(f"/searches#search-{sid}", status_code=303)

    @web.get("/searches/{sid}")
    def search(request: Request, sid: SearchId) -> Response:
        who = sessions.check(request, "viewer")
        s = described(request, core.saved_search(sid, who.name))
        f = s["filter"].filter()
        rows = core.changes(f, s["last_visit"], PAGE)
        total = core.count_changes(f, s["last_visit"])
        if not who.via_token:  # tokens are read-only; a person's visit is seen now, and the next shows what follows
            core.visit_search(sid, datetime.now(UTC))
        return render(request, "search.html", who, s=s, rows=rows, total=total, cap=COUNT_CAP)

    @web.post("/searches/{sid}/delete")
    def delete(request: Request, sid: SearchId, csrf: Annotated[str, Form()] = "") -> Response:
        who = sessions.check(request, "viewer", csrf)
        core.delete_search(sid, who.name)
        return RedirectResponse("/searches", status_code=303)

    @web.get("/searches/{sid}/feed")
    def feed(request: Request, sid: SearchId, token: Annotated[str, Query(max_length=100)] = "",
             since: Annotated[datetime | None, Query(description="changes after this time; default 30 days back")]
             = None) -> Response:
        s = core.saved_search(sid)
        if token:
            allowed = hmac.compare_digest(token, sessions.feed_token(sid, s["feed_key"]))
        else:
            who = sessions.principal(request)
            if who is None:
                raise Denied(401, "use the feed's own URL, or send an API token")
            allowed = who.name == s["user"]
        if not allowed:
            raise NotFound(f"no saved search {sid}")  # the same answer as for a search that does not exist
        now = datetime.now(UTC)
        rows = core.changes(saved_filter(s["filters"]).filter(), _utc(since) if since else now - timedelta(FEED_DAYS),
                            PAGE)
        body = atom.search_feed(s, rows, str(request.base_url).rstrip("/"), now, names)
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    return web
