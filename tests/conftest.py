"""Shared fixtures: a tiny knowledge base, so extraction tests do not depend on how complete the bundled KB is."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser_helpers import chromium

# settings files (the web app's secret key) in a folder of the test run's own, never the user's ~/.config;
# the servers the tests start inherit it
if "ARMSTRACK_CONFIG_DIR" not in os.environ:
    os.environ["ARMSTRACK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="armstrack-config-")
    atexit.register(shutil.rmtree, os.environ["ARMSTRACK_CONFIG_DIR"], ignore_errors=True)


def pytest_sessionfinish() -> None:
    """compiled() freezes what the process holds when it loads an entry (gc.freeze), and the interpreter's last
    collection skips frozen objects: give it back the test run's, or extension modules loaded before (DuckDB's)
    report their objects as leaked at exit."""
    gc.unfreeze()


MINI_KB = {
    "parties/countries.yaml": """\
kind: countries
entries:
  - {code: DEU, names: {en: [Germany], fr: [Allemagne]}}
  - {code: FRA, names: {en: [France], fr: [France]}}
  - {code: IRN, names: {en: [Iran], fr: [Iran]}}
  - {code: RUS, names: {en: [Russia], fr: [Russie]}}
  - {code: UKR, names: {en: [Ukraine], fr: [Ukraine]}}
""",
    "systems/test.yaml": """\
kind: systems
entries:
  - {id: leopard-2, name: Leopard 2, aliases: [Leopard 2A6], category: armoured_vehicle, origin: DEU}
  - {id: fath-360, name: Fath-360, category: missile, origin: IRN}
  - {id: shahed-136, name: Shahed-136, aliases: [Geran-2], category: loitering_munition, origin: IRN}
  - {id: caesar, name: Caesar, category: artillery, origin: FRA}
""",
}


@pytest.fixture(scope="session")
def mini_kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A KB data directory with five states and four systems (use it via ARMSTRACK_KB_DIR)."""
    root = tmp_path_factory.mktemp("kb")
    for rel, body in MINI_KB.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(body, encoding="utf-8")
    return root


@pytest.fixture
def mini_kb(mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARMSTRACK_KB_DIR", str(mini_kb_dir))
    return mini_kb_dir


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium for one test module (browser_helpers)."""
    with chromium() as b:
        yield b
