"""Listings that stay cheap on a big store, on SQLite and on the real PostgreSQL server: claims and the review queue
walk an index in their own order, free text is looked up in a trigram index and finds exactly what a substring scan
finds, counts stop at a cap, and pages kept in memory follow every change of the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Select, select

from armstrack.app import Armstrack
from armstrack.errors import StoreError
from armstrack.extract.document import Extractor
from armstrack.model import Document
from armstrack.sources.files import read_inputs
from armstrack.store import db as store_db
from armstrack.store import queries
from armstrack.store.db import MIGRATIONS, get_engine, unit_of_work
from armstrack.store.queries import ClaimFilter, TransferFilter
from armstrack.store.schema import claims, transfers
from store_fixtures import postgres_url, sqlite_url

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
# texts a reader types: a word, another case, a hyphenated designation, too short for a trigram, LIKE's and FTS5's
# own special characters, and a phrase with a space
TEXTS = ["iris", "IRIS-T", "Diehl", "ir", "a", "50%", "_", '"quoted"', "air defence", "ukraine", "Шахед", "zzz"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from (sqlite_url(tmp_path) if request.param == "sqlite" else postgres_url())


@pytest.fixture
def store(db: str) -> str:
    Armstrack(db).ingest(read_inputs([str(p) for p in sorted(CORPUS.glob("*.jsonl"))]), Extractor(), batch_size=3)
    return db


def plan(url: str, q: Select[Any]) -> str:
    """How the database means to run a query: SQLite's plan, or PostgreSQL's with sorting and sequential scans
    priced out, so that a Sort node left in it means no index gives this order."""
    engine = get_engine(url)
    sql = str(q.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            return " / ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        conn.exec_driver_sql("SET LOCAL enable_sort = off")
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return " / ".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))


@pytest.mark.parametrize(("query", "index"), [
    (queries.claims_query(ClaimFilter(limit=50)), "ix_claims_listing"),
    (queries.claims_query(ClaimFilter(limit=50, offset=100)), "ix_claims_listing"),
    (queries.claims_query(ClaimFilter(supplier="IRN", limit=50)), "ix_claims_supplier"),
    (queries.claims_query(ClaimFilter(recipient="RUS", since="2023", limit=50)), "ix_claims_recipient"),
    (queries.review_order(150), "ix_claim_transfers_review"),
], ids=["claims", "claims page 3", "by supplier", "by recipient since", "review queue"])
def test_claim_listings_walk_an_index_in_their_order_on_both_stores(db: str, query: Select[Any], index: str) -> None:
    how = plan(db, query)
    assert index in how and "TEMP B-TREE" not in how and "Sort" not in how, how


def claim_ids(url: str, f: ClaimFilter) -> set[str]:
    rows, total = Armstrack(url).claims(f)
    assert total == len(rows)
    return {r["id"] for r in rows}


def test_free_text_finds_exactly_what_a_substring_scan_finds(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = get_engine(store)
    with engine.connect() as conn:
        evidence = {r.id: r.evidence for r in conn.execute(select(claims.c.id, claims.c.evidence))}
        search = {r.id: r.search for r in conn.execute(select(transfers.c.id, transfers.c.search))}
    assert any("IRIS-T" in e for e in evidence.values())
    for common in (False, True):  # through the trigram index, and walking the listing for a text found everywhere
        monkeypatch.setattr(store_db, "COMMON", 0 if common else 2_000)
        for text in TEXTS:
            assert claim_ids(store, ClaimFilter(text=text, limit=None)) == {
                cid for cid, e in evidence.items() if _ascii_lower(text) in _ascii_lower(e)}, text
            assert {t["id"] for t in Armstrack(store).transfers(TransferFilter(text=text))} == {
                tid for tid, s in search.items() if text.casefold() in s}, text


def _ascii_lower(text: str) -> str:
    """What SQLite's lower() does (and what the filter promised before the index): only A–Z fold."""
    return "".join(c.lower() if c.isascii() else c for c in text)


