"""Flash messages: what the last action did ("Merged …", "Accepted 3 claims"), or why it could not be done, shown once
on the next page, with an Undo button when the action was a judgement. Carried in a signed cookie that lives a
minute, so the text cannot be forged and no message text ever comes from the query string."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

FLASH_COOKIE = "armstrack_flash"
FLASH_SECONDS = 60


@dataclass(frozen=True)
class Flash:
    text: str
    undo: int | None = None  # the judgement the message is about: its Undo button
    error: bool = False  # the action was refused: shown as an alert


def _signer(key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(key, salt="flash")


def put(response: Response, key: str, flash: Flash, secure: bool = False) -> Response:
    """The response, carrying the message to the page it redirects to."""
    value = _signer(key).dumps({"t": flash.text[:500], "u": flash.undo, "e": flash.error})
    response.set_cookie(FLASH_COOKIE, value, max_age=FLASH_SECONDS, httponly=True, samesite="lax", secure=secure)
    return response


def take(request: Request, key: str) -> Flash | None:
    """The message a request carries, if its signature holds and it is fresh (the page then deletes the cookie)."""
    value = request.cookies.get(FLASH_COOKIE)
    if not value:
        return None
    try:
        data = _signer(key).loads(value, max_age=FLASH_SECONDS)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("t"), str):
        return None
    undo = data.get("u")
    return Flash(data["t"], undo if isinstance(undo, int) else None, bool(data.get("e")))
