"""The web app's session-signing key lives outside the store a user may share: ARMSTRACK_SECRET_KEY, else a
settings file made once (owner-only) on first use, the same key for every process that starts at once; a store
upgraded from a version that kept the key in the database loses it (and the sessions signed with it)."""

from __future__ import annotations

import multiprocessing
import stat
from pathlib import Path

import pytest
from sqlalchemy import MetaData, inspect, select, text

from api_fixtures import PASSWORD, signed_in
from armstrack.app import Armstrack
from armstrack.errors import ArmstrackError
from armstrack.settings import SECRET_KEY_FILE, Settings, secret_key
from armstrack.store.db import get_engine, schema_history, upgrade_store
from test_cli_store import downgrade


def test_the_environment_key_wins_and_a_short_one_is_refused(tmp_path: Path) -> None:
    key = "k" * 40
    assert secret_key(Settings(secret_key=key, config_dir=tmp_path)) == key
    assert not (tmp_path / SECRET_KEY_FILE).exists()
    with pytest.raises(ArmstrackError, match="ARMSTRACK_SECRET_KEY is too short"):
        secret_key(Settings(secret_key="short", config_dir=tmp_path))


def test_the_settings_file_is_made_once_and_readable_by_its_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "armstrack"
    first = secret_key(Settings(config_dir=folder))
    assert len(first) >= 32 and secret_key(Settings(config_dir=folder)) == first
    assert stat.S_IMODE((folder / SECRET_KEY_FILE).stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [SECRET_KEY_FILE]  # no candidate left behind


def _key_in(folder: str) -> str:
    return secret_key(Settings(config_dir=Path(folder)))


def test_processes_starting_at_once_agree_on_one_key(tmp_path: Path) -> None:
    with multiprocessing.get_context("fork").Pool(4) as pool:
        keys = pool.map(_key_in, [str(tmp_path)] * 16)
    assert len(set(keys)) == 1 and keys[0] == (tmp_path / SECRET_KEY_FILE).read_text().strip()


def test_the_store_holds_no_secret_and_an_upgrade_removes_the_old_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    core = Armstrack(url)
    core.add_user("viewer1", PASSWORD, "viewer")
    client, _ = signed_in(core, "viewer1")  # a session, signed with the settings' key
    key = secret_key(core.settings)
    engine = get_engine(url)
    assert "app_secrets" not in inspect(engine).get_table_names()
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        stored = [str(v) for table in meta.tables.values() for row in conn.execute(select(table)) for v in row]
    assert stored and not [v for v in stored if key in v]

    downgrade(url, "0007")  # the store as the previous version kept it: the key in app_secrets
    with get_engine(url).begin() as conn:
        conn.execute(text("INSERT INTO app_secrets (name, value) VALUES ('session', :v)"), {"v": "old" * 20})
        assert conn.execute(text("SELECT count(*) FROM web_sessions")).scalar_one() == 1
    before, after = upgrade_store(url)
    assert (before, after) == ("0007", schema_history()[-1][0])
    engine = get_engine(url)
    assert "app_secrets" not in inspect(engine).get_table_names()
    with engine.connect() as conn:  # sessions signed with the old key are over; accounts stay
        assert conn.execute(text("SELECT count(*) FROM web_sessions")).scalar_one() == 0
        assert conn.execute(text("SELECT name FROM users")).scalars().all() == ["viewer1"]
    assert client.get("/transfers").status_code == 303  # sign in again
