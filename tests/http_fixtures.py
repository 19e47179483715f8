"""A real HTTP server on 127.0.0.1, started by a test, serving routes the test declares and recording every hit;
and real-style article pages. Nothing here touches the internet."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "iris_t.jsonl"
Reply = tuple[int, dict[str, str], bytes]
Route = Reply | Callable[[dict[str, str]], Reply]


@dataclass
class Site:
    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path, request headers)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.hits]


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 -- the name http.server calls
            headers = {k.lower(): v for k, v in self.headers.items()}
            site.hits.append((self.path, headers))
            route = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            status, reply_headers, body = route(headers) if callable(route) else route
            self.send_response(status)
            for k, v in reply_headers.items():
                self.send_header(k, v)
            if "Content-Length" not in reply_headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # a client that stops reading a huge page breaks the pipe: expected

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def corpus() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def article_page(rec: dict[str, Any], published: str | None = None, site_name: str | None = None) -> str:
    """An article page as a news site would serve it: navigation, metadata, the story in <article>."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in rec["text"].split("\n\n"))
    date = published or rec.get("published") or "2024-03-05"
    site = site_name or rec.get("source_name") or "Example News"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{rec['id']} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>{rec['id']}</h1>
{paragraphs}
</article>
<footer>© {site}. All rights reserved.</footer>
</body></html>"""


def html(body: str | bytes, status: int = 200, **headers: str) -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return status, {"Content-Type": "text/html; charset=utf-8", **headers}, data


def http_date(ts: float) -> str:
    return formatdate(ts, usegmt=True)
