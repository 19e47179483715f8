"""Safe fetching: tricky URLs refused with a reason before any connection, redirects re-checked hop by hop,
the connection pinned to the vetted address, and every bad page a ReadFailure naming its URL. A loopback
server started by the test stands in for the web; nothing touches the internet."""

from __future__ import annotations

import dataclasses
import gzip
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from armstrack.app import Armstrack
from armstrack.cli import app
from armstrack.errors import UnsafeURL
from armstrack.model import Document, ReadFailure
from armstrack.sources import fetch as fetch_module
from armstrack.sources.fetch import (
    Fetcher,
    FetchOptions,
    address_problem,
    decode_body,
    legacy_ipv4,
    read_url_list,
    retry_after,
)
from http_fixtures import Site, article_page, corpus, html, http_date, serve

FAST = FetchOptions(host_delay=0, backoff=0.01, timeout=2)
LOCAL = FetchOptions(allow_private=True, host_delay=0, backoff=0.01, timeout=2)
PUBLIC_IP = "93.184.215.14"  # what the fake resolver gives news.example; the mock transport answers for it


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every socket.create_connection address; any address but 127.0.0.1 raises instead of connecting."""
    seen: list[Any] = []
    real = socket.create_connection

    def guarded(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        seen.append(address)
        if address[0] != "127.0.0.1":
            raise AssertionError(f"a connection to {address} was attempted")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    return seen


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Host → addresses for socket.getaddrinfo; unknown hosts fail to resolve, as offline."""
    table: dict[str, list[str]] = {"news.example": [PUBLIC_IP]}
    lookups: list[str] = []

    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        lookups.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        family = {4: socket.AF_INET, 6: socket.AF_INET6}
        return [(family[6 if ":" in ip else 4], socket.SOCK_STREAM, 6, "", (ip, port)) for ip in table[host]]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    table["_lookups"] = lookups  # type: ignore[assignment]
    return table


