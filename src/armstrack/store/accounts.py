"""Users, API tokens and web sessions. Passwords are argon2id hashes; API tokens are
stored as SHA-256 digests and shown once."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, select, update

from armstrack.errors import ArmstrackError
from armstrack.store.db import upsert
from armstrack.store.schema import api_tokens, login_failures, users, web_sessions

ROLES = ("viewer", "analyst", "admin")  # each role may do what the ones before it may
HASHER = PasswordHasher()
MIN_PASSWORD = 10


def role_at_least(role: str, needed: str) -> bool:
    return ROLES.index(role) >= ROLES.index(needed)


def add_user(conn: Connection, name: str, password: str, role: str) -> None:
    if role not in ROLES:
        raise ArmstrackError(f"unknown role {role!r} (use {', '.join(ROLES)})")
    if len(password) < MIN_PASSWORD:
        raise ArmstrackError(f"password too short: at least {MIN_PASSWORD} characters")
    if not name or len(name) > 100 or not name.isprintable():
        raise ArmstrackError("a user name is 1–100 printable characters")
    upsert(conn, users, [{"name": name, "password_hash": HASHER.hash(password), "role": role,
                          "created": datetime.now(UTC)}], ["name"])
    end_sessions(conn, name)  # a new password or role ends every session signed in under the old one


def authenticate(conn: Connection, name: str, password: str) -> str | None:
    """The user's role if the password is right, else None (the same answer for an unknown user)."""
    row = conn.execute(select(users.c.password_hash, users.c.role).where(users.c.name == name)).first()
    if row is None:
        HASHER.hash(password)  # as slow as a real check, so timing does not tell who exists
        return None
    try:
        HASHER.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return str(row.role)


def role_of(conn: Connection, name: str) -> str | None:
    return conn.execute(select(users.c.role).where(users.c.name == name)).scalar_one_or_none()


def issue_token(conn: Connection, name: str, label: str) -> str:
    """A new read-only API token for a user; only its digest is stored."""
    if role_of(conn, name) is None:
        raise ArmstrackError(f"no user {name!r}")
    token = "ast_" + secrets.token_urlsafe(32)
    conn.execute(api_tokens.insert().values(token_hash=_digest(token), user=name, label=label,
                                            created=datetime.now(UTC)))
    return token


def token_holder(conn: Connection, token: str) -> tuple[str, str] | None:
    """The user holding a live token and their role, in one query (it runs on every API request)."""
    row = conn.execute(select(users.c.name, users.c.role).join_from(api_tokens, users)
                       .where(api_tokens.c.token_hash == _digest(token), api_tokens.c.revoked.is_(None))).first()
    return (str(row.name), str(row.role)) if row else None


def revoke_tokens(conn: Connection, name: str) -> None:
    conn.execute(update(api_tokens).where(api_tokens.c.user == name).values(revoked=datetime.now(UTC)))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(conn: Connection, name: str, seconds: int) -> str:
    """A new session id for a signed-in user (only its digest is stored); drops the user's ended sessions."""
    now = datetime.now(UTC)
    conn.execute(delete(web_sessions).where(web_sessions.c.user == name, web_sessions.c.expires < now))
    sid = secrets.token_urlsafe(32)
    conn.execute(web_sessions.insert().values(id_hash=_digest(sid), user=name, created=now,
                                              expires=now + timedelta(seconds=seconds)))
    return sid


def session_holder(conn: Connection, sid: str) -> tuple[str, str] | None:
    """The user of a live session and their role, in one query (it runs on every page request)."""
    row = conn.execute(select(users.c.name, users.c.role, web_sessions.c.expires).join_from(web_sessions, users)
                       .where(web_sessions.c.id_hash == _digest(sid), web_sessions.c.revoked.is_(None))).first()
    if row is None or _aware(row.expires) <= datetime.now(UTC):
        return None
    return (str(row.name), str(row.role))


def end_session(conn: Connection, sid: str) -> None:
    conn.execute(update(web_sessions).where(web_sessions.c.id_hash == _digest(sid)).values(revoked=datetime.now(UTC)))


def end_sessions(conn: Connection, name: str) -> None:
    conn.execute(update(web_sessions).where(web_sessions.c.user == name, web_sessions.c.revoked.is_(None))
                 .values(revoked=datetime.now(UTC)))


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=UTC)  # SQLite gives back naive UTC


# --- sign-in backoff: failures are counted per account and address together, per address, and per account.
# The per-account limit is high and its wait short, so nobody can keep another user locked out for long.


@dataclass(frozen=True)
class Backoff:
    scope: str  # "pair" (account at one address) | "address" | "account"
    free: int  # failures allowed before waits start
    most: int  # the longest wait, in seconds


BACKOFFS = (Backoff("pair", 5, 300), Backoff("address", 20, 600), Backoff("account", 50, 30))
FORGET = timedelta(hours=1)  # failures older than this are forgotten


def _keys(name: str, address: str) -> dict[str, str]:
    return {"pair": f"pair:{address}:{name}", "address": f"address:{address}", "account": f"account:{name}"}


def login_wait(conn: Connection, name: str, address: str, now: datetime | None = None) -> int:
    """Seconds to wait before the next sign-in try for this account from this address (0: go ahead)."""
    now = now or datetime.now(UTC)
    keys = _keys(name[:100], address)
    rows = {r.key: r for r in conn.execute(select(login_failures).where(login_failures.c.key.in_(keys.values())))}
    wait = 0.0
    for b in BACKOFFS:
        r = rows.get(keys[b.scope])
        if r is None or r.failures < b.free or now - _aware(r.last_failure) > FORGET:
            continue
        delay = min(b.most, 2 ** (r.failures - b.free))
        wait = max(wait, delay - (now - _aware(r.last_failure)).total_seconds())
    return max(0, int(wait + 0.999))


def login_failed(conn: Connection, name: str, address: str, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    for key in _keys(name[:100], address).values():
        row = conn.execute(select(login_failures).where(login_failures.c.key == key)).first()
        failures = 1 if row is None or now - _aware(row.last_failure) > FORGET else row.failures + 1
        upsert(conn, login_failures, [{"key": key, "failures": failures, "last_failure": now}], ["key"])


def login_succeeded(conn: Connection, name: str, address: str) -> None:
    keys = _keys(name[:100], address)
    conn.execute(delete(login_failures).where(login_failures.c.key.in_([keys["pair"], keys["account"]])))
