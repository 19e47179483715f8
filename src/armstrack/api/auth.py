"""Who is asking: a signed session cookie (browser) or a read-only bearer token (scripts); what they may
do (viewer < analyst < admin); and CSRF protection on every state-changing request."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from time import monotonic

from fastapi import Request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from armstrack.app import Armstrack
from armstrack.settings import secret_key
from armstrack.store.accounts import role_at_least

SESSION_COOKIE = "armstrack_session"
SESSION_SECONDS = 12 * 3600
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# how long a server process trusts what it read of an API token: a revoked token, or its user's new role, takes effect
# within this many seconds in every process (a token is read-only; a browser session is read on every request)
TOKEN_SECONDS = 10.0
TOKENS_KEPT = 10_000  # tokens a process keeps; past this it forgets them all and reads them anew


class Denied(Exception):
    """A request that may not proceed: 401 (who are you?) or 403 (not allowed)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Principal:
    name: str
    role: str
    via_token: bool  # tokens are read-only whatever the user's role
    nonce: str = ""  # the session's nonce, which its CSRF token is derived from

    def may(self, needed: str) -> bool:
        if needed == "viewer":
            return True
        return not self.via_token and role_at_least(self.role, needed)


class Sessions:
    """Signs session cookies and derives CSRF tokens from the secret key of the settings (ARMSTRACK_SECRET_KEY
    or the settings file; never the store, which a user may share). A cookie carries a random session id whose
    row in the store says whose it is; signing out ends the row, so an old cookie stops working even where the
    browser kept it."""

    def __init__(self, core: Armstrack) -> None:
        self.core = core
        self._key: str | None = None
        self._tokens: dict[str, tuple[float, tuple[str, str]]] = {}  # token → (trusted until, its holder)

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = secret_key(self.core.settings)
        return self._key

    def cookie(self, sid: str) -> str:
        return URLSafeTimedSerializer(self.key, salt="session").dumps({"s": sid})

    def read(self, value: str) -> str | None:
        """The session id a cookie carries, if its signature holds and it is not older than a session lives."""
        try:
            data = URLSafeTimedSerializer(self.key, salt="session").loads(value, max_age=SESSION_SECONDS)
        except BadSignature:
            return None
        return data["s"] if isinstance(data, dict) and isinstance(data.get("s"), str) else None

    def csrf(self, sid: str) -> str:
        return hmac.new(self.key.encode(), f"csrf:{sid}".encode(), hashlib.sha256).hexdigest()

    def feed_token(self, search_id: int, feed_key: str) -> str:
        """The secret in a saved search's feed URL (like a calendar feed's): derived, never stored, so the store
        alone does not open a feed; a new feed_key revokes it."""
        return hmac.new(self.key.encode(), f"feed:{search_id}:{feed_key}".encode(), hashlib.sha256).hexdigest()

    def token_holder(self, token: str) -> tuple[str, str] | None:
        """(user, role) of a live API token, as the store said at most TOKEN_SECONDS ago: a script sending one token
        on every request costs one read of the store per process every TOKEN_SECONDS, not one per request. Only
        live tokens are kept, so a wrong one is read every time."""
        now = monotonic()
        kept = self._tokens.get(token)
        if kept is not None and now < kept[0]:
            return kept[1]
        holder = self.core.token_holder(token)
        if holder is None:
            self._tokens.pop(token, None)
            return None
        if len(self._tokens) >= TOKENS_KEPT:
            self._tokens.clear()
        self._tokens[token] = (now + TOKEN_SECONDS, holder)
        return holder

    def principal(self, request: Request) -> Principal | None:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            holder = self.token_holder(header[7:].strip())
            return Principal(*holder, via_token=True) if holder else None
        sid = self.read(request.cookies.get(SESSION_COOKIE, ""))
        holder = self.core.session_holder(sid) if sid else None
        return Principal(*holder, via_token=False, nonce=sid) if holder and sid else None

    def end(self, request: Request) -> None:
        """Ends the request's session in the store."""
        sid = self.read(request.cookies.get(SESSION_COOKIE, ""))
        if sid:
            self.core.end_session(sid)

    def check(self, request: Request, needed: str, form_token: str | None = None) -> Principal:
        """The principal of a request allowed to do something that needs `needed`; raises Denied."""
        who = self.principal(request)
        if who is None:
            raise Denied(401, "sign in, or send a valid API token")
        if request.method not in SAFE_METHODS:
            token = form_token or request.headers.get("x-csrf-token", "")
            if who.via_token or not hmac.compare_digest(token, self.csrf(who.nonce)):
                raise Denied(403, "missing or invalid CSRF token")
        if not who.may(needed):
            raise Denied(403, f"this needs the {needed} role")
        return who
