"""What `armstrack watch` remembers between polls: each feed's validators (ETag, Last-Modified) and the
entries already taken, so a restart neither re-ingests nor loses one."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from armstrack.store.db import dicts, sort_key, upsert
from armstrack.store.schema import feed_items, feeds

MAX_ATTEMPTS = 3  # an entry that gave no document this many polls running is given up, with its reason


@dataclass(frozen=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class ItemOutcome:
    """What one entry gave in one poll: a stored document's id, or the reason it gave none."""

    item_id: str
    link: str | None
    document_id: str | None
    note: str | None = None


def feed_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def feed_state(conn: Connection, url: str) -> FeedState:
    row = conn.execute(select(feeds.c.etag, feeds.c.last_modified).where(feeds.c.id == feed_id(url))).first()
    return FeedState(row.etag, row.last_modified) if row else FeedState()


def settled_items(conn: Connection, url: str, item_ids: Sequence[str]) -> set[str]:
    """The entries not to take again: stored, or given up after MAX_ATTEMPTS."""
    out: set[str] = set()
    for i in range(0, len(item_ids), 500):
        q = select(feed_items.c.item_id).where(
            feed_items.c.feed_id == feed_id(url), feed_items.c.item_id.in_(item_ids[i:i + 500]),
            (feed_items.c.document_id.is_not(None)) | (feed_items.c.attempts >= MAX_ATTEMPTS))
        out.update(r.item_id for r in conn.execute(q))
    return out


def record_poll(conn: Connection, url: str, status: str, state: FeedState | None,
                outcomes: Sequence[ItemOutcome] = ()) -> None:
    """Save one poll: its status, the entries' outcomes and — only now that those are stored — the new
    validators (state None keeps the old ones), so a crash before this never turns new entries into a 304."""
    fid, when = feed_id(url), datetime.now(UTC)
    row: dict[str, object] = {"id": fid, "url": url, "polled": when, "status": status}
    if state is not None:
        row |= {"etag": state.etag, "last_modified": state.last_modified}
    upsert(conn, feeds, [row], ["id"])
    if not outcomes:
        return
    ids = [o.item_id for o in outcomes]
    tried = {r.item_id: r.attempts for r in conn.execute(select(feed_items.c.item_id, feed_items.c.attempts).where(
        feed_items.c.feed_id == fid, feed_items.c.item_id.in_(ids)))}
    upsert(conn, feed_items, [{"feed_id": fid, "item_id": o.item_id, "link": o.link, "document_id": o.document_id,
                               "attempts": tried.get(o.item_id, 0) + 1, "note": o.note, "seen": when}
                              for o in outcomes], ["feed_id", "item_id"])


def list_feeds(conn: Connection) -> list[dict[str, object]]:
    return list(dicts(conn.execute(select(feeds).order_by(sort_key(feeds.c.url), feeds.c.id))))
