"""One error shape for every API error, built by one function: {"error": {"status": …, "message": …}}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from armstrack.api.auth import Denied
from armstrack.errors import ArmstrackError, Merged, NotFound

log = logging.getLogger("armstrack.api")


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


def install(app: FastAPI, templates: Jinja2Templates) -> None:
    """Map every exception to the one error shape (API) or an error page (browser)."""

    def respond(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api") or request.url.path in ("/openapi.json", "/docs"):
            return JSONResponse(error_body(status, message), status_code=status)
        if status == 401 and request.method == "GET":
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status)

    @app.exception_handler(Denied)
    async def denied(request: Request, e: Denied) -> Response:
        return respond(request, e.status, str(e))

    @app.exception_handler(Merged)
    async def merged(request: Request, e: Merged) -> Response:
        """A merged-away transfer's address, page or API, answers with the transfer it went into (permalinks survive
        merges; no-store keeps a browser from remembering it past an undo)."""
        if request.method not in ("GET", "HEAD"):
            return respond(request, 404, str(e))
        path = request.url.path.replace(f"/{e.old}", f"/{e.into}", 1)
        return RedirectResponse(path + (f"?{request.url.query}" if request.url.query else ""), status_code=308)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, e: NotFound) -> Response:
        return respond(request, 404, str(e))

    @app.exception_handler(ArmstrackError)
    async def bad_request(request: Request, e: ArmstrackError) -> Response:
        return respond(request, 400, str(e))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, e: RequestValidationError) -> Response:
        first = e.errors()[0] if e.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return respond(request, 422, f"invalid request: {where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, e: HTTPException) -> Response:
        return respond(request, e.status_code, str(e.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, e: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal error")
