"""Safe HTTP fetching: pages and feeds from URLs an untrusted list or feed names.

Every URL, and every redirect hop, is checked before any connection: http or https only, no userinfo, and
the host resolved once here and refused when any address it resolves to is loopback, private, link-local,
multicast, reserved or otherwise not global (IPv4-mapped, 6to4, NAT64 and IPv4-compatible IPv6 are judged by
the IPv4 address inside). The request then goes to that vetted address and no other (see `Fetcher._send`).
Politeness: robots.txt is obeyed as RFC 9309 says (fetched once a day per origin; a missing one allows all,
an unreachable one allows nothing; Crawl-delay widens the per-host delay), requests to one host are spaced,
and a 429 or 503 with Retry-After is retried no sooner than the server asks.
A failure is a ReadFailure naming the URL and the reason, never an exception that stops a run.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import ipaddress
import re
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import TracebackType

import httpx
from protego import Protego
from trafilatura.utils import detect_encoding

from armstrack import __version__
from armstrack.errors import UnreadableDocument, UnsafeURL
from armstrack.model import Document, ReadFailure
from armstrack.sources.files import document_from_html, document_from_text

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
REDIRECTS = {301, 302, 303, 307, 308}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
TEXT_TYPES = {*HTML_TYPES, *FEED_TYPES, "application/xml", "text/xml", "text/plain"}
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# inet_aton reads "2130706433", "0x7f000001", "0177.1" and "127.1" as 127.0.0.1: so do we, to judge them
LEGACY_IPV4 = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how carefully to fetch; one object, passed whole."""

    allow_private: bool = False  # allow loopback and private networks (a local test server, an intranet)
    timeout: float = 20.0  # seconds per request, connect to last byte
    max_bytes: int = 5_000_000  # decoded body size cap
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host
    retries: int = 2  # extra attempts after a 5xx, 429, timeout or connection error
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_retry_after: float = 120.0  # a Retry-After asking for a longer wait gives the URL up for this run
    obey_robots: bool = True  # robots.txt rules for "armstrack" (or "*"), and their Crawl-delay
    max_crawl_delay: float = 60.0  # a longer Crawl-delay is read as this
    user_agent: str = f"armstrack/{__version__} (arms-transfer news research; one request per second per host)"


@dataclass(frozen=True)
class Response:
    """A fetched body (empty for 304 Not Modified) with what the caller needs of the headers."""

    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds, from a 429 or 5xx's Retry-After


