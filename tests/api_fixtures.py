"""A web app over a SQLite store holding the IRIS-T corpus, with one user per role and signed-in clients."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from armstrack.api.server import create_app
from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "iris_t.jsonl"
PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')


def make_core(url: str) -> Armstrack:
    core = Armstrack(url)
    core.ingest(read_inputs([str(CORPUS)]), Extractor())
    for name in ("viewer", "analyst", "admin"):
        core.add_user(f"{name}1", PASSWORD, name)
    return core


def signed_in(core: Armstrack, user: str) -> tuple[TestClient, str]:
    """A client with a session for `user`, and the CSRF token its pages carry."""
    client = TestClient(create_app(core), follow_redirects=False)
    page = client.get("/login")
    token = CSRF_FIELD.search(page.text).group(1)  # type: ignore[union-attr]
    r = client.post("/login", data={"name": user, "password": PASSWORD, "csrf": token, "next": "/transfers"})
    assert r.status_code == 303 and r.headers["location"] == "/transfers", r.text
    csrf = CSRF_FIELD.search(client.get("/transfers").text).group(1)  # type: ignore[union-attr]
    return client, csrf


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path, workers: int = 2) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`armstrack serve --workers N` on a free loopback port, answering; yields its base URL and process."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "armstrack.cli", "serve", "--db", str(db), "--port", str(port),
                             "--workers", str(workers), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
