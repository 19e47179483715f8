"""Databases for the store tests: a SQLite file, and a fresh schema on the machine's real PostgreSQL."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import MetaData, select

from armstrack.store.db import get_engine

POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
VOLATILE = {"fetched", "computed", "created", "undone", "first_seen", "changed", "last_visit"}  # wall-clock times


def sqlite_url(tmp_path: Path) -> Iterator[str]:
    yield f"sqlite:///{tmp_path / 'armstrack.db'}"


def postgres_url() -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        get_engine(url).dispose()
        with psycopg.connect(POSTGRES, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


# SQLite FTS5's own tables behind a text index: their layout follows the order of writes, their content is the
# index's (snapshot reads it through the index table itself, e.g. claims_search)
FTS5_SHADOWS = re.compile(r"_(search|words)_(data|idx|content|docsize|config)$")


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, minus wall-clock columns and autoincrement ids, in a stable order."""
    engine = get_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    out = {}
    with engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            if FTS5_SHADOWS.search(name):
                continue
            cols = [c for c in table.c if c.name not in VOLATILE and (name, c.name) != ("grade_history", "id")]
            rows = [tuple(repr(v) for v in r) for r in conn.execute(select(*cols))]
            out[name] = sorted(rows)
    return out


class Collecting:
    """An export writer that keeps the rows it is given."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append(row)

    def finalize(self) -> int:
        return len(self.rows)