class HTTPStatus(UnreadableDocument):
    """The server answered with an error status (after any retries)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class NotText(UnreadableDocument):
    """The body is of a media type armstrack does not read."""


ROBOTS_AGENT = "armstrack"  # the product token robots.txt groups are matched against
ROBOTS_MAX_AGE = 24 * 3600.0  # RFC 9309: a cached robots.txt is not used for more than a day
ROBOTS_RETRY_AGE = 900.0  # an unreachable robots.txt is asked for again after 15 minutes
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB is parsed; more is cut


@dataclass(frozen=True)
class Robots:
    """The robots.txt rules of one origin (Protego: RFC 9309 groups and longest match), when they were fetched,
    and why everything is refused when robots.txt could not be reached."""

    rules: Protego
    fetched: float
    refusal: str = ""

    @classmethod
    def from_text(cls, text: str) -> Robots:
        return cls(Protego.parse(text), time.monotonic())

    @classmethod
    def unreachable(cls, why: str) -> Robots:
        return cls(Protego.parse(""), time.monotonic(), why)

    def problem(self, url: httpx.URL) -> str | None:
        if self.refusal:
            return f"{url}: not fetched, its site's robots.txt is unreachable ({self.refusal}), which forbids all"
        if not self.rules.can_fetch(str(url), ROBOTS_AGENT):
            return f"{url}: not fetched, the site's robots.txt disallows it for {ROBOTS_AGENT}"
        return None

    def crawl_delay(self) -> float:
        return float(self.rules.crawl_delay(ROBOTS_AGENT) or 0.0)

    def stale(self) -> bool:
        return time.monotonic() - self.fetched > (ROBOTS_RETRY_AGE if self.refusal else ROBOTS_MAX_AGE)


def origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address a numeric host in inet_aton's forms (decimal, hex, octal, 1–4 parts) stands for."""
    if not LEGACY_IPV4.match(host):
        return None
    try:
        parts = [int(p, 0) if not re.fullmatch(r"0[0-7]+", p) else int(p, 8) for p in host.split(".")]
    except ValueError:
        return None
    *head, last = parts
    if any(p > 255 for p in head) or last >= 256 ** (4 - len(head)):
        return None
    value = sum(p << (8 * (3 - i)) for i, p in enumerate(head)) + last
    return ipaddress.IPv4Address(value)


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address packets to this IPv6 address really reach: mapped, 6to4, NAT64, IPv4-compatible."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped or ip.sixtofour:
        return ip.ipv4_mapped or ip.sixtofour
    if ip in NAT64 or (int(ip) >> 32 == 0 and int(ip) > 1):  # ::a.b.c.d, but not :: or ::1
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress, allow_private: bool) -> str | None:
    """Why a connection to this address is refused, or None. Link-local stays refused even with
    allow_private: 169.254.169.254 is where cloud machines keep their credentials."""
    inner = embedded_ipv4(ip)
    if inner is not None:
        problem = address_problem(inner, allow_private)
        return f"{problem} (IPv4 {inner} inside IPv6)" if problem else None
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified or ip == ipaddress.IPv4Address("255.255.255.255"):
        return "the unspecified or broadcast address"
    if ip.is_link_local:
        return "a link-local address (cloud metadata endpoints live there)"
    if allow_private:
        return None
    for name, flag in (("loopback", ip.is_loopback), ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if flag:
            return f"a {name} address"
    return None if ip.is_global else "not a globally routable address"


def check_url(raw: str) -> httpx.URL:
    """The URL, parsed, if its form is safe to fetch (scheme, no userinfo, a host); raises UnsafeURL."""
    try:
        url = httpx.URL(raw.strip())
    except (httpx.InvalidURL, TypeError) as e:
        raise UnsafeURL(f"{raw}: not a valid URL ({e})") from e
    if url.scheme not in ("http", "https"):
        raise UnsafeURL(f"{raw}: refused, only http and https URLs are fetched (not {url.scheme or 'none'!r})")
    if url.userinfo:
        raise UnsafeURL(f"{raw}: refused, a URL with a user name or password ('…@host') is not fetched")
    if not url.host:
        raise UnsafeURL(f"{raw}: refused, no host")
    return url


def resolve(url: httpx.URL, allow_private: bool) -> IPAddress:
    """The one address to connect to for this URL's host, after checking every address it resolves to."""
    host = url.raw_host.decode("ascii").rstrip(".").lower()
    port = url.port or (443 if url.scheme == "https" else 80)
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as e:
            raise UnreadableDocument(f"{url}: cannot resolve host {host!r} ({e})") from e
        # a scope id ("fe80::1%eth0") never makes a link-local address acceptable: drop it before judging
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise UnreadableDocument(f"{url}: host {host!r} has no address")
    nonstandard = literal is not None and literal.version == 4 and str(literal) != host
    for ip in addresses:
        problem = address_problem(ip, allow_private)
        if problem:
            how = "means" if nonstandard else "resolves to" if literal is None else ""
            raise UnsafeURL(f"{url}: refused, {host} {f'{how} {ip},' if how else 'is'} {problem}")
    if nonstandard:
        raise UnsafeURL(f"{url}: refused, {host} means {literal}, written in a non-standard numeric form")
    return addresses[0]


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return legacy_ipv4(host)


def media_type(header: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from a Content-Type header; the charset only when Python knows it."""
    if not header:
        return "", None
    kind, _, params = header.partition(";")
    m = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.IGNORECASE)
    return kind.strip().lower(), _codec(m.group(1)) if m else None


def _codec(name: str | bytes) -> str | None:
    try:
        return codecs.lookup(name.decode("ascii") if isinstance(name, bytes) else name).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_body(body: bytes, declared: str | None) -> str:
    """Text from a body: the declared charset, then a <meta charset>, UTF-8, a detected one, and at worst
    UTF-8 with replacement characters; a lying header never raises."""
    meta = META_CHARSET.search(body[:4096])
    for enc in (declared, _codec(meta.group(1)) if meta else None, "utf-8", *detect_encoding(body)):
        if enc:
            try:
                return body.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("utf-8", errors="replace")


def url_document_id(url: str) -> str:
    """One id per URL, so a page fetched again (from a list or a feed) updates its document."""
    return "url:" + hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]


def document_from_response(resp: Response, requested: str) -> Document:
    """A Document from a fetched page: trafilatura text and metadata for HTML, the text itself for plain text."""
    if resp.content_type in FEED_TYPES:
        raise UnreadableDocument(f"{requested}: a feed ({resp.content_type}), not an article: "
                                 "list it in FEEDS.yaml for `armstrack watch`")
    text = decode_body(resp.body, resp.charset)
    if resp.content_type == "text/plain":
        doc = document_from_text(text, requested)
    else:
        doc = document_from_html(text, requested)
    return dataclasses.replace(doc, id=url_document_id(requested), url=resp.url)


@dataclass
class Fetcher:
    """Fetches URLs under FetchOptions; use as a context manager (it holds one HTTP client)."""

    options: FetchOptions = field(default_factory=FetchOptions)
    transport: httpx.BaseTransport | None = None  # tests pass a counting or mock transport
    _last: dict[str, float] = field(default_factory=dict, init=False)
    _robots: dict[str, Robots] = field(default_factory=dict, init=False)
    _client: httpx.Client | None = field(default=None, init=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            o = self.options
            # no proxies from the environment (they would connect to the host by name, past the pinning) and
            # no keep-alive: pooled connections are keyed by IP, so one could carry another site's SNI
            self._client = httpx.Client(transport=self.transport, trust_env=False, follow_redirects=False,
                                        timeout=o.timeout, limits=httpx.Limits(max_keepalive_connections=0),
                                        headers={"User-Agent": o.user_agent})
        return self._client

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, raw: str, headers: dict[str, str] | None = None) -> Response:
        """GET a URL, following redirects hop by hop, each one checked; raises UnsafeURL or
        UnreadableDocument naming the URL."""
        url = check_url(raw)
        for _ in range(self.options.max_redirects + 1):
            ip = resolve(url, self.options.allow_private)
            if self.options.obey_robots:
                problem = self._robots_of(url, ip).problem(url)
                if problem:
                    raise UnreadableDocument(problem)
            resp = self._send_with_retries(url, ip, headers or {})
            if not isinstance(resp, httpx.URL):
                return resp
            url = resp
        raise UnreadableDocument(f"{raw}: more than {self.options.max_redirects} redirects")

    def _robots_of(self, url: httpx.URL, ip: IPAddress) -> Robots:
        """The rules of the URL's origin, fetched from the vetted address when not known or stale."""
        site = origin(url)
        known = self._robots.get(site)
        if known is None or known.stale():
            known = self._robots[site] = self._fetch_robots(check_url(site + "/robots.txt"), ip)
        return known

    def _fetch_robots(self, url: httpx.URL, ip: IPAddress) -> Robots:
        """RFC 9309: follow up to five redirects; 4xx means no rules; 5xx, 429 or no answer means none allowed."""
        try:
            for _ in range(5):
                resp = self._send_with_retries(url, ip, {})
                if not isinstance(resp, httpx.URL):
                    body = resp.body[:ROBOTS_MAX_BYTES]
                    return Robots.from_text(decode_body(body, resp.charset))
                url = resp
                ip = resolve(url, self.options.allow_private)
            return Robots.unreachable("more than five redirects")
        except HTTPStatus as e:
            if 400 <= e.status < 500 and e.status != 429:
                return Robots.from_text("")  # no robots.txt: everything is allowed
            return Robots.unreachable(f"HTTP {e.status}")
        except UnsafeURL as e:
            return Robots.unreachable(f"redirected to a refused address: {e}")
        except NotText:  # served as an image, say: there are no rules to read
            return Robots.from_text("")
        except UnreadableDocument as e:
            return Robots.unreachable(str(e).split(": ", 1)[-1])

    def fetch(self, url: str) -> Document | ReadFailure:
        """A page as a Document, or a ReadFailure naming the URL and why."""
        try:
            return document_from_response(self.get(url), url)
        except (UnsafeURL, UnreadableDocument) as e:
            return ReadFailure(url, str(e))
        except Exception as e:  # a parser bug on one hostile page must not stop the run: report it
            return ReadFailure(url, f"{url}: unexpected error ({e.__class__.__name__}: {e})")

    def fetch_all(self, urls: Iterable[str]) -> Iterator[Document | ReadFailure]:
        for url in urls:
            yield self.fetch(url)

    def _send_with_retries(self, url: httpx.URL, ip: IPAddress, headers: dict[str, str]) -> Response | httpx.URL:
        o = self.options
        for attempt in range(o.retries + 1):
            last = attempt == o.retries
            wait = o.backoff * 2 ** attempt
            try:
                result = self._send(url, ip, headers)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as e:
                if last:
                    raise UnreadableDocument(f"{url}: {_describe(e)} after {attempt + 1} attempts") from e
            except httpx.HTTPError as e:  # not worth a retry: a bad compressed body, a malformed response
                raise UnreadableDocument(f"{url}: {e.__class__.__name__}: {e}") from e
            else:
                if isinstance(result, httpx.URL) or result.status < 500 and result.status != 429:
                    return result
                if result.retry_after is not None and result.retry_after > o.max_retry_after:
                    raise HTTPStatus(f"{url}: HTTP {result.status}, asked to retry after {result.retry_after:.0f} s "
                                     f"(more than {o.max_retry_after:g} s): given up for this run", result.status)
                if last:
                    raise HTTPStatus(f"{url}: HTTP {result.status} after {attempt + 1} attempts", result.status)
                wait = max(wait, result.retry_after or 0.0)
            time.sleep(wait)
        raise AssertionError("unreachable")  # the loop returns or raises on its last attempt

    def _send(self, url: httpx.URL, ip: IPAddress, headers: dict[str, str]) -> Response | httpx.URL:
        """One request to the vetted address; a redirect comes back as the next URL (already form-checked).

        Pinning: the host is resolved here, once, and the request is sent to the URL with that IP in place of the
        name, with the Host header and the TLS SNI (httpx's `sni_hostname` extension, which is also the name the
        certificate is verified against) set to the real host, so no second DNS lookup can swap the address."""
        self._wait_turn(url)
        pinned = url.copy_with(host=str(ip))
        request = self.client.build_request(
            "GET", pinned, headers={**headers, "Host": url.netloc.decode("ascii")},
            extensions={"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {})
        response = self.client.send(request, stream=True)
        try:
            if response.status_code in REDIRECTS and "location" in response.headers:
                return check_url(_join(url, response.headers["location"]))
            return self._read(url, response)
        finally:
            response.close()
            self.client.cookies.clear()  # the jar is keyed by the pinned IP: one site's cookies must not reach another

    def _read(self, url: httpx.URL, response: httpx.Response) -> Response:
        kind, charset = media_type(response.headers.get("content-type"))
        out = Response(str(url), response.status_code, kind, charset, etag=response.headers.get("etag"),
                       last_modified=response.headers.get("last-modified"),
                       retry_after=retry_after(response.headers.get("retry-after")))
        if response.status_code == 304 or response.status_code >= 500 or response.status_code == 429:
            return out
        if response.status_code >= 400:
            raise HTTPStatus(f"{url}: HTTP {response.status_code}", response.status_code)
        if kind and kind not in TEXT_TYPES:
            raise NotText(f"{url}: content type {kind!r} is not HTML, XML, a feed or plain text")
        cap = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise UnreadableDocument(f"{url}: larger than {cap:,} bytes ({int(declared):,} declared)")
        body = bytearray()
        deadline = time.monotonic() + self.options.timeout
        for chunk in response.iter_bytes():  # decompressed, so the cap also stops a gzip bomb
            body += chunk
            if len(body) > cap:
                raise UnreadableDocument(f"{url}: larger than {cap:,} bytes")
            if time.monotonic() > deadline:
                raise UnreadableDocument(f"{url}: body still arriving after {self.options.timeout:g} s")
        return dataclasses.replace(out, body=bytes(body))

    def _wait_turn(self, url: httpx.URL) -> None:
        """Space requests to one host by the delay, or by its robots.txt Crawl-delay when that is longer."""
        o = self.options
        robots = self._robots.get(origin(url)) if o.obey_robots else None
        delay = max(o.host_delay, min(robots.crawl_delay() if robots else 0.0, o.max_crawl_delay))
        wait = self._last.get(url.host, -1e9) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[url.host] = time.monotonic()


def _join(url: httpx.URL, location: str) -> str:
    try:
        return str(url.join(location))
    except httpx.InvalidURL as e:
        raise UnsafeURL(f"{url}: redirects to an invalid URL {location!r}") from e


def _describe(e: httpx.HTTPError) -> str:
    if isinstance(e, httpx.TimeoutException):
        return "timed out"
    return f"connection failed ({e.__class__.__name__}: {e})" if str(e) else f"connection failed ({e!r})"


def read_url_list(path: str) -> list[str]:
    """URLs from a file, one a line; blank lines and '#' comments skipped. Raises UnreadableDocument."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise UnreadableDocument(f"{path}: cannot read the URL list ({e.__class__.__name__}: {e})") from e
    # a '#' inside a URL starts its fragment: only a line's first character or one after a space starts a comment
    lines = (re.split(r"\s#", line, maxsplit=1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]
