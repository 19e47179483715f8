"""A web app over a SQLite store holding the IRIS-T corpus, with one user per role and signed-in clients."""

from __future__ import annotations

import re
from pathlib import Path

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
