"""The OpenAPI document as a client generator reads it: openapi-python-client (in its own venv, see
scripts/openapi-client.txt) generates a client from the app's /openapi.json — a local file, with every proxy
pointed at a closed port so nothing can be downloaded — and the generated client lists transfers and claims,
follows a next-page URL and reads a transfer's detail from a running server with an API token, getting typed
objects and the typed error shape. Every answer has exactly the fields its model declares; /docs is served
with Swagger UI's files from this server."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from api_fixtures import make_core, serving
from armstrack.api import models
from armstrack.api.server import create_app
from armstrack.app import Armstrack

GENERATOR = Path(sys.executable).parent.parent / "opt" / "openapi-client" / "bin" / "openapi-python-client"
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "ALL_PROXY": "http://127.0.0.1:9",
           "PIP_NO_INDEX": "1"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Armstrack, str]:
    path = tmp_path_factory.mktemp("openapi") / "api.db"
    core = make_core(f"sqlite:///{path}")
    return path, core, core.issue_token("viewer1", "generated client")


@pytest.fixture(scope="module")
def spec(store: tuple[Path, Armstrack, str]) -> dict[str, Any]:
    return create_app(store[1]).openapi()


@pytest.fixture(scope="module")
def client_package(spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The package openapi-python-client generates from the spec, imported."""
    if not GENERATOR.exists():
        pytest.fail(f"{GENERATOR} is missing: scripts/setup.sh installs it (scripts/openapi-client.txt)")
    root = tmp_path_factory.mktemp("generated")
    (root / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    (root / "config.yaml").write_text("post_hooks: []\npackage_name_override: armstrack_client\n", encoding="utf-8")
    result = subprocess.run([str(GENERATOR), "generate", "--path", "openapi.json", "--meta", "none", "--config",
                             "config.yaml", "--output-path", "armstrack_client"], cwd=root, capture_output=True,
                            text=True, timeout=120, env=os.environ | OFFLINE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr  # every route generated
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("armstrack_client")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == "armstrack_client" or m.startswith("armstrack_client.")]:
            del sys.modules[name]


def test_the_generated_client_lists_and_reads_with_a_token(store: tuple[Path, Armstrack, str],
                                                            client_package: Any) -> None:
    path, _, token = store
    pkg = "armstrack_client"
    api = {name: importlib.import_module(f"{pkg}.api.default.{name}") for name in (
        "list_transfers", "get_transfer", "list_claims")}
    m = importlib.import_module(f"{pkg}.models")
    with serving(path, workers=1) as (base, _):
        client = client_package.AuthenticatedClient(base_url=base, token=token)
        listing = api["list_transfers"].sync(client=client, limit=5)
        assert isinstance(listing, m.TransferPage) and listing.total == len(listing.items) >= 1
        first = listing.items[0]
        assert isinstance(first, m.TransferSummary) and first.item == "IRIS-T SLM" and first.grade == "B2"
        detail = api["get_transfer"].sync(first.id, client=client)
        assert isinstance(detail, m.TransferDetail) and detail.id == first.id
        assert all(isinstance(c, m.Claim) for c in detail.claims) and len(detail.claims) == detail.reports
        assert all(isinstance(e, m.StageEvent) for e in detail.timeline)
        claims = api["list_claims"].sync(client=client, limit=3)
        assert isinstance(claims, m.ClaimPage) and claims.total > 3 and claims.prev is None
        assert claims.next_ == f"{base}/api/claims?limit=3&offset=3"  # `next` is a Python builtin: next_
        following = client.get_httpx_client().get(claims.next_)  # the next page, as the URL says
        assert [c["id"] for c in following.json()["items"]] != [c.id for c in claims.items]
        assert following.headers["link"].startswith(f'<{base}/api/claims?limit=3&offset=6>; rel="next"')
        missing = api["get_transfer"].sync("no-such-id", client=client)
        assert isinstance(missing, m.Error) and missing.error.status == 404
        anonymous = client_package.Client(base_url=base)
        refused = api["list_transfers"].sync_detailed(client=anonymous)
        assert refused.status_code == 401 and isinstance(refused.parsed, m.Error)


def test_the_spec_names_operations_security_errors_and_media_types(spec: dict[str, Any]) -> None:
    ops = {op["operationId"]: op for path in spec["paths"].values() for op in path.values()}
    assert {"list_transfers", "get_transfer", "list_claims", "get_claim", "list_documents", "get_document",
            "export_transfers", "undo_judgement"} <= set(ops)
    assert spec["components"]["securitySchemes"]["token"] == {
        "type": "http", "scheme": "bearer", "description": spec["components"]["securitySchemes"]["token"][
            "description"]}
    error = {"$ref": "#/components/schemas/Error"}
    for name, op in ops.items():
        assert {"token": []} in op["security"], name
        for status in ("401", "403", "404", "422"):
            assert op["responses"][status]["content"]["application/json"]["schema"] == error, (name, status)
    media = set(ops["export_transfers"]["responses"]["200"]["content"])
    assert media == {"text/csv", "application/x-ndjson", "application/vnd.apache.parquet", "application/graphml+xml"}


ANSWERS: list[tuple[str, type[BaseModel], bool]] = [  # path (ids filled in), model, a list of them
    ("/api/transfers", models.TransferPage, False), ("/api/transfers/{transfer}", models.TransferDetail, False),
    ("/api/claims", models.ClaimPage, False), ("/api/claims/{claim}", models.Claim, False),
    ("/api/documents", models.DocumentPage, False), ("/api/documents/{document}", models.DocumentDetail, False),
    ("/api/sources", models.Source, True), ("/api/judgements", models.Judgement, True),
    ("/api/review", models.ReviewPage, False), ("/api/transfers/{transfer}/origins", models.Origins, False),
]


def test_every_answer_has_exactly_the_fields_of_its_model(store: tuple[Path, Armstrack, str]) -> None:
    _, core, token = store
    client = TestClient(create_app(core), headers={"Authorization": f"Bearer {token}"})
    tid = client.get("/api/transfers").json()["items"][0]["id"]
    core.judge("accept", tid, author="analyst1")  # a judgement to list
    ids = {"transfer": tid, "claim": client.get("/api/claims").json()["items"][0]["id"],
           "document": client.get("/api/documents").json()["items"][0]["id"]}
    for path, model, many in ANSWERS:
        answer = client.get(path.format(**ids))
        assert answer.status_code == 200, path
        for body in answer.json() if many else [answer.json()]:
            assert body
            check(model, body, path)


def check(model: type[BaseModel], body: Any, where: str) -> None:
    """The body validates against the model, has every field the model requires and none it does not declare,
    nested models included."""
    model.model_validate(body)
    required = {name for name, field in model.model_fields.items() if field.is_required()}
    assert required <= set(body) <= set(model.model_fields), (where, set(body) ^ set(model.model_fields))
    for name, field in model.model_fields.items():
        inner = _model_of(field.annotation)
        values = body.get(name) if isinstance(body.get(name), list) else [body.get(name)]
        for value in values if inner else ():
            if value is not None:
                check(inner, value, f"{where}.{name}")  # type: ignore[arg-type]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if found := _model_of(arg):
            return found
    return None


def test_docs_serve_swagger_ui_from_this_server(store: tuple[Path, Armstrack, str]) -> None:
    client = TestClient(create_app(store[1]))
    page = client.get("/docs")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text and "http" not in page.text.replace("http-equiv", "")  # no CDN, no inline
    for asset in ("/static/swagger-ui/swagger-ui-bundle.js", "/static/swagger-ui/swagger-ui.css", "/static/docs.js"):
        response = client.get(asset)
        assert response.status_code == 200 and len(response.content) > 300, asset
        assert asset in page.text
    assert "/openapi.json" in client.get("/static/docs.js").text
