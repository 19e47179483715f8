"""Engines, units of work, the one upsert helper, and migrations — for SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DataError, IntegrityError, OperationalError, SQLAlchemyError

from armstrack.errors import RefusedRow, StoreError

MIGRATIONS = Path(__file__).parent / "migrations"
# as many kept connections as the web server has request threads (anyio's default: 40): under load each thread
# reuses one instead of opening (and, for SQLite, setting up) a new one per request past the default five
POOL_SIZE = 40


def normalise_url(url: str) -> str:
    """A database URL for SQLAlchemy: a bare path means a SQLite file; PostgreSQL goes through psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


@lru_cache(maxsize=8)
def get_engine(url: str) -> Engine:
    """One engine per URL and process, migrated to the latest schema on first use."""
    try:
        engine = create_engine(normalise_url(url), pool_size=POOL_SIZE)
    except (ArgumentError, ImportError) as e:
        raise StoreError(f"{url}: not a usable database URL ({e})") from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except OperationalError as e:
        raise StoreError(f"{url}: cannot open the database ({e.orig})") from e
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: switching a new file to WAL waits for another opener
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the API) never block the ingest writer
    cur.close()


def lock_writers(conn: Connection) -> None:
    """Make this transaction the store's only writer until it ends: SQLite's write lock taken at once (BEGIN
    IMMEDIATE, before anything is read), a PostgreSQL advisory lock per schema. Whatever the transaction then
    reads stays true until it commits, so no other writer's claims or rebuild can slip in between."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext('armstrack:' || current_schema()))")


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision; processes opening a new store at once take turns."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        lock_writers(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def analyze(conn: Connection, table: str) -> None:
    """Refresh the planner's statistics of a table after a bulk change (SQLite has none until asked; a
    sampled pass keeps it to milliseconds at any size)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
    conn.exec_driver_sql(f"ANALYZE {table}")


@contextmanager
def unit_of_work(engine: Engine, write: bool = False) -> Iterator[Connection]:
    """A transaction that commits on a clean exit and rolls back on any error; with `write`, the store's only
    writer while it lasts (lock_writers). A row the database refuses (a value too long, a constraint) raises
    RefusedRow; any other failure StoreError."""
    try:
        with engine.begin() as conn:
            if write:
                lock_writers(conn)
            yield conn
    except SQLAlchemyError as e:
        kind = RefusedRow if isinstance(e, DataError | IntegrityError) else StoreError
        raise kind(f"database error: {e.__class__.__name__}: {str(e).splitlines()[0]}") from e


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str],
           update: bool = True) -> None:
    """Insert rows; on a key conflict update the other columns (or leave the row, with update=False). One
    statement, compiled once and cached, run over all the rows (the driver's executemany), not one statement
    with every row's values spelled out, which SQLAlchemy would compile anew for every batch."""
    if not rows:
        return
    # one row per key: PostgreSQL refuses a statement that would update the same row twice
    unique = list({tuple(r[k] for k in keys): r for r in rows}.values())
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table)
    cols = [c for c in unique[0] if c not in keys]
    if update and cols:
        stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_={c: stmt.excluded[c] for c in cols})
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    conn.execute(stmt, unique)
