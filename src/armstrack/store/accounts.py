"""Users, API tokens and the web app's signing secret. Passwords are argon2id hashes; API tokens are
stored as SHA-256 digests and shown once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, select, update

from armstrack.errors import ArmstrackError
from armstrack.store.db import upsert
from armstrack.store.schema import api_tokens, app_secrets, users

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


def secret(conn: Connection, name: str) -> str:
    """A random secret made on first use and kept in the database."""
    upsert(conn, app_secrets, [{"name": name, "value": secrets.token_urlsafe(48)}], ["name"], update=False)
    return str(conn.execute(select(app_secrets.c.value).where(app_secrets.c.name == name)).scalar_one())
