"""RSS and Atom feeds: the FEEDS.yaml list, entries parsed by feedparser, and an entry's Document.

Parsing never fetches: feedparser only sees bytes the safe Fetcher already downloaded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import io
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser
import yaml

from armstrack.errors import UnreadableDocument
from armstrack.model import Document, ReadFailure, storable
from armstrack.sources.fetch import Response, url_document_id

TAG = re.compile(r"<[^>]*>")
BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Feed:
    url: str
    name: str | None = None  # the publisher, when the feed's own title will not find it in the registry
    language: str | None = None  # forces the language of every entry


@dataclass(frozen=True)
class Entry:
    item_id: str  # stable across polls: sha1 of the entry's id, else of its link
    link: str | None
    title: str
    published: str | None  # YYYY-MM-DD from the entry
    text: str  # the entry's own content or summary as plain text; used when the article is unreachable


def load_feeds(path: str) -> list[Feed]:
    """The feeds a FEEDS.yaml lists: `feeds: [{url, name?, language?}, …]` (or the bare list, or bare URLs)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise UnreadableDocument(f"{path}: cannot read the feed list ({e.__class__.__name__}: {e})") from e
    items = data.get("feeds") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise UnreadableDocument(f"{path}: expected a list of feeds under 'feeds:'")
    out = []
    for n, item in enumerate(items, 1):
        spec = {"url": item} if isinstance(item, str) else item
        if not isinstance(spec, dict) or not isinstance(spec.get("url"), str) or set(spec) - {"url", "name",
                                                                                              "language"}:
            raise UnreadableDocument(f"{path}: feed {n}: expected a URL or {{url, name, language}}, not {item!r}")
        lang = _str(spec.get("language"))
        out.append(Feed(spec["url"].strip(), _str(spec.get("name")),
                        re.split(r"[-_]", lang)[0].lower() if lang else None))  # "en-US" → "en"
    return out


def _str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the validators the last full response gave."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def parse_feed(resp: Response) -> tuple[str | None, list[Entry]]:
    """The feed's title and its entries; raises UnreadableDocument when the body is not a feed."""
    # a stream, never a string: feedparser would fetch a string that looks like a URL
    parsed = feedparser.parse(io.BytesIO(resp.body), response_headers={
        "content-type": f"{resp.content_type}; charset={resp.charset}" if resp.charset else resp.content_type,
        "content-location": resp.url})
    version = parsed.get("version")
    if not version and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise UnreadableDocument(f"{resp.url}: not an RSS or Atom feed" + (f" ({why})" if why else ""))
    title = _str(parsed.feed.get("title"))
    return title, [entry for e in parsed.entries if (entry := _entry(e)) is not None]


def _entry(e: Any) -> Entry | None:
    link = _str(e.get("link"))
    key = _str(e.get("id")) or link
    title = _str(e.get("title")) or ""
    body = next((c.get("value") for c in e.get("content") or [] if c.get("value")), None) or e.get("summary") or ""
    if not key and not (title or body):
        return None
    key = key or f"{title}\n{body}"
    stamp = e.get("published_parsed") or e.get("updated_parsed")
    return Entry(item_id=hashlib.sha1(key.encode("utf-8")).hexdigest(), link=link, title=title,
                 published=time.strftime("%Y-%m-%d", stamp) if stamp else None, text=html_to_text(body))


def html_to_text(fragment: str) -> str:
    """Plain text from the (feedparser-sanitised) HTML of an entry's content."""
    text = html.unescape(TAG.sub("", BLOCK.sub("\n", fragment)))
    return storable("\n".join(line.strip() for line in text.splitlines() if line.strip()))


def entry_document(entry: Entry, feed: Feed, feed_title: str | None, page: Document | ReadFailure,
                   ) -> Document | ReadFailure:
    """The entry's article as fetched, or the entry's own text when the page gave none; the entry's date, the
    feed's publisher and language win over the page's."""
    origin = entry.link or feed.url
    if isinstance(page, Document):
        doc = page
    elif entry.text:
        text = f"{entry.title}\n\n{entry.text}" if entry.title else entry.text
        doc = Document(text=text, id=url_document_id(entry.link or entry.item_id), url=entry.link, origin=origin)
    else:
        return ReadFailure(origin, f"{page.reason}; the feed entry has no text of its own")
    return dataclasses.replace(doc, published=entry.published or doc.published,
                               source_name=feed.name or doc.source_name or feed_title,
                               language=feed.language or doc.language)
