"""Engines, units of work, the one upsert helper, and migrations — for SQLite and PostgreSQL alike."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    Result,
    String,
    Table,
    UnaryExpression,
    bindparam,
    create_engine,
    event,
    literal_column,
    make_url,
)
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

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


def get_engine(url: str, create: bool = True) -> Engine:
    """One engine per URL and process. With `create` (ingest, the web app's own start), a missing store is made
    and an older schema migrated to the latest on first use; without, the store must exist at the latest
    revision, else a StoreError says what to run (a store is never migrated behind a read-only command)."""
    if not create:
        refuse_missing(url)
    engine = _engine(url)
    _prepared(url, create)
    return engine


@lru_cache(maxsize=16)
def _prepared(url: str, create: bool) -> None:
    """Migrate the store, or check that it needs no migration: once per process (a failure is not kept)."""
    try:
        if create:
            migrate(_engine(url))
        else:
            require_current(_engine(url), url)
    except OperationalError as e:
        raise StoreError(f"{url}: cannot open the database ({e.orig})") from e


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    try:
        engine = create_engine(normalise_url(url), pool_size=POOL_SIZE)
    except (ArgumentError, ImportError) as e:
        raise StoreError(f"{url}: not a usable database URL ({e})") from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def refuse_missing(url: str) -> None:
    """A SQLite file that does not exist is refused (connecting would create an empty one)."""
    try:
        path = make_url(normalise_url(url)).database if normalise_url(url).startswith("sqlite") else None
    except ArgumentError as e:
        raise StoreError(f"{url}: not a usable database URL ({e})") from e
    if path and path != ":memory:" and not path.startswith("file:") and not Path(path).exists():
        raise StoreError(f"{url}: no such store (`armstrack ingest --db {url} …` creates one)")


def _alembic_config() -> Any:
    from alembic.config import Config  # deferred: read-only commands never need Alembic

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*['\"]?(\w+)['\"]?", re.M)


@lru_cache(maxsize=1)
def known_revisions() -> tuple[str, ...]:
    """Every migration's revision, oldest first, read from the migration files themselves: every read-only command
    checks its store against the latest, and importing Alembic for that would cost a tenth of a second."""
    after: dict[str | None, str] = {}
    for f in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(REVISION_LINE.findall(f.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            after[None if down in (None, "None") else down] = found["revision"]
    order: list[str] = []
    rev = after.get(None)
    while rev is not None:
        order.append(rev)
        rev = after.get(rev)
    return tuple(order)


def _current_revision(conn: Connection) -> str | None:
    """The store's schema revision (Alembic's version table), None for a database that has none."""
    try:
        value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except (OperationalError, ProgrammingError):
        return None
    return str(value) if value is not None else None


def schema_history() -> list[tuple[str, str | None, str]]:
    """Every migration, oldest first: (revision, the one before it, what it does)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    return [(str(s.revision), s.down_revision if isinstance(s.down_revision, str) or s.down_revision is None
             else ",".join(s.down_revision), s.doc or "") for s in reversed(list(scripts.walk_revisions()))]


def store_revision(url: str) -> tuple[str | None, str]:
    """(the store's schema revision, None if it has none, the latest this version knows); the store must exist."""
    refuse_missing(url)
    try:
        with _engine(url).connect() as conn:
            current = _current_revision(conn)
    except OperationalError as e:
        raise StoreError(f"{url}: cannot open the database ({e.orig})") from e
    return current, schema_history()[-1][0]


def require_current(engine: Engine, url: str) -> None:
    """A StoreError naming the command to run unless the store is at the latest schema revision."""
    with engine.connect() as conn:
        current = _current_revision(conn)
    history = known_revisions()
    if current == history[-1]:
        return
    if current is None:
        raise StoreError(f"{url}: not an armstrack store (no schema revision; `armstrack ingest --db {url} …` "
                         "makes one)")
    if current not in history:
        raise StoreError(f"{url}: the store's schema revision {current} is newer than this armstrack knows "
                         f"({history[-1]}): upgrade armstrack")
    raise StoreError(f"{url}: the store's schema is at revision {current}, this armstrack reads {history[-1]}: "
                     f"run `armstrack db upgrade --db {url}` (back it up first)")


