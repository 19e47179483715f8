"""`armstrack watch`: RSS and Atom feeds from a loopback server, conditional requests (304), each entry stored
once across polls and restarts, the entry's date, the entry's own text when the article is unreachable, and
every bad feed or entry reported while the others are stored. Nothing touches the internet."""

from __future__ import annotations

import dataclasses
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from armstrack import harvest
from armstrack.app import Armstrack, IngestReport
from armstrack.cli import app
from armstrack.errors import ArmstrackError, UnreadableDocument
from armstrack.extract.document import Extractor
from armstrack.sources.feeds import Feed, load_feeds, parse_feed
from armstrack.sources.fetch import Fetcher, FetchOptions, Response
from armstrack.store import feeds as feed_store
from armstrack.store.queries import DocumentFilter
from armstrack.store.schema import feed_items
from http_fixtures import Reply, Site, article_page, corpus, html, http_date, serve
from store_fixtures import postgres_url, sqlite_url

LOCAL = FetchOptions(allow_private=True, host_delay=0, backoff=0.01, timeout=2, retries=0)


@pytest.fixture(autouse=True)
def fast_fetching(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's fetcher without the one-second politeness delay and retry backoff."""
    monkeypatch.setattr("armstrack.sources.fetch.FetchOptions", lambda **k: dataclasses.replace(LOCAL, **k))


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from (sqlite_url(tmp_path) if request.param == "sqlite" else postgres_url())


def rss(site: Site, items: list[tuple[str, str, str]]) -> str:
    """(guid, path, RFC 822 date) → an RSS 2.0 document whose items link to the site's pages."""
    body = "".join(f"""<item><title>Story {g}</title><link>{site.url(p)}</link><guid isPermaLink="false">{g}</guid>
<pubDate>{d}</pubDate><description>Teaser for {g}.</description></item>""" for g, p, d in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire | World News</title><link>{site.url('/')}</link>
<description>World news</description><language>en-us</language>{body}</channel></rss>"""


def atom(site: Site) -> str:
    text = corpus()[4]["text"].replace("&", "&amp;").replace("<", "&lt;")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Defence Desk</title><id>urn:desk</id>
<updated>2024-03-08T10:00:00Z</updated>
<entry><id>urn:desk:1</id><title>IRIS-T for Kyiv</title><link href="{site.url('/a/3')}"/>
<published>2024-03-07T08:00:00Z</published><updated>2024-03-07T08:00:00Z</updated>
<summary>Short teaser.</summary></entry>
<entry><id>urn:desk:2</id><title>Germany's air defence pledge</title><link href="{site.url('/a/gone')}"/>
<updated>2024-03-08T09:00:00Z</updated>
<content type="html">&lt;p&gt;{text}&lt;/p&gt;</content></entry>
</feed>"""


def conditional(body: str, kind: str, etag: str, modified: str) -> Callable[[dict[str, str]], Reply]:
    """A feed that answers 304 to a request carrying its current ETag or date."""
    def reply(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == etag or headers.get("if-modified-since") == modified:
            return 304, {"ETag": etag, "Last-Modified": modified}, b""
        return 200, {"Content-Type": kind, "ETag": etag, "Last-Modified": modified}, body.encode("utf-8")
    return reply


@pytest.fixture
def newsroom(site: Site) -> Site:
    """Three RSS items and two Atom entries (one of whose articles is gone), an empty feed and a non-feed."""
    recs = corpus()
    for i in range(4):
        site.routes[f"/a/{i}"] = html(article_page(recs[i], published="2023-01-01", site_name="Wire"))
    items = [(f"wire-{i}", f"/a/{i}", f"Tue, 0{5 + i} Mar 2024 10:00:00 GMT") for i in range(3)]
    site.routes["/rss.xml"] = conditional(rss(site, items), "application/rss+xml", '"v1"', http_date(1709632800))
    site.routes["/atom.xml"] = conditional(atom(site), "application/atom+xml; charset=utf-8", '"a1"',
                                           http_date(1709888400))
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    site.routes["/empty.xml"] = (200, {"Content-Type": "application/rss+xml"}, empty)
    site.routes["/page.html"] = html("<html><body><p>Not a feed at all, just a page.</p></body></html>")
    return site


def feeds_yaml(site: Site, tmp_path: Path, *paths: str) -> Path:
    path = tmp_path / "FEEDS.yaml"
    lines = ["feeds:"] + [f"  - url: {site.url(p)}" for p in paths]
    if "/atom.xml" in paths:
        lines[1 + paths.index("/atom.xml")] += "\n    name: Defence Desk\n    language: en-GB"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def watch_once(db: str, feeds: Path) -> Any:
    return CliRunner().invoke(app, ["watch", str(feeds), "--once", "--allow-private", "--db", db])


def test_watch_once_twice_stores_each_entry_once_and_asks_conditionally(newsroom: Site, tmp_path: Path,
                                                                         mini_kb: Path) -> None:
    feeds = feeds_yaml(newsroom, tmp_path, "/rss.xml", "/atom.xml", "/empty.xml")
    db = str(tmp_path / "w.db")
    first = watch_once(db, feeds)
    assert first.exit_code == 0, first.output
    assert "3 entries, 3 new" in first.stderr and "2 entries, 2 new" in first.stderr
    assert "0 entries, 0 new" in first.stderr
    docs, total = Armstrack(db).documents(DocumentFilter(limit=100))
    assert total == 5
    by_url = {d["url"]: d for d in docs}
    assert by_url[newsroom.url("/a/0")]["published"] == "2024-03-05"  # the entry's date, not the page's
    assert by_url[newsroom.url("/a/3")]["source_name"] == "Defence Desk"
    assert by_url[newsroom.url("/a/3")]["language"] == "en"
    fallback = by_url[newsroom.url("/a/gone")]  # the article is gone: the entry's own content stands in
    assert fallback["published"] == "2024-03-08" and "IRIS-T" in Armstrack(db).document(fallback["id"])["text"]
    article_hits = [p for p in newsroom.paths() if p.startswith("/a/")]
    assert sorted(article_hits) == ["/a/0", "/a/1", "/a/2", "/a/3", "/a/gone"]

    newsroom.hits.clear()
    second = watch_once(db, feeds)
    assert second.exit_code == 0, second.output
    assert second.stderr.count("not modified") == 2
    assert [p for p in newsroom.paths() if p.startswith("/a/")] == []
    rss_request = dict(newsroom.hits)["/rss.xml"]
    assert rss_request["if-none-match"] == '"v1"' and "if-modified-since" in rss_request
    assert Armstrack(db).documents()[1] == 5


def test_a_new_entry_is_the_only_one_fetched(newsroom: Site, tmp_path: Path, mini_kb: Path) -> None:
    feeds = feeds_yaml(newsroom, tmp_path, "/rss.xml")
    db = str(tmp_path / "n.db")
    assert watch_once(db, feeds).exit_code == 0
    items = [(f"wire-{i}", f"/a/{i}", "Tue, 05 Mar 2024 10:00:00 GMT") for i in range(4)]
    newsroom.routes["/rss.xml"] = conditional(rss(newsroom, items), "application/rss+xml", '"v2"',
                                              http_date(1709900000))
    newsroom.hits.clear()
    result = watch_once(db, feeds)
    assert "4 entries, 1 new" in result.stderr
    assert [p for p in newsroom.paths() if p.startswith("/a/")] == ["/a/3"]
    assert Armstrack(db).documents()[1] == 4


def test_bad_feeds_are_reported_and_the_others_stored(newsroom: Site, tmp_path: Path, mini_kb: Path) -> None:
    feeds = feeds_yaml(newsroom, tmp_path, "/page.html", "/missing.xml", "/rss.xml")
    feeds.write_text(feeds.read_text() + "  - url: http://169.254.169.254/latest/meta-data/\n")
    result = watch_once(str(tmp_path / "b.db"), feeds)
    assert result.exit_code == 1
    assert f"{newsroom.url('/page.html')}: not an RSS or Atom feed" in result.stderr
    assert f"{newsroom.url('/missing.xml')}: HTTP 404" in result.stderr
    assert "169.254.169.254 is a link-local address" in result.stderr
    assert "3 entries, 3 new" in result.stderr and "Traceback" not in result.output


def test_an_interrupted_poll_loses_nothing_and_stores_nothing_twice(newsroom: Site, db_url: str,
                                                                      mini_kb: Path) -> None:
    feed = Feed(newsroom.url("/rss.xml"))
    armstrack = Armstrack(db_url)

    def interrupt_after_one(r: IngestReport) -> None:
        if r.documents >= 1:
            raise KeyboardInterrupt

    with Fetcher(LOCAL) as fetcher:
        with pytest.raises(KeyboardInterrupt):
            harvest.poll_feed(armstrack, feed, fetcher, Extractor(), batch_size=1, progress=interrupt_after_one)
        assert armstrack.documents()[1] == 1  # one batch committed, nothing marked taken, no validators saved
        report = harvest.poll_feed(armstrack, feed, fetcher, Extractor(), batch_size=1)
        assert (report.new, report.ingest.documents, report.ingest.unchanged) == (3, 2, 1)
        assert harvest.poll_feed(armstrack, feed, fetcher, Extractor()).status == "not modified"
    assert armstrack.documents()[1] == 3
    with armstrack.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(feed_items)).scalar() == 3


def test_a_crash_between_storing_and_marking_is_repaired_by_the_next_poll(
        newsroom: Site, tmp_path: Path, mini_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = Feed(newsroom.url("/rss.xml"))
    armstrack = Armstrack(str(tmp_path / "c.db"))
    real = feed_store.record_poll

    def crash(*args: Any, **kwargs: Any) -> None:
        raise ArmstrackError("power cut")

    with Fetcher(LOCAL) as fetcher:
        monkeypatch.setattr(feed_store, "record_poll", crash)
        with pytest.raises(ArmstrackError):
            harvest.poll_feed(armstrack, feed, fetcher, Extractor())
        monkeypatch.setattr(feed_store, "record_poll", real)
        report = harvest.poll_feed(armstrack, feed, fetcher, Extractor())
    assert (report.new, report.ingest.documents, report.ingest.unchanged) == (3, 0, 3)
    assert armstrack.documents()[1] == 3


def test_an_entry_that_gives_nothing_is_retried_then_given_up(site: Site, tmp_path: Path, mini_kb: Path) -> None:
    body = rss(site, [("lost", "/a/lost", "Tue, 05 Mar 2024 10:00:00 GMT")]).replace(
        "<description>Teaser for lost.</description>", "")
    site.routes["/rss.xml"] = conditional(body, "application/rss+xml", '"v1"', http_date(1709632800))
    armstrack = Armstrack(str(tmp_path / "r.db"))
    statuses = []
    with Fetcher(LOCAL) as fetcher:
        for _ in range(feed_store.MAX_ATTEMPTS + 1):
            report = harvest.poll_feed(armstrack, Feed(site.url("/rss.xml")), fetcher, Extractor())
            statuses.append((report.new, [f.reason for f in report.ingest.failures]))
    assert statuses[0][1] == [f"{site.url('/a/lost')}: HTTP 404; the feed entry has no text of its own"]
    assert [n for n, _ in statuses] == [1, 1, 1, 0]  # validators held back until the entry is settled
    assert site.paths().count("/a/lost") == feed_store.MAX_ATTEMPTS


def test_parsing_a_feed_never_fetches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("feedparser fetched"))
    resp = Response("http://x.example/feed", 200, "application/rss+xml", None, b"http://127.0.0.1/secret")
    with pytest.raises(UnreadableDocument, match="not an RSS or Atom feed"):
        parse_feed(resp)
    empty = dataclasses.replace(resp, body=b"")
    with pytest.raises(UnreadableDocument):
        parse_feed(empty)


def test_feed_lists_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("feeds:\n  - https://a.example/rss\n  - {url: https://b.example/atom, language: fr-FR}\n")
    assert load_feeds(str(path)) == [Feed("https://a.example/rss"), Feed("https://b.example/atom", None, "fr")]
    for bad in ("feeds: []\n", "feeds:\n  - {link: x}\n", "{{{"):
        path.write_text(bad)
        with pytest.raises(UnreadableDocument):
            load_feeds(str(path))
    missing = CliRunner().invoke(app, ["watch", str(tmp_path / "none.yaml"), "--once"])
    assert missing.exit_code == 2 and "cannot read the feed list" in missing.stderr


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("1h30m", 5400), ("90s", 90), ("600", 600)])
def test_poll_intervals(text: str, seconds: float) -> None:
    assert harvest.parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "soon", "-5", "15x"])
def test_bad_poll_intervals(text: str) -> None:
    with pytest.raises(ArmstrackError):
        harvest.parse_every(text)