TRICKY = [
    ("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
    ("http://localhost/admin", "localhost resolves to 127.0.0.1, a loopback address"),
    ("http://[::1]/", "::1 is a loopback address"),
    ("http://10.0.0.5/", "10.0.0.5 is a private address"),
    ("http://192.168.1.1/", "is a private address"),
    ("http://172.16.0.1/", "is a private address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://0x7f000001/", "0x7f000001 means 127.0.0.1, a loopback address"),
    ("http://2130706433/", "2130706433 means 127.0.0.1, a loopback address"),
    ("http://127.1/", "127.1 means 127.0.0.1, a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
    ("http://[::ffff:a9fe:a9fe]/", "a link-local address"),
    ("http://[2002:7f00:1::]/", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
    ("http://[64:ff9b::a00:1]/", "a private address (IPv4 10.0.0.1 inside IPv6)"),
    ("http://[fe80::1%25eth0]/", "a link-local address"),
    ("http://[fd12:3456::1]/", "is a private address"),
    ("http://0.0.0.0:8000/", "the unspecified or broadcast address"),
    ("http://224.0.0.1/", "a multicast address"),
    ("http://100.64.1.1/", "not a globally routable address"),
    ("http://evil.example@127.0.0.1/", "a URL with a user name or password"),
    ("file:///etc/passwd", "only http and https URLs are fetched (not 'file')"),
    ("gopher://127.0.0.1:70/", "only http and https"),
    ("ftp://example.org/x", "only http and https"),
    ("http:///nohost", "refused"),
]


@pytest.mark.parametrize(("url", "reason"), TRICKY)
def test_tricky_urls_are_refused_with_a_reason_and_no_connection(url: str, reason: str,
                                                                 connections: list[Any]) -> None:
    with Fetcher(FAST) as f:
        result = f.fetch(url)
    assert isinstance(result, ReadFailure), result
    assert result.origin == url and reason in result.reason and result.reason.startswith(url.split("%")[0][:10])
    assert connections == []


def test_the_loopback_server_itself_is_refused_without_allow_private(site: Site, connections: list[Any]) -> None:
    site.routes["/a"] = html(article_page(corpus()[0]))
    with Fetcher(FAST) as f:
        result = f.fetch(site.url("/a"))
    assert isinstance(result, ReadFailure) and "127.0.0.1 is a loopback address" in result.reason
    assert site.hits == [] and connections == []


def counting(replies: dict[str, httpx.Response]) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return replies.get(request.url.path, httpx.Response(404))
    return httpx.MockTransport(handler), seen


@pytest.mark.parametrize(("target", "reason"), [
    ("http://127.0.0.1:8080/admin", "127.0.0.1 is a loopback address"),
    ("http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254 is a link-local address"),
    ("http://0x7f000001/", "means 127.0.0.1, a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
    ("http://localhost/", "localhost resolves to 127.0.0.1"),
    ("file:///etc/passwd", "only http and https"),
])
def test_a_redirect_to_a_forbidden_address_is_refused_before_the_next_hop(
        target: str, reason: str, fake_dns: dict[str, list[str]], connections: list[Any]) -> None:
    fake_dns["localhost"] = ["127.0.0.1"]
    transport, seen = counting({"/story": httpx.Response(302, headers={"Location": target})})
    with Fetcher(FAST, transport=transport) as f:
        result = f.fetch("http://news.example/story")
    assert isinstance(result, ReadFailure) and reason in result.reason
    # the site's robots.txt (404 here: no rules) and the first hop, nothing more
    assert [str(r.url) for r in seen] == [f"http://{PUBLIC_IP}/robots.txt", f"http://{PUBLIC_IP}/story"]
    assert connections == []


def test_a_loopback_redirect_to_the_metadata_address_is_refused_even_with_allow_private(
        site: Site, connections: list[Any]) -> None:
    site.routes["/jump"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    site.routes["/jump6"] = (301, {"Location": "http://[::ffff:169.254.169.254]/"}, b"")
    with Fetcher(LOCAL) as f:
        results = [f.fetch(site.url("/jump")), f.fetch(site.url("/jump6"))]
    assert all(isinstance(r, ReadFailure) and "link-local" in r.reason for r in results)
    assert site.paths() == ["/robots.txt", "/jump", "/jump6"]
    assert {a[0] for a in connections} == {"127.0.0.1"}


def test_the_connection_is_pinned_to_the_vetted_address(fake_dns: dict[str, list[str]],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the first answer is public, every later one private; the request still goes to the first
    address (host in Host header and TLS SNI), and the name is resolved once."""
    answers = iter([[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]])
    real = socket.getaddrinfo

    def rebinding(host: str, port: int, *a: Any, **k: Any) -> Any:
        fake_dns["news.example"] = next(answers)
        return real(host, port, *a, **k)
    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    page = article_page(corpus()[0])
    transport, seen = counting({"/story": httpx.Response(200, headers={"Content-Type": "text/html"},
                                                         text=page)})
    with Fetcher(FAST, transport=transport) as f:
        doc = f.fetch("https://news.example/story")
    assert isinstance(doc, Document) and doc.url == "https://news.example/story"
    robots, request = seen  # robots.txt goes to the same vetted address
    assert robots.url.path == "/robots.txt" and request.url.path == "/story"
    for r in (robots, request):
        assert r.url.host == PUBLIC_IP and r.headers["host"] == "news.example"
        assert r.extensions["sni_hostname"] == "news.example"
    assert fake_dns["_lookups"] == ["news.example"]  # type: ignore[comparison-overlap]


def test_a_name_resolving_to_both_public_and_private_addresses_is_refused(fake_dns: dict[str, list[str]]) -> None:
    fake_dns["mixed.example"] = [PUBLIC_IP, "10.1.2.3"]
    transport, seen = counting({})
    with Fetcher(FAST, transport=transport) as f:
        result = f.fetch("http://mixed.example/")
    assert isinstance(result, ReadFailure) and "mixed.example resolves to 10.1.2.3, a private address" in result.reason
    assert seen == []


def test_an_unresolvable_host_is_a_failure_naming_it(fake_dns: dict[str, list[str]]) -> None:
    with Fetcher(FAST) as f:
        result = f.fetch("http://no-such-host.example/x")
    assert isinstance(result, ReadFailure) and "cannot resolve host 'no-such-host.example'" in result.reason


def test_a_real_style_article_becomes_a_document_with_its_metadata(site: Site) -> None:
    rec = corpus()[0]
    site.routes["/world/iris-t"] = html(article_page(rec, published="2024-03-05", site_name="Reuters"))
    with Fetcher(LOCAL) as f:
        doc = f.fetch(site.url("/world/iris-t"))
    assert isinstance(doc, Document), doc
    assert "IRIS-T SLM" in doc.text and "All rights reserved" not in doc.text
    assert (doc.url, doc.published, doc.source_name) == (site.url("/world/iris-t"), "2024-03-05", "Reuters")
    assert doc.id.startswith("url:") and site.hits[0][1]["user-agent"].startswith("armstrack/")


def test_the_bad_pages_of_a_salted_corpus_each_fail_with_their_reason(site: Site) -> None:
    rec = corpus()[1]
    cp1251 = ("<html><head><meta charset='utf-8'></head><body><article>"
              + "<p>Германия передаст Украине ещё четыре зенитных ракетных комплекса IRIS-T SLM до конца года, "
                "сообщил в пятницу представитель правительства в Берлине.</p>" * 4
              + "</article></body></html>").encode("cp1251")
    attempts: list[int] = []

    def flaky(_: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        attempts.append(1)
        return html(article_page(rec)) if len(attempts) > 1 else (500, {}, b"oops")

    site.routes.update({
        "/ok": html(article_page(rec)),
        "/huge": html(b"<html><body>" + b"<p>filler text</p>" * 100_000),
        "/wrong-encoding": (200, {"Content-Type": "text/html; charset=utf-8"}, cp1251),
        "/broken": html(article_page(rec).replace("</p>", "</span><div>")[:-400]),  # unclosed tags, cut short
        "/empty": html(""),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n"),
        "/flaky": flaky,
        "/down": (503, {}, b"down"),
        "/gone": (404, {}, b"gone"),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/moved": (301, {"Location": "/ok"}, b""),
        "/feed": (200, {"Content-Type": "application/rss+xml"}, b"<rss version='2.0'><channel/></rss>"),
    })
    with Fetcher(dataclasses.replace(LOCAL, max_bytes=1_000_000)) as f:
        got = {p: f.fetch(site.url(p)) for p in ("/ok", "/huge", "/wrong-encoding", "/broken", "/empty", "/image",
                                                 "/flaky", "/down", "/gone", "/loop", "/moved", "/feed")}
    docs = {p for p, r in got.items() if isinstance(r, Document)}
    assert docs == {"/ok", "/wrong-encoding", "/broken", "/flaky", "/moved"}
    assert "Германия передаст Украине" in got["/wrong-encoding"].text  # type: ignore[union-attr]
    reasons = {p: r.reason for p, r in got.items() if isinstance(r, ReadFailure)}
    assert all(reason.startswith(site.url(p)) for p, reason in reasons.items())
    assert "larger than 1,000,000 bytes" in reasons["/huge"]
    assert "no article text found" in reasons["/empty"]
    assert "content type 'image/png' is not HTML" in reasons["/image"]
    assert "HTTP 503 after 3 attempts" in reasons["/down"] and "HTTP 404" in reasons["/gone"]
    assert "more than 5 redirects" in reasons["/loop"]
    assert "a feed (application/rss+xml)" in reasons["/feed"]
    assert len(attempts) == 2 and site.paths().count("/down") == 3




def test_a_body_without_a_length_is_cut_at_the_cap(fake_dns: dict[str, list[str]]) -> None:
    sent: list[int] = []

    def endless() -> Iterator[bytes]:
        for _ in range(1000):
            sent.append(1)
            yield b"<p>" + b"a" * 4096 + b"</p>"
    transport = httpx.MockTransport(lambda r: httpx.Response(200, headers={"Content-Type": "text/html"},
                                                              content=endless()))
    with Fetcher(dataclasses.replace(FAST, max_bytes=50_000), transport=transport) as f:
        result = f.fetch("http://news.example/endless")
    assert isinstance(result, ReadFailure) and "larger than 50,000 bytes" in result.reason
    assert len(sent) < 20


def test_a_slow_server_times_out_and_is_retried(site: Site) -> None:
    def slow(_: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.0)
        return html("late")
    site.routes["/slow"] = slow
    with Fetcher(dataclasses.replace(LOCAL, timeout=0.3, retries=1)) as f:
        result = f.fetch(site.url("/slow"))
    assert isinstance(result, ReadFailure) and "timed out after 2 attempts" in result.reason
    assert site.paths() == ["/robots.txt", "/slow", "/slow"]


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site) -> None:
    site.routes["/a"] = html(article_page(corpus()[0]))
    started = time.monotonic()
    with Fetcher(dataclasses.replace(LOCAL, host_delay=0.4)) as f:
        f.fetch(site.url("/a"))
        f.fetch(site.url("/a"))
        f.fetch(site.url("/a"))
    assert time.monotonic() - started >= 0.8


ROBOTS = b"""# a news site's rules
User-agent: *
Disallow: /private/
Crawl-delay: 0.5

User-agent: armstrack
Disallow: /archive/
Allow: /archive/2024/
"""


def test_robots_txt_is_read_once_per_origin_and_obeyed(site: Site) -> None:
    """The most specific group applies (armstrack's own, not '*'): /archive/ is refused except 2024."""
    site.routes.update({"/robots.txt": (200, {"Content-Type": "text/plain"}, ROBOTS),
                        **{p: html(article_page(corpus()[0])) for p in ("/a", "/archive/2024/a", "/private/a")}})
    with Fetcher(LOCAL) as f:
        got = {p: f.fetch(site.url(p)) for p in ("/a", "/archive/old", "/archive/2024/a", "/private/a")}
    assert {p for p, r in got.items() if isinstance(r, Document)} == {"/a", "/archive/2024/a", "/private/a"}
    assert got["/archive/old"].reason == (  # type: ignore[union-attr]
        f"{site.url('/archive/old')}: not fetched, the site's robots.txt disallows it for armstrack")
    assert site.paths() == ["/robots.txt", "/a", "/archive/2024/a", "/private/a"]


def test_the_star_group_applies_when_armstrack_has_none_and_its_crawl_delay_spaces_requests(site: Site) -> None:
    site.routes.update({"/robots.txt": (200, {"Content-Type": "text/plain"}, ROBOTS.split(b"User-agent: arm")[0]),
                        "/a": html(article_page(corpus()[0]))})
    started = time.monotonic()
    with Fetcher(LOCAL) as f:
        assert "robots.txt disallows" in f.fetch(site.url("/private/x")).reason  # type: ignore[union-attr]
        assert isinstance(f.fetch(site.url("/a")), Document)
        assert isinstance(f.fetch(site.url("/a")), Document)
    assert time.monotonic() - started >= 0.9  # robots.txt, then two pages 0.5 s apart each (host delay is 0)


def test_an_unreachable_robots_txt_forbids_the_site_and_a_missing_one_allows_it(site: Site) -> None:
    site.routes.update({"/robots.txt": (503, {}, b"busy"), "/a": html(article_page(corpus()[0]))})
    with Fetcher(LOCAL) as f:
        refused = f.fetch(site.url("/a"))
    assert isinstance(refused, ReadFailure)
    assert "robots.txt is unreachable (HTTP 503), which forbids all" in refused.reason
    assert "/a" not in site.paths()
    del site.routes["/robots.txt"]  # now a 404
    with Fetcher(LOCAL) as f:
        assert isinstance(f.fetch(site.url("/a")), Document)
    with Fetcher(dataclasses.replace(LOCAL, obey_robots=False)) as f:  # --ignore-robots
        site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /\n")
        site.hits.clear()
        assert isinstance(f.fetch(site.url("/a")), Document) and site.paths() == ["/a"]


def test_retry_after_is_waited_for_and_a_long_one_gives_up_at_once(site: Site) -> None:
    answers = iter([(429, {"Retry-After": "1"}, b"slow down"), html(article_page(corpus()[0]))])
    site.routes["/busy"] = lambda _: next(answers)
    site.routes["/closed"] = (503, {"Retry-After": http_date(time.time() + 7200)}, b"maintenance")
    started = time.monotonic()
    with Fetcher(LOCAL) as f:
        assert isinstance(f.fetch(site.url("/busy")), Document)
        waited = time.monotonic() - started
        closed = f.fetch(site.url("/closed"))
    assert waited >= 1.0  # the backoff alone would have been 0.01 s
    assert isinstance(closed, ReadFailure) and "HTTP 503, asked to retry after 7" in closed.reason
    assert site.paths().count("/closed") == 1


@pytest.mark.parametrize(("header", "seconds"), [("120", 120.0), ("0", 0.0), ("soon", None), ("", None),
                                                 ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_values(header: str, seconds: float | None) -> None:
    assert retry_after(header) == seconds


def test_address_policy() -> None:
    assert address_problem(fetch_module.ipaddress.ip_address("8.8.8.8"), False) is None
    assert address_problem(fetch_module.ipaddress.ip_address("2606:4700::1111"), False) is None
    assert address_problem(fetch_module.ipaddress.ip_address("10.0.0.1"), True) is None  # --allow-private
    assert address_problem(fetch_module.ipaddress.ip_address("127.0.0.1"), True) is None
    assert "link-local" in str(address_problem(fetch_module.ipaddress.ip_address("169.254.169.254"), True))
    assert "multicast" in str(address_problem(fetch_module.ipaddress.ip_address("ff02::1"), True))


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_legacy_numeric_hosts_read_as_inet_aton_does(value: int) -> None:
    ip = fetch_module.ipaddress.IPv4Address(value)
    a, b, c, d = ip.packed
    for form in (str(value), hex(value), f"{a}.{(b << 16) + (c << 8) + d}", f"{a}.{b}.{(c << 8) + d}",
                 ".".join(oct(x).replace("0o", "0") for x in ip.packed)):
        assert legacy_ipv4(form) == ip, form
        if value:
            assert socket.inet_aton(form) == ip.packed


@given(st.binary(max_size=2000), st.sampled_from([None, "utf-8", "latin-1", "bogus", "cp1251", "shift_jis"]))
def test_decoding_never_raises(body: bytes, declared: str | None) -> None:
    assert isinstance(decode_body(body, declared), str)


def test_check_url_refuses_without_resolving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: pytest.fail("resolved"))
    for url in ("javascript:alert(1)", "data:text/html,hi", "http://user:pw@news.example/"):
        with pytest.raises(UnsafeURL):
            fetch_module.check_url(url)


def test_url_lists_skip_comments_and_keep_fragments(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# reading list\n\nhttps://a.example/x#section  # a comment\n  https://b.example/y\n",
                    encoding="utf-8")
    assert read_url_list(str(path)) == ["https://a.example/x#section", "https://b.example/y"]


def test_ingest_urls_stores_the_pages_and_names_each_bad_url(site: Site, tmp_path: Path, mini_kb: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("armstrack.sources.fetch.FetchOptions", lambda **k: dataclasses.replace(LOCAL, **k))
    recs = corpus()
    site.routes["/one"] = html(article_page(recs[0], published="2024-03-05", site_name="Reuters"))
    site.routes["/two"] = html(article_page(recs[2], published="2024-03-06"))
    site.routes["/meta"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join([site.url("/one"), "# skipped", site.url("/two"), site.url("/missing"),
                                site.url("/meta"), "file:///etc/passwd"]), encoding="utf-8")
    db = str(tmp_path / "u.db")
    result = CliRunner().invoke(app, ["ingest", "--db", db, "--urls", str(urls), "--allow-private"])
    assert result.exit_code == 1, result.output
    assert f"{site.url('/missing')}: HTTP 404" in result.stderr
    assert "169.254.169.254 is a link-local address" in result.stderr
    assert "file:///etc/passwd: refused, only http and https" in result.stderr
    assert "2 documents stored" in result.stderr and "3 failed" in result.stderr
    docs, total = Armstrack(db).documents()
    assert total == 2
    assert {(d["url"], d["published"]) for d in docs} == {(site.url("/one"), "2024-03-05"),
                                                          (site.url("/two"), "2024-03-06")}
    again = CliRunner().invoke(app, ["ingest", "--db", db, "--urls", str(urls), "--allow-private"])
    assert "0 documents stored, 2 unchanged" in again.stderr
    private = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "p.db"), "--urls", str(urls)])
    assert "127.0.0.1 is a loopback address" in private.stderr and "0 documents stored" in private.stderr
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /two\n")
    robots_db = str(tmp_path / "r.db")
    obeyed = CliRunner().invoke(app, ["ingest", "--db", robots_db, "--urls", str(urls), "--allow-private"])
    assert f"{site.url('/two')}: not fetched, the site's robots.txt disallows it" in obeyed.stderr
    assert "1 documents stored" in obeyed.stderr
    ignored = CliRunner().invoke(app, ["ingest", "--db", robots_db, "--urls", str(urls), "--allow-private",
                                       "--ignore-robots"])
    assert "robots.txt" not in ignored.stderr and Armstrack(robots_db).documents()[1] == 2


def test_compressed_bombs_bad_gzip_and_bad_redirects_are_failures(fake_dns: dict[str, list[str]]) -> None:
    bomb = gzip.compress(b"<p>" + b"0" * 20_000_000 + b"</p>")
    gzipped = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    replies = {
        "/bomb": httpx.Response(200, headers=gzipped, stream=httpx.ByteStream(bomb)),
        "/bad-gzip": httpx.Response(200, headers=gzipped, stream=httpx.ByteStream(b"not gzip at all")),
        "/bad-location": httpx.Response(302, headers={"Location": "http://[::1"}),
    }
    transport, _ = counting(replies)
    with Fetcher(dataclasses.replace(FAST, max_bytes=1_000_000), transport=transport) as f:
        got = {p: f.fetch(f"http://news.example{p}") for p in replies}
    assert "larger than 1,000,000 bytes" in got["/bomb"].reason  # type: ignore[union-attr]
    assert "DecodingError" in got["/bad-gzip"].reason  # type: ignore[union-attr]
    assert "invalid url in location" in got["/bad-location"].reason.lower()  # type: ignore[union-attr]
