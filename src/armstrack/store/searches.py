"""Saved searches: a user's transfer filters by name, each with the time of its last visit, and the transfers a
filter matches that are new or regraded since a time (transfer_changes, which every rebuild keeps), for a search's
in-app list and its Atom feed."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from armstrack.errors import ArmstrackError, NotFound
from armstrack.store.db import common_text, dicts, sort_key
from armstrack.store.queries import COUNT_CAP, SUMMARY, TransferFilter, now, transfers_query
from armstrack.store.schema import saved_searches, transfer_changes, transfers

Row = dict[str, Any]
MAX_SEARCHES = 100  # per user
MAX_NAME = 100


def save_search(conn: Connection, user: str, name: str, filters: dict[str, str]) -> int:
    """Save a filter (its form values) under a name; its last visit is now, so it starts with nothing new."""
    name = " ".join(name.split())
    if not 0 < len(name) <= MAX_NAME or not name.isprintable():
        raise ArmstrackError(f"a search name is 1–{MAX_NAME} printable characters")
    held = conn.execute(select(func.count()).select_from(saved_searches).where(saved_searches.c.user == user))
    if held.scalar_one() >= MAX_SEARCHES:
        raise ArmstrackError(f"at most {MAX_SEARCHES} saved searches per user: delete one first")
    when = now()
    res = conn.execute(saved_searches.insert().values(
        user=user, name=name, filters={k: v for k, v in sorted(filters.items()) if v},
        feed_key=secrets.token_hex(32), created=when, last_visit=when))
    return int(res.inserted_primary_key[0])  # type: ignore[index]


def user_searches(conn: Connection, user: str) -> list[Row]:
    q = select(saved_searches).where(saved_searches.c.user == user).order_by(sort_key(saved_searches.c.name),
                                                                            saved_searches.c.id)
    return list(dicts(conn.execute(q)))


def get_search(conn: Connection, sid: int, user: str | None = None) -> Row:
    """A saved search by id; with `user`, only that user's (another's is as unknown as a missing one)."""
    q = select(saved_searches).where(saved_searches.c.id == sid)
    if user is not None:
        q = q.where(saved_searches.c.user == user)
    row = conn.execute(q).first()
    if row is None:
        raise NotFound(f"no saved search {sid}")
    return dict(row._mapping)


def visit(conn: Connection, sid: int, when: datetime) -> None:
    conn.execute(update(saved_searches).where(saved_searches.c.id == sid).values(last_visit=when))


def delete_search(conn: Connection, sid: int, user: str) -> None:
    get_search(conn, sid, user)
    conn.execute(delete(saved_searches).where(saved_searches.c.id == sid))


def _changed_query(f: TransferFilter, since: datetime, common: bool) -> Any:
    """The transfers matching a filter whose grade was first given or last moved after `since`."""
    return (transfers_query(replace(f, limit=None, offset=0),
                            [*SUMMARY, transfer_changes.c.first_seen, transfer_changes.c.changed], common)
            .join(transfer_changes, transfer_changes.c.transfer_id == transfers.c.id)
            .where(transfer_changes.c.changed > since))


def changed_since(conn: Connection, f: TransferFilter, since: datetime, limit: int = 100) -> list[Row]:
    """Summary rows of the matching transfers new or regraded after `since`, the latest change first; each with
    `new` (first seen after `since`) and `grade`."""
    q = (_changed_query(f, since, common_text(conn, transfers, f.text)).order_by(None)
         .order_by(transfer_changes.c.changed.desc(), transfers.c.id).limit(limit))
    out = []
    for row in dicts(conn.execute(q)):
        row["grade"] = f"{row['reliability']}{row['credibility']}"
        row["new"] = _aware(row["first_seen"]) > _aware(since)
        out.append(row)
    return out


def count_changed(conn: Connection, f: TransferFilter, since: datetime) -> int:
    """How many matching transfers are new or regraded after `since`, up to COUNT_CAP."""
    q = _changed_query(f, since, common_text(conn, transfers, f.text)).order_by(None).limit(COUNT_CAP)
    return int(conn.execute(select(func.count()).select_from(q.subquery())).scalar_one())


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=UTC)  # SQLite gives back naive UTC