def test_counts_stop_at_the_cap_and_the_last_page_is_exact(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = Armstrack(store)
    all_claims, n_claims = app.claims(ClaimFilter(limit=None))
    all_transfers = app.transfers(TransferFilter())
    assert n_claims == len(all_claims) > 4 and len(all_transfers) > 4
    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    app = Armstrack(store)  # nothing kept from before the cap
    assert app.claims(ClaimFilter(limit=2))[1] == 3  # "3 or more"
    assert app.listing(TransferFilter(limit=2))[1] == 3
    rows, total = app.claims(ClaimFilter(limit=2, offset=n_claims - 1))
    assert total == n_claims and len(rows) == 1  # a page that is not full is the last: it knows where it ends
    assert app.claims(ClaimFilter(supplier="DEU", limit=50))[1] == sum(c["supplier"] == "DEU" for c in all_claims)


def test_the_sqlite_text_index_follows_every_write(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    app = Armstrack(url)
    app.ingest(read_inputs([str(p) for p in sorted(CORPUS.glob("*.jsonl"))]), Extractor(), batch_size=3)

    def agree() -> int:
        with unit_of_work(app.engine) as conn:
            for table, column in (("claims", "evidence"), ("transfers", "search")):
                rows = set(conn.exec_driver_sql(f"SELECT rowid, {column} FROM {table}"))
                assert set(conn.exec_driver_sql(f"SELECT rowid, text FROM {table}_search")) == rows, table
            return int(conn.exec_driver_sql("SELECT count(*) FROM claims_search").scalar_one())

    before = agree()
    assert before > 0
    doc = Document("Germany delivered three IRIS-T SLM systems to Ukraine in 2023, the ministry said.", "fts-one",
                   language="en", published="2024-01-02")
    app.ingest([doc], Extractor())
    assert agree() > before and claim_ids(url, ClaimFilter(text="the ministry said", limit=None))
    again = Document("Germany delivered two Gepard systems to Ukraine in 2023, officials confirmed.", "fts-one",
                     language="en", published="2024-01-02")
    app.ingest([again], Extractor())  # the same document re-extracted: its old claims and their text go
    agree()
    assert not claim_ids(url, ClaimFilter(text="the ministry said", limit=None))
    assert claim_ids(url, ClaimFilter(text="officials confirmed", limit=None))


def test_kept_claim_pages_and_review_pages_follow_every_change(db: str) -> None:
    reader, writer = Armstrack(db), Armstrack(db)  # two server workers: separate memories, one store
    writer.ingest(read_inputs([str(CORPUS / "iris_t.jsonl")]), Extractor(), batch_size=3)
    page, total = reader.claims(ClaimFilter(limit=50))
    queue, waiting = reader.review_queue()
    assert reader.claims(ClaimFilter(limit=50))[0] is page and reader.review_queue()[0] is queue  # kept
    writer.ingest(read_inputs([str(CORPUS / "iran_russia.jsonl")]), Extractor(), batch_size=3)
    more, more_total = reader.claims(ClaimFilter(limit=50))
    assert more_total > total and {c["id"] for c in page} < {c["id"] for c in more}
    assert reader.review_queue()[1] == more_total
    first = reader.review_queue()[0][0]["id"]
    writer.judge_claim("reject_claim", first, reason="not a transfer")
    after, left = reader.review_queue()
    assert left == more_total - 1 and first not in {c["id"] for c in after}


def test_an_older_store_gets_dates_and_text_indexes_for_the_claims_it_holds(db: str) -> None:
    app = Armstrack(db)
    app.ingest(read_inputs([str(CORPUS / "iris_t.jsonl")]), Extractor(), batch_size=3)
    expected = claim_ids(db, ClaimFilter(text="IRIS-T", limit=None))
    dated = {c["id"]: c["published"] for c in app.claims(ClaimFilter(limit=None))[0]}
    assert expected and all(dated.values())
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0010", "head"):
        with get_engine(db).begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0010" else command.upgrade)(cfg, target)
    fresh = Armstrack(db)
    assert claim_ids(db, ClaimFilter(text="IRIS-T", limit=None)) == expected
    assert {c["id"]: c["published"] for c in fresh.claims(ClaimFilter(limit=None))[0]} == dated


def test_the_store_version_read_on_its_own_connection_sees_every_commit(db: str) -> None:
    """Armstrack.store_version reads on a connection kept out of the pool (db.DirectRead), with no transaction left
    open between reads: each read sees a version another connection has committed, and a connection that broke is
    dropped and made again."""
    core = Armstrack(db)
    before = core.store_version()
    for bumped in range(1, 4):
        with unit_of_work(get_engine(db)) as conn:
            queries.bump_version(conn)
        assert core.store_version() == before + bumped
    core._version._dbapi.close()  # as a server restart or a dropped connection leaves it
    with pytest.raises(StoreError):
        core.store_version()
    assert core.store_version() == before + 3
