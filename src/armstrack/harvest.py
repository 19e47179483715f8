"""Fetched documents into the store: URL lists (`ingest --urls`) and feeds (`watch`).

A feed poll stores its new entries' documents first (Armstrack.ingest: batched, idempotent by document id) and
only then, in one transaction, marks those entries taken and saves the feed's new ETag / Last-Modified. A crash
between the two loses nothing: the next poll sees the same entries as new again, fetches them again, and ingest
finds their documents already stored (one id per URL), so nothing is stored twice either.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from armstrack.app import Armstrack, IngestReport, Progress
from armstrack.errors import ArmstrackError, UnreadableDocument, UnsafeURL
from armstrack.extract.document import Extractor
from armstrack.model import Document, ReadFailure
from armstrack.sources.feeds import Feed, conditional_headers, entry_document, parse_feed
from armstrack.sources.fetch import Fetcher
from armstrack.store import feeds as feed_store
from armstrack.store.db import unit_of_work
from armstrack.transfers.origins import Registry

DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def parse_every(text: str) -> float:
    """Seconds from "15m", "1h30m", "90s" or a bare number of seconds; raises ArmstrackError."""
    clean = text.strip().lower()
    m = DURATION.match(clean)
    if clean.isdigit():
        seconds = int(clean)
    elif m and clean:
        seconds = int(m[1] or 0) * 3600 + int(m[2] or 0) * 60 + int(m[3] or 0)
    else:
        seconds = 0
    if seconds <= 0:
        raise ArmstrackError(f"--every {text!r}: expected a duration such as 15m, 1h30m or 90s")
    return float(seconds)


def with_publisher(item: Document | ReadFailure, registry: Registry) -> Document | ReadFailure:
    """A fetched document whose page named no site gets the registry's outlet for its URL's domain."""
    if isinstance(item, ReadFailure) or item.source_name:
        return item
    source = registry.find(None, item.url)
    return dataclasses.replace(item, source_name=source.name) if source else item


def fetch_urls(urls: Iterable[str], fetcher: Fetcher, registry: Registry) -> Iterator[Document | ReadFailure]:
    """Each URL's page as a Document (date and site from its metadata, else the registry), or why not."""
    for url in urls:
        yield with_publisher(fetcher.fetch(url), registry)


@dataclass
class PollReport:
    feed: Feed
    status: str  # "not modified", "N entries, …", or "not read"
    entries: int = 0
    new: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)


def poll_feed(armstrack: Armstrack, feed: Feed, fetcher: Fetcher, extractor: Extractor, batch_size: int = 100,
              progress: Progress | None = None) -> PollReport:
    """One conditional GET of a feed; its entries not taken before are fetched, stored and marked taken."""
    with unit_of_work(armstrack.engine) as conn:
        state = feed_store.feed_state(conn, feed.url)
    try:
        resp = fetcher.get(feed.url, conditional_headers(state.etag, state.last_modified))
        if resp.status == 304:
            return _finish(armstrack, PollReport(feed, "not modified"), None)
        title, entries = parse_feed(resp)
    except (UnsafeURL, UnreadableDocument) as e:
        report = PollReport(feed, "not read")
        report.ingest.failures.append(ReadFailure(feed.url, str(e)))
        return _finish(armstrack, report, None)
    unique = list({e.item_id: e for e in entries}.values())
    with unit_of_work(armstrack.engine) as conn:
        settled = feed_store.settled_items(conn, feed.url, [e.item_id for e in unique])
    new = [e for e in unique if e.item_id not in settled]
    outcomes: dict[str, feed_store.ItemOutcome] = {}
    origins: dict[str, str] = {}

    def documents() -> Iterator[Document | ReadFailure]:
        for e in new:
            page = fetcher.fetch(e.link) if e.link else ReadFailure(feed.url, f"{feed.url}: entry without a link")
            item = with_publisher(entry_document(e, feed, title, page), armstrack.registry)
            if isinstance(item, Document):
                outcomes[e.item_id] = feed_store.ItemOutcome(e.item_id, e.link, item.id)
            else:
                outcomes[e.item_id] = feed_store.ItemOutcome(e.item_id, e.link, None, item.reason)
            origins[item.origin] = e.item_id
            yield item

    ingested = armstrack.ingest(documents(), extractor, batch_size=batch_size, progress=progress)
    for f in ingested.failures:  # an extraction failure: that entry's document was not stored
        o = outcomes.get(origins.get(f.origin, ""))
        if o and o.document_id:
            outcomes[o.item_id] = dataclasses.replace(o, document_id=None, note=f.reason)
    done = all(o.document_id for o in outcomes.values())
    report = PollReport(feed, f"{len(unique)} entries, {len(new)} new, {len(ingested.failures)} failed",
                        len(unique), len(new), ingested)
    # validators are saved only when every new entry gave a document: else the next poll must get the full
    # feed again to retry the ones that failed
    return _finish(armstrack, report, feed_store.FeedState(resp.etag, resp.last_modified) if done else None,
                   list(outcomes.values()))


def _finish(armstrack: Armstrack, report: PollReport, state: feed_store.FeedState | None,
            outcomes: list[feed_store.ItemOutcome] | None = None) -> PollReport:
    with unit_of_work(armstrack.engine) as conn:
        status = report.ingest.failures[0].reason if report.status == "not read" else report.status
        feed_store.record_poll(conn, report.feed.url, status, state, outcomes or [])
    return report