def upgrade_store(url: str) -> tuple[str | None, str]:
    """Migrate an existing store to the latest schema revision; returns (revision before, revision after)."""
    before, head = store_revision(url)
    try:
        migrate(_engine(url))
    except OperationalError as e:
        raise StoreError(f"{url}: cannot migrate the database ({e.orig})") from e
    return before, head


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
    from alembic import command

    cfg = _alembic_config()
    with engine.begin() as conn:
        lock_writers(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def analyze(conn: Connection, table: str) -> None:
    """Refresh the planner's statistics of a table after a bulk change (SQLite has none until asked). SQLite reads every
    row (a fifth of a second for 40,000 transfers): a sampled pass cannot tell that `rejected`, the first column of the
    listing indexes, picks out nearly every row, and its guesses lured the planner into the wrong index."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit=0")
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


class DirectRead:
    """One small statement read again and again on a database connection of its own, through the driver alone: no
    pool checkout, transaction, compiled statement or result object, which cost a server ~0.1 ms of its interpreter
    for a read that takes the database a few microseconds (a value every request reads, such as the store
    version). The connection holds no transaction between reads (a SQLite SELECT starts none; PostgreSQL runs in
    autocommit), so each read sees every commit made before it. Thread-safe; a broken connection is dropped and
    the read raises StoreError, the next one connects again."""

    def __init__(self, engine: Engine, sql: str) -> None:
        self.engine = engine
        self.sql = sql
        self._dbapi: Any = None
        self._lock = threading.Lock()

    def scalar(self) -> Any:
        """The first column of the statement's first row."""
        with self._lock:
            try:
                if self._dbapi is None:
                    self._dbapi = self._connect()
                cursor = self._dbapi.cursor()
                try:
                    cursor.execute(self.sql)
                    rows = cursor.fetchall()  # to the end: SQLite keeps a statement stepped part-way reading
                finally:
                    cursor.close()
            except (SQLAlchemyError, self.engine.dialect.loaded_dbapi.Error) as e:
                self.close()
                raise StoreError(f"database error: {e.__class__.__name__}: {str(e).splitlines()[0]}") from e
        if not rows:
            raise StoreError(f"database error: no row for {self.sql!r}")
        return rows[0][0]

    def _connect(self) -> Any:
        """A connection made as the engine's pool makes them (URL options, SQLite pragmas), then kept out of it."""
        pooled = self.engine.raw_connection()
        dbapi: Any = pooled.dbapi_connection
        pooled.detach()
        if self.engine.dialect.name == "postgresql":
            dbapi.rollback()  # whatever the pool's first use began
            dbapi.autocommit = True
        return dbapi

    def close(self) -> None:
        dbapi, self._dbapi = self._dbapi, None
        if dbapi is not None:
            dbapi.close()  # neither driver raises for a broken connection here


def dicts(result: Result[Any]) -> Iterator[dict[str, Any]]:
    """A result's rows as dicts of column name → value, the names read once for all rows (dict(row._mapping) looks
    each one up again in every row: ~7 µs a row, a tenth of a listing page's time in the interpreter)."""
    names = list(result.keys())
    return (dict(zip(names, row, strict=True)) for row in result)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str],
           update: bool = True) -> None:
    """Insert rows; on a key conflict update the other columns (or leave the row, with update=False). One
    statement, compiled once and cached, run over all the rows (the driver's executemany), not one statement
    with every row's values spelled out, which SQLAlchemy would compile anew for every batch."""
    if not rows:
        return
    # one row per key: PostgreSQL refuses a statement that would update the same row twice
    unique = list({tuple(r[k] for k in keys): r for r in rows}.values())
    # the insert of the store's own dialect, whose module its engine has loaded: a SQLite store never imports
    # PostgreSQL's (a tenth of a reading command's start-up)
    dialect = import_module(f"sqlalchemy.dialects.{'postgresql' if conn.dialect.name == 'postgresql' else 'sqlite'}")
    stmt = dialect.insert(table)
    cols = [c for c in unique[0] if c not in keys]
    if update and cols:
        stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_={c: stmt.excluded[c] for c in cols})
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    conn.execute(stmt, unique)


