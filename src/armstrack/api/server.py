"""The FastAPI application: REST API, pages, static files and security headers over one Armstrack object."""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from armstrack import __version__
from armstrack.api import cells, errors, labels, routes, saved, web
from armstrack.api.auth import Sessions
from armstrack.app import Armstrack
from armstrack.model import web_url
from armstrack.settings import load_settings

HERE = Path(__file__).parent
# Swagger UI's files as the fastapi-offline package ships them (pinned): /docs needs no CDN and no download
SWAGGER_UI = Path(find_spec("fastapi_offline").origin or "").parent / "static"  # type: ignore[union-attr]
# requests (those not answered on the event loop) a server process works on at once; the others wait their turn,
# first come first served. They share one interpreter, which a query hands over at every row it reads: forty at once
# (anyio's default) only stretched each, the heaviest pages most (p95 at 50 clients: 600 ms, against 250–450 ms at 8)
REQUESTS_AT_ONCE = 8
# allocations between two young collections in a server process (Python's default: 700). With requests in flight,
# each young collection promoted their objects to older generations, which brought a full collection every few
# seconds: 100-800 ms with every thread stopped, the p99 of every route (a serve_load run: 12-19 full collections
# per worker at 700, one at 10,000)
YOUNG_OBJECTS = 10_000
# no inline script or style anywhere: a script tag that slipped through escaping could still not run
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; " \
      "form-action 'self'; base-uri 'none'"


def create_app(core: Armstrack, secure_cookies: bool = False, warm: bool = False) -> FastAPI:
    """The web app for one store; `secure_cookies` when served over HTTPS; `warm` (a server process) loads what
    rebuilds need in the background as it starts, so that its first judgement does not wait for it, and sets the
    garbage collector for a long-lived process that keeps pages (YOUNG_OBJECTS, warm_up)."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        to_thread.current_default_thread_limiter().total_tokens = REQUESTS_AT_ONCE
        if warm:
            gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
            threading.Thread(target=warm_up, args=(core,), name="armstrack-warm", daemon=True).start()
        yield

    app = FastAPI(title="armstrack", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Evidence-linked, credibility-graded arms-transfer claims and transfers. Scripts "
                              "authenticate with an API token (`Authorization: Bearer ast_…`); lists are paged "
                              "(`limit`, `offset`, and `next`/`prev` URLs in the body and the Link header); every "
                              "error is `{\"error\": {\"status\": …, \"message\": …}}`.")
    # templates change with a release, not under a running server: no stat per page
    templates = Jinja2Templates(env=Pages(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(),
                                          auto_reload=False))
    templates.env.tests["web_url"] = lambda url: web_url(url) is not None  # anything else renders as text
    names = labels.PartyNames(core.parties)
    labels.install(templates.env)
    cells.install(templates.env, names)
    sessions = Sessions(core)
    app.state.sessions = sessions
    errors.install(app, templates)
    app.include_router(routes.router(core))
    app.include_router(web.pages(core, sessions, templates, secure_cookies))
    app.include_router(saved.search_pages(core, sessions, templates, names))

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        """Swagger UI on /openapi.json, every file from this server (the CSP forbids CDNs and inline script)."""
        return templates.TemplateResponse(request, "docs.html", {"version": __version__})

    app.mount("/static/swagger-ui", StaticFiles(directory=str(SWAGGER_UI)), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.add_middleware(SecurityHeaders, https=secure_cookies)
    return app


def warm_up(core: Armstrack) -> None:
    """Load what the first rebuild needs (Armstrack.warm), then leave all a server process has loaded (modules,
    knowledge base, registry) out of the collector's full passes, which stop every thread of the process."""
    core.warm()
    gc.freeze()


DICT_ATTRIBUTES = frozenset(dir(dict))


class Pages(Environment):
    """The templates' environment. Rows are plain dicts that templates read as `row.item`, for which Jinja tries the
    attribute first and catches the AttributeError: a quarter of the time a server spent holding the interpreter.
    A plain dict has no attributes but its methods, so any other name is looked up as a key at once, to the same
    result (a missing key is undefined, as before)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


class SecurityHeaders:
    """Security headers on every response; plain ASGI, so it costs no task or stream per request. Nothing but
    the static files may be kept by a browser or proxy cache (pages, API answers and exports can be private), and
    when served over HTTPS browsers are told to keep to it."""

    def __init__(self, app: ASGIApp, https: bool = False) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", CSP)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "same-origin"
                headers["X-Frame-Options"] = "DENY"
                if not scope["path"].startswith("/static/"):
                    headers["Cache-Control"] = "no-store"
                if self.https:
                    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def app_from_settings() -> FastAPI:
    """The app for a server worker process, from ARMSTRACK_* settings (`armstrack serve --workers N`)."""
    settings = load_settings()
    return create_app(Armstrack(settings=settings), settings.secure_cookies, warm=True)
