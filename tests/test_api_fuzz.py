"""Schemathesis against the app's own OpenAPI spec, signed in as an analyst with a CSRF token so every
operation (ingest and review actions included) is exercised: no input may give a 5xx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from api_fixtures import make_core, signed_in
from armstrack.api.server import create_app


@pytest.fixture(scope="module")
def credentials(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    core = make_core(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / Path('fuzz.db')}")
    client, csrf = signed_in(core, "analyst1")
    return {"app": create_app(core), "cookies": dict(client.cookies), "headers": {"X-CSRF-Token": csrf}}


def test_no_input_gives_a_server_error(credentials: dict[str, Any]) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", credentials["app"])
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            response = case.call(headers=credentials["headers"], cookies=credentials["cookies"])
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"

        check()