class _Bytewise(FunctionElement[str]):
    """A string compared by code point on both dialects: SQLite's own order, PostgreSQL's "C" collation (a
    database made with a locale would otherwise sort "Ä", "b" and "B" its own way)."""

    inherit_cache = True
    name = "bytewise"


@compiles(_Bytewise)
def _bytewise(element: _Bytewise, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_Bytewise, "postgresql")
def _bytewise_postgresql(element: _Bytewise, compiler: Any, **kw: Any) -> str:
    return f'{compiler.process(element.clauses, **kw)} COLLATE "C"'


class _Broad(FunctionElement[Any]):
    """A range condition most rows meet (a date bound, a least grade): told to SQLite's planner as likely true
    (`likelihood(…, 0.9)`), which otherwise guesses that a range keeps a quarter of the rows and gathers them from an
    index on the ranged column to sort them, reading every row the index does not cover, instead of walking the index
    of the list's own order and stopping after a page. Elsewhere the condition alone."""

    inherit_cache = True
    name = "broad"  # untyped, as _Contains


@compiles(_Broad)
def _broad(element: _Broad, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_Broad, "sqlite")
def _broad_sqlite(element: _Broad, compiler: Any, **kw: Any) -> str:
    return f"likelihood({compiler.process(element.clauses, **kw)}, 0.9)"


def broad(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return _Broad(condition)  # type: ignore[return-value]


TRIGRAM = 3  # the shortest text a trigram index can look up


class _Contains(FunctionElement[Any]):
    """A LIKE '%text%' condition that SQLite answers from the table's FTS5 trigram table (migration 0011) before
    confirming it (its clauses: the LIKE, the table's rowid, its FTS5 table, the phrase); elsewhere the LIKE alone,
    which PostgreSQL's pg_trgm index serves."""

    inherit_cache = True
    name = "contains"  # untyped: a Boolean would be compared "= 1" on SQLite, which hides the IN from its planner


@compiles(_Contains)
def _contains(element: _Contains, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(list(element.clauses)[0], **kw))


@compiles(_Contains, "sqlite")
def _contains_sqlite(element: _Contains, compiler: Any, **kw: Any) -> str:
    # (positional parameters are numbered by where they stand in the finished text, not by when they were compiled)
    like, rowid, fts, phrase = (str(compiler.process(c, **kw)) for c in element.clauses)
    return f"({rowid} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH {phrase}) AND {like})"


def text_contains(table: Table, like: ColumnElement[bool], text: str, common: bool = False) -> ColumnElement[bool]:
    """`like` (a column LIKE '%text%'), looked up in the table's trigram index first where there is one, unless
    the text is `common` (see common_text)."""
    if len(text) < TRIGRAM or common:  # no trigram in it, or in so many rows that walking them finds a page sooner
        return like
    return _Contains(like, literal_column(f"{table.name}.rowid"), literal_column(f"{table.name}_search"),
                     bindparam(None, _phrase(text), type_=String()))


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'  # an FTS5 phrase: these characters in this order


COMMON = 2_000  # rows: a text in more is found sooner by walking a listing than by fetching each row it is in


def common_text(conn: Connection, table: Table, text: str | None) -> bool:
    """Whether the table's trigram index (SQLite) finds the text in more than COMMON rows: then a listing walks its
    own order and stops after a page, instead of fetching and sorting every row the text is in. (PostgreSQL's
    planner weighs this itself from its statistics.)"""
    if not text or len(text) < TRIGRAM or conn.dialect.name != "sqlite":
        return False
    fts = f"{table.name}_search"
    hits = conn.exec_driver_sql(f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT {COMMON + 1})",
                                (_phrase(text),)).scalar_one()
    return bool(hits > COMMON)


def sort_key(column: Column[Any], descending: bool = False) -> UnaryExpression[Any]:
    """An ORDER BY term that sorts rows the same on SQLite and PostgreSQL: strings by code point, and nulls last
    either way (PostgreSQL puts them first when descending, SQLite when ascending)."""
    key: Any = _Bytewise(column) if isinstance(column.type, String) else column
    term = key.desc() if descending else key.asc()
    return term.nulls_last() if column.nullable else term
