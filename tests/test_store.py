"""The store and transfers end to end, on SQLite and on the real PostgreSQL server: ingest, idempotency,
re-extraction, transfers with independent origins, judgements and undo, filters, and crash recovery."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Select, create_engine, delete, event, func, select, update

from armstrack import app as app_module
from armstrack.app import Armstrack
from armstrack.errors import ArmstrackError, NotFound
from armstrack.extract.document import Extractor
from armstrack.model import Document
from armstrack.sources.files import read_inputs
from armstrack.store import queries
from armstrack.store.db import MIGRATIONS, analyze, get_engine, lock_writers, unit_of_work
from armstrack.store.queries import TransferFilter
from armstrack.store.schema import claim_transfers, documents, grade_history, stale_pairs, transfers
from armstrack.transfers import merge
from armstrack.transfers.merge import build_transfers
from store_fixtures import Collecting, postgres_url, snapshot, sqlite_url

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
CORPUS = FIXTURES / "iris_t.jsonl"
IRAN_RUSSIA = FIXTURES / "iran_russia.jsonl"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from (sqlite_url(tmp_path) if request.param == "sqlite" else postgres_url())


def ingest(url: str, *paths: Path | str, reextract: bool = False) -> app_module.IngestReport:
    return Armstrack(url).ingest(read_inputs([str(p) for p in paths]), Extractor(), reextract, batch_size=3)


def the_transfer(url: str) -> dict:
    [t] = Armstrack(url).transfers(TransferFilter(supplier="DEU", recipient="UKR", item="IRIS-T"))
    return t


def test_ingest_builds_one_transfer_with_every_report_and_its_independent_origins(db: str) -> None:
    report = ingest(db, CORPUS)
    assert (report.documents, report.claims, report.failures) == (8, 8, [])
    t = the_transfer(db)
    assert (t["reports"], t["independent_origins"], t["stage"]) == (8, 3, "delivered")
    assert sorted(len(o["documents"]) for o in t["origins"]) == [1, 1, 6]
    assert t["grade"] == "B2" and 0 < t["probability"] < 1 and t["explanation"]
    assert len(t["claim_ids"]) == 8


def test_reingesting_the_same_corpus_changes_no_row(db: str) -> None:
    ingest(db, CORPUS)
    before = snapshot(db)
    again = ingest(db, CORPUS)
    assert (again.documents, again.unchanged) == (0, 8)
    assert snapshot(db) == before


def test_a_changed_text_under_the_same_id_replaces_its_claims(db: str, tmp_path: Path) -> None:
    ingest(db, CORPUS)
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rows[-1]["text"] = "Die Bundesregierung hat über Luftverteidigung beraten. Ergebnisse gab es keine."
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = ingest(db, changed)
    assert (report.documents, report.unchanged, report.claims) == (1, 7, 0)
    t = the_transfer(db)
    assert (t["reports"], t["independent_origins"]) == (7, 2)


def test_reextract_reruns_only_documents_of_an_older_version(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(db, CORPUS)
    monkeypatch.setattr(app_module, "EXTRACTOR_VERSION", "999")
    assert ingest(db, CORPUS).documents == 0  # without --reextract nothing is redone
    assert ingest(db, CORPUS, reextract=True).documents == 8
    with get_engine(db).connect() as conn:
        assert set(conn.execute(select(documents.c.extractor_version)).scalars()) == {"999"}


def test_a_kept_listing_page_follows_every_change_made_by_another_process(db: str) -> None:
    ingest(db, CORPUS, IRAN_RUSSIA)
    reader, writer = Armstrack(db), Armstrack(db)  # two server workers: separate memories, one store
    first_page = TransferFilter(supplier="IRN", limit=10)
    rows, total = reader.listing(first_page)
    assert total == len(rows) >= 2 and "timeline" not in rows[0] and rows[0]["grade"]
    assert reader.listing(first_page)[0] is rows  # unchanged store: the kept page
    assert reader.kept_listing(first_page) == (rows, total) and reader.kept_listing(TransferFilter(limit=9)) is None
    judgement = writer.judge("reject", rows[0]["id"], reason="not a transfer")
    assert reader.kept_listing(first_page) is None
    after, after_total = reader.listing(first_page)
    assert after_total == total - 1 and rows[0]["id"] not in {t["id"] for t in after}
    writer.undo(judgement)
    assert reader.listing(first_page)[1] == total
    with unit_of_work(get_engine(db)) as conn:
        queries.mark_stale(conn, [("IRN", "RUS")])  # an ingest killed before its rebuild
    assert {t["id"] for t in reader.listing(first_page)[0]} == {t["id"] for t in rows}
    with unit_of_work(get_engine(db)) as conn:
        assert queries.stale(conn) == {("IRN", "RUS")}  # a read never rebuilds: the pair waits for a writer
    writer.refresh()
    with unit_of_work(get_engine(db)) as conn:
        assert queries.stale(conn) == set()


def test_kept_pages_are_bounded_by_bytes_and_the_least_recently_used_goes_first() -> None:
    pages = {n: (1, TransferFilter(limit=40, offset=40 * n)) for n in range(3)}
    rows = {n: ([{"id": f"{n}-{i}", "item": f"Leopard 2A{i}"} for i in range(40)], 1000) for n in range(3)}
    one = app_module.footprint(pages[0]) + app_module.footprint(rows[0])
    assert one > 40 * 100  # every row's dict and strings are counted, not just the list
    kept = app_module.Listings(max_bytes=int(2.5 * one))
    for n in (0, 1):
        kept.put(pages[n], rows[n])
    assert kept.get(pages[0]) is not None  # page 0 is now the most recently used
    kept.put(pages[2], rows[2])  # three pages do not fit: page 1 must go
    assert kept.get(pages[1]) is None and kept.get(pages[0]) and kept.get(pages[2])
    assert kept.bytes <= kept.max_bytes
    assert kept.get((2, pages[0][1])) is None  # another transfers version: not the same page
    huge = ([{"id": "x" * 10 * kept.max_bytes}], 1)
    assert kept.put((1, TransferFilter(text="huge")), huge) is huge  # served, but bigger than the budget: not kept
    assert kept.get((1, TransferFilter(text="huge"))) is None and kept.get(pages[2]) is not None


def test_planner_statistics_are_renewed_on_both_databases(db: str) -> None:
    ingest(db, CORPUS)
    engine = get_engine(db)
    with unit_of_work(engine) as conn:
        analyze(conn, "transfers")
    with unit_of_work(engine) as conn:
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'transfers'").scalar_one() > 0
        else:
            assert conn.exec_driver_sql("SELECT count(*) FROM pg_stats WHERE tablename = 'transfers' "
                                        "AND schemaname = current_schema()").scalar_one() > 0


def test_merge_split_reject_are_judgements_that_undo_restores(db: str) -> None:
    ingest(db, CORPUS, IRAN_RUSSIA)
    app = Armstrack(db)
    everything = TransferFilter(supplier="IRN", recipient="RUS")
    before = {t["id"]: t for t in app.transfers(everything)}
    a, b = sorted(before)[:2]
    merge = app.judge("merge", a, b, author="analyst1", reason="same programme")
    after = {t["id"]: t for t in app.transfers(everything)}
    assert b not in after and set(after[a]["claim_ids"]) == set(before[a]["claim_ids"]) | set(before[b]["claim_ids"])
    reject = app.judge("reject", a, reason="not a transfer")
    assert a not in {t["id"] for t in app.transfers(everything)}
    assert a in {t["id"] for t in app.transfers(TransferFilter(supplier="IRN", include_rejected=True))}
    app.undo(reject)
    app.undo(merge)
    assert {t["id"]: t["claim_ids"] for t in app.transfers(everything)} == {
        k: v["claim_ids"] for k, v in before.items()}
    assert [(j["action"], j["author"], j["undone"] is not None) for j in app.judgements()] == [
        ("merge", "analyst1", True), ("reject", "cli", True)]
    with pytest.raises(NotFound):
        app.undo(merge)
    with pytest.raises(ArmstrackError):
        app.judge("merge", a, a)


def test_split_moves_claims_into_their_own_transfer(db: str) -> None:
    ingest(db, CORPUS)
    app = Armstrack(db)
    t = the_transfer(db)
    moved = t["claim_ids"][:2]
    app.judge("split", t["id"], claims=moved)
    transfers = app.transfers(TransferFilter(supplier="DEU"))
    assert sorted(len(x["claim_ids"]) for x in transfers) == [2, 6]
    with pytest.raises(ArmstrackError):
        app.judge("split", transfers[0]["id"], claims=transfers[0]["claim_ids"])


def test_filters_select_by_party_item_date_and_grade(db: str) -> None:
    ingest(db, CORPUS, IRAN_RUSSIA)
    app = Armstrack(db)
    assert {t["supplier"] for t in app.transfers(TransferFilter(supplier="irn"))} == {"IRN"}
    assert {t["item"] for t in app.transfers(TransferFilter(item="iris"))} == {"IRIS-T SLM"}
    assert all(t["last_reported"] >= "2024" for t in app.transfers(TransferFilter(since="2024")))
    graded = app.transfers(TransferFilter(min_grade="B2"))
    assert graded and all(t["grade"][0] <= "B" and int(t["grade"][1]) <= 2 for t in graded)
    assert len(app.transfers(TransferFilter(limit=2))) == 2


def test_regrading_on_new_evidence_keeps_the_history(db: str) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    first = Path(str(CORPUS) + ".first")
    try:
        first.write_text(lines[0] + "\n", encoding="utf-8")
        ingest(db, first)
        ingest(db, CORPUS)
    finally:
        first.unlink()
    detail = Armstrack(db).transfer(the_transfer(db)["id"])
    grades = [(h["grade"], h["independent_origins"]) for h in detail["history"]]
    assert grades[0][1] == 1 and grades[-1] == (detail["grade"], 3) and len(grades) == 2


def _corpus_of_copies(tmp_path: Path, copies: int) -> Path:
    rows = []
    for path in sorted(EXAMPLES.glob("*.json")) + [CORPUS, IRAN_RUSSIA, FIXTURES / "armed_groups.jsonl"]:
        recs = ([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
                if path.suffix == ".jsonl" else [json.loads(path.read_text(encoding="utf-8"))])
        rows += recs
    out = tmp_path / "copies.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for n in range(copies):
            for r in rows:
                f.write(json.dumps({**r, "id": f"copy{n}-{r['id']}", "claims": None}, ensure_ascii=False) + "\n")
    return out


def _count_documents(url: str) -> int:
    try:
        with get_engine(url).connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())
    except Exception:  # the database may not exist yet while the child starts
        return 0


def test_sigkill_halfway_then_rerun_equals_one_clean_run(db: str, tmp_path: Path) -> None:
    corpus = _corpus_of_copies(tmp_path, 8)
    total = len(corpus.read_text(encoding="utf-8").splitlines())
    cmd = [sys.executable, "-m", "armstrack.cli", "ingest", "--db", db, "--batch", "2", str(corpus)]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count_documents(db) < total // 4 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stored = _count_documents(db)
    assert child.returncode == -signal.SIGKILL and 0 < stored < total
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    resumed = snapshot(db)
    clean = f"sqlite:///{tmp_path / 'clean.db'}" if db.startswith("sqlite") else None
    if clean is None:
        gen = postgres_url()
        clean = next(gen)
    try:
        subprocess.run([*cmd[:5], clean, *cmd[6:]], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert resumed == snapshot(clean)
        assert len(resumed["documents"]) == total
    finally:
        if not db.startswith("sqlite"):
            gen.close()


def test_a_rerun_repairs_claims_in_no_transfer_and_wrong_report_counts(db: str) -> None:
    ingest(db, CORPUS, IRAN_RUSSIA)
    clean = snapshot(db)
    t = the_transfer(db)
    with unit_of_work(get_engine(db)) as conn:  # what a rebuild from stale claims used to leave behind
        conn.execute(delete(claim_transfers).where(claim_transfers.c.claim_id.in_(t["claim_ids"][:3])))
        conn.execute(update(transfers).where(transfers.c.id != t["id"]).values(reports=1))
        conn.execute(delete(stale_pairs))
    assert snapshot(db) != clean
    report = ingest(db, CORPUS, IRAN_RUSSIA)
    assert (report.documents, report.unchanged) == (0, 11)
    assert {k: v for k, v in snapshot(db).items() if k != "store_state"} == {
        k: v for k, v in clean.items() if k != "store_state"}


def test_nul_characters_and_overlong_ids_are_normalised_so_both_stores_take_every_document(
        db: str, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rows[0]["text"] = rows[0]["text"].replace(". ", ".\u0000 ", 2)
    rows[1]["id"] = "with\u0000nul"
    rows[2]["id"] = "https://example.org/" + "long/" * 60
    rows[3]["source_name"] = "Name\u0000" * 70
    odd = tmp_path / "odd.jsonl"
    odd.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = ingest(db, odd)
    assert (report.documents, report.failures) == (8, [])
    with get_engine(db).connect() as conn:
        ids = set(conn.execute(select(documents.c.id)).scalars())
        texts = conn.execute(select(documents.c.text)).scalars().all()
    assert "withnul" in ids and all("\x00" not in t for t in texts)
    [long_id] = [i for i in ids if i.startswith("https://")]
    assert len(long_id) == 200 and long_id.startswith(rows[2]["id"][:150])
    assert the_transfer(db)["reports"] == 8
    assert ingest(db, odd).unchanged == 8  # the same ids again: nothing stored twice


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_document_the_store_refuses_is_one_failure_naming_its_file_and_the_rest_is_stored(db: str) -> None:
    docs = list(read_inputs([str(CORPUS)]))
    refused = Document(text=docs[0].text, id="odd", published="2024-03-05 at noon", origin="odd.json")  # > 10
    report = Armstrack(db).ingest([*docs[:4], refused, *docs[4:]], Extractor(), batch_size=3)
    assert report.documents == 8 and [f.origin for f in report.failures] == ["odd.json"]
    assert report.failures[0].reason.startswith("odd.json: not stored (database error: DataError")
    assert the_transfer(db)["reports"] == 8


def test_grade_history_has_one_row_per_transfer_after_one_clean_run(db: str) -> None:
    ingest(db, CORPUS, IRAN_RUSSIA)
    with get_engine(db).connect() as conn:
        rows = conn.execute(select(grade_history.c.transfer_id)).scalars().all()
    assert len(rows) == len(set(rows)) == len(Armstrack(db).transfers(TransferFilter(include_rejected=True)))


def test_an_unusable_database_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArmstrackError, match="database"):
        Armstrack(str(tmp_path / "missing-dir" / "x.db")).transfers(TransferFilter())
    with pytest.raises(ArmstrackError):
        Armstrack("nosuchdialect://x").transfers(TransferFilter())


class _Faulty(Extractor):
    """An extractor with a bug that shows on one document only."""

    def extract(self, doc):  # type: ignore[no-untyped-def]
        if doc.id == "translation-de":
            raise ValueError("boom")
        return super().extract(doc)


def test_an_extractor_failure_on_one_document_is_reported_and_the_rest_stored(db: str) -> None:
    report = Armstrack(db).ingest(read_inputs([str(CORPUS)]), _Faulty(), batch_size=3)
    assert report.documents == 7 and report.unchanged == 0
    assert [f.reason for f in report.failures] == [f"{CORPUS}:5: extraction failed (ValueError: boom)"]
    assert the_transfer(db)["reports"] == 7


def test_claim_reviews_reject_edit_and_move_claims_and_undo_restores(db: str) -> None:
    ingest(db, CORPUS)
    app = Armstrack(db)
    before = the_transfer(db)
    spiegel = next(c for c in app.transfer(before["id"])["claims"] if c["document_id"] == "independent-spiegel")
    reject = app.judge_claim("reject_claim", spiegel["id"], author="analyst1", reason="speculative")
    after = the_transfer(db)
    assert (after["reports"], after["independent_origins"]) == (7, 2)
    app.undo(reject)
    assert the_transfer(db)["reports"] == 8
    moved = app.judge_claim("edit_claim", spiegel["id"], {"supplier": "FRA", "stage": "ordered"})
    [fra] = app.transfers(TransferFilter(supplier="FRA"))
    assert (fra["item"], fra["stage"], fra["claim_ids"]) == ("IRIS-T SLM", "ordered", [spiegel["id"]])
    assert the_transfer(db)["reports"] == 7
    app.judge_claim("edit_claim", spiegel["id"], {"item": "NASAMS"})
    [nasams] = app.transfers(TransferFilter(supplier="FRA"))
    assert (nasams["item"], nasams["category"]) == ("NASAMS", "air_defence")
    app.undo(moved)  # the item edit stays; the supplier and stage come back
    assert app.transfers(TransferFilter(supplier="FRA")) == []
    assert {t["item"] for t in app.transfers(TransferFilter(supplier="DEU"))} == {"IRIS-T SLM", "NASAMS"}
    accepted = app.judge_claim("accept_claim", spiegel["id"])
    queue, total = app.review_queue()
    assert spiegel["id"] not in {c["id"] for c in queue} and total == 7
    app.undo(accepted)
    with pytest.raises(ArmstrackError, match="cannot set stage"):
        app.judge_claim("edit_claim", spiegel["id"], {"stage": "stolen"})
    with pytest.raises(ArmstrackError, match="cannot set supplier"):
        app.judge_claim("edit_claim", spiegel["id"], {"supplier": "Germany"})


def test_a_regrade_sets_the_grade_that_the_list_sort_filters_exports_and_history_agree_on(db: str) -> None:
    ingest(db, CORPUS, IRAN_RUSSIA)
    app = Armstrack(db)
    t = the_transfer(db)
    computed = t["grade"]
    assert (computed, t["computed_grade"], t["regrade_judgement"]) == ("B2", "B2", None)
    worst = app.transfers(TransferFilter(sort="-grade"))[0]
    jid = app.judge("regrade", worst["id"], grade="a1", author="analyst1", reason="confirmed by the ministry")
    after = app.transfer(worst["id"])
    assert (after["grade"], after["reliability"], after["credibility"]) == ("A1", "A", 1)
    assert (after["computed_grade"], after["regrade_judgement"]) == (worst["grade"], jid)
    assert after["explanation"] == worst["explanation"]  # why the computed grade, unchanged beside the analyst's
    listed = app.transfers(TransferFilter())  # the default order: by the grade a transfer has, then latest report
    assert listed[0]["id"] == worst["id"] and [r["grade"] for r in listed] == sorted(r["grade"] for r in listed)
    page, _ = app.listing(TransferFilter(limit=1))
    assert (page[0]["id"], page[0]["grade"], page[0]["computed_grade"]) == (worst["id"], "A1", worst["grade"])
    assert worst["id"] in {r["id"] for r in app.transfers(TransferFilter(min_grade="A1"))}
    rows: list[dict[str, Any]] = []
    app.export("transfers", TransferFilter(min_grade="A1"), Collecting(rows))
    assert [(r["id"], r["grade"], r["computed_grade"], r["regrade_judgement"]) for r in rows] == [
        (worst["id"], "A1", worst["grade"], jid)]
    last = after["history"][-1]
    assert (last["grade"], last["computed_grade"], last["regrade_judgement"]) == ("A1", worst["grade"], jid)
    app.undo(jid)
    undone = app.transfer(worst["id"])
    assert (undone["grade"], undone["regrade_judgement"]) == (worst["grade"], None)
    assert (undone["history"][-1]["grade"], undone["history"][-1]["regrade_judgement"]) == (worst["grade"], None)
    assert app.transfers(TransferFilter())[0]["id"] != worst["id"]
    with pytest.raises(ArmstrackError, match="regrade needs a grade"):
        app.judge("regrade", t["id"], grade="Z9")


@pytest.mark.parametrize("f", [TransferFilter(limit=50), TransferFilter(limit=50, offset=150),
                               TransferFilter(since="2022", limit=50), TransferFilter(min_grade="C3", limit=50),
                               TransferFilter(text="drone", limit=50), TransferFilter(stage="delivered", limit=50)],
                         ids=["first page", "page 4", "since", "min grade", "text", "stage"])
def test_the_default_listing_walks_its_index_and_counts_never_read_rows(tmp_path: Path, f: TransferFilter) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'plan.db'}")

    def plan(q: Select[Any]) -> str:
        sql = str(q.compile(engine, compile_kwargs={"literal_binds": True}))
        with engine.connect() as conn:
            return " / ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))

    listing, count = plan(queries.transfers_query(f)), plan(queries.count_query(f))
    walked = "ix_transfers_stage (rejected=? AND stage=?)" if f.stage else "ix_transfers_listing"  # same order
    assert walked in listing and "TEMP B-TREE" not in listing, listing
    assert "COVERING INDEX" in count and "SCAN transfers " not in f"{count} ", count
    if f.text:  # a text is looked up in the trigram index (a MATCH), not compared with every transfer's
        assert "transfers_search VIRTUAL TABLE INDEX 0:M" in listing and "transfers_search VIRTUAL TABLE" in count


# distinct values per column in a store of STATS_ROWS transfers, to write its planner statistics (sqlite_stat1)
STATS_ROWS = 40_000
DISTINCT = {"rejected": 1, "reliability": 6, "credibility": 6, "stage": 8, "category": 12, "supplier": 30,
            "recipient": 30, "first_reported": 130, "last_reported": 130, "reports": 50, "independent_origins": 30,
            "probability": 1_000, "item": 500}


def big_store_statistics(path: Path) -> None:
    """sqlite_stat1 of the transfers as ANALYZE writes it for a store of STATS_ROWS transfers (rows per value of each
    leading run of an index's columns), so that the planner chooses as it would on a big store."""
    with sqlite3.connect(path) as conn:
        conn.execute("ANALYZE")
        conn.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'transfers'")
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transfers'"):
            stat, values = [STATS_ROWS], 1
            for (column,) in conn.execute(f"SELECT name FROM pragma_index_info('{name}')"):
                values *= DISTINCT.get(column, STATS_ROWS)
                stat.append(max(1, STATS_ROWS // values))
            conn.execute("INSERT INTO sqlite_stat1 VALUES ('transfers', ?, ?)", (name, " ".join(map(str, stat))))
        conn.execute("INSERT INTO sqlite_stat1 VALUES ('transfers', NULL, ?)", (str(STATS_ROWS),))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "plans.db"
    assert Armstrack(f"sqlite:///{path}").store_version() == 0  # a new store, migrated
    big_store_statistics(path)
    return path


@pytest.mark.parametrize("sort", [f"{d}{k}" for k in queries.TRANSFER_SORTS for d in ("", "-")])
@pytest.mark.parametrize("f", [TransferFilter(limit=50), TransferFilter(since="2022", limit=50),
                               TransferFilter(until="2021", category="uav", limit=50),
                               TransferFilter(min_grade="C3", stage="delivered", limit=50)],
                         ids=["all", "since", "until and category", "min grade and stage"])
def test_a_page_in_any_order_is_picked_from_an_index_never_from_the_rows(big_store: Path, sort: str,
                                                                          f: TransferFilter) -> None:
    """The ids of a page (list_summaries) come from one index carrying every column filtered or sorted on: walked in
    the page's order, which stops after the page (the other direction walks it backwards and sorts only the
    transfers that tie on the key), or sought by an equality (a stage, a category) whose transfers alone are sorted.
    Never a row read, never a sort of every transfer; a date or grade range does not lure the planner into an index
    on its column."""
    sql = str(queries.transfers_query(replace(f, sort=sort), [transfers.c.id]).compile(
        get_engine(f"sqlite:///{big_store}"), compile_kwargs={"literal_binds": True}))
    with sqlite3.connect(big_store) as conn:
        plan = " / ".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert plan.startswith("SEARCH transfers USING COVERING INDEX") and plan.count("SEARCH") == 1, plan
    if "TEMP B-TREE FOR ORDER BY" in plan:
        assert re.search(r"\(rejected=\? AND (stage|category)=\?", plan), plan


def test_postgresql_has_an_index_in_each_order_the_list_offers_first() -> None:
    for url in postgres_url():
        Armstrack(url)  # a new store, migrated
        engine = get_engine(url)
        with engine.connect() as conn:
            for kind in ("seqscan", "bitmapscan", "sort"):
                conn.exec_driver_sql(f"SET enable_{kind} = off")
            for key in queries.TRANSFER_SORTS:
                first = "-" if key in ("probability", "last_reported", "first_reported", "reports",
                                       "independent_origins") else ""
                page = queries.transfers_query(TransferFilter(sort=first + key, category="uav", limit=50),
                                               [transfers.c.id])
                sql = str(page.compile(engine, compile_kwargs={"literal_binds": True}))
                plan = " / ".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))
                assert "Index Only Scan" in plan and "Sort" not in plan, (key, plan)


def test_postgresql_walks_the_listing_index_in_the_listings_own_order() -> None:
    """Nulls last and code-point order, as on SQLite: the index serves the whole ORDER BY, no sort step."""
    for url in postgres_url():
        Armstrack(url)  # a new store, migrated
        engine = get_engine(url)
        sql = str(queries.transfers_query(TransferFilter(limit=50)).compile(
            engine, compile_kwargs={"literal_binds": True}))
        assert 'last_reported COLLATE "C" DESC NULLS LAST' in sql
        with engine.connect() as conn:
            for kind in ("seqscan", "bitmapscan", "sort"):  # a few rows: the planner would rather scan and sort
                conn.exec_driver_sql(f"SET enable_{kind} = off")
            plan = " / ".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}"))
        assert "ix_transfers_listing" in plan and "Sort" not in plan, plan


def test_concurrent_requests_reuse_their_connections(tmp_path: Path) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    opened: list[int] = []
    event.listen(engine, "connect", lambda *_: opened.append(1))
    threads = 15
    barrier = threading.Barrier(threads)

    def request() -> None:
        with unit_of_work(engine) as conn:
            barrier.wait(timeout=30)  # every thread holds a connection at once
            conn.execute(select(func.count()).select_from(documents))

    for _ in range(3):
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda _: request(), range(threads)))
    assert len(opened) <= threads  # the second and third rounds opened none


def test_a_store_from_before_0012_gets_its_computed_grades_back_at_the_next_refresh(db: str) -> None:
    """Before 0012 an analyst's grade replaced the computed one in place; the upgrade keeps the grade shown and marks
    every pair for a rebuild, which puts the computed grade beside the analyst's again."""
    ingest(db, CORPUS)
    app = Armstrack(db)
    t = the_transfer(db)
    jid = app.judge("regrade", t["id"], grade="A1", reason="checked")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0011", "head"):
        with get_engine(db).begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0011" else command.upgrade)(cfg, target)
    upgraded = Armstrack(db)
    waiting = upgraded.transfer(t["id"])
    assert (waiting["grade"], waiting["computed_grade"]) == ("A1", "A1")  # as stored, until the rebuild
    assert ("DEU", "UKR") in upgraded_stale(db)
    upgraded.refresh()
    rebuilt = upgraded.transfer(t["id"])
    assert (rebuilt["grade"], rebuilt["computed_grade"], rebuilt["regrade_judgement"]) == ("A1", "B2", jid)


def upgraded_stale(url: str) -> set[tuple[str, str]]:
    with get_engine(url).connect() as conn:
        return {(r.supplier, r.recipient) for r in conn.execute(select(stale_pairs))}


def test_a_store_from_before_0017_gets_exact_if_rejected_grades_at_the_next_refresh(db: str) -> None:
    """Before 0017 each claim's 'if rejected' grade was an estimate; the upgrade marks every pair for a rebuild."""
    ingest(db, CORPUS)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0016", "head"):
        with get_engine(db).begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0016" else command.upgrade)(cfg, target)
    assert ("DEU", "UKR") in upgraded_stale(db)


def _another_writer(url: str, work: Callable[[Connection], object]) -> None:
    """A write by another process while a refresh builds: its own engine, waiting at most 5 s for the write lock (a
    refresh that held it while building would make this fail, not hang)."""
    engine = create_engine(url, connect_args={"timeout": 5} if url.startswith("sqlite") else {})
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET LOCAL lock_timeout = '5s'")
            lock_writers(conn)
            work(conn)
    finally:
        engine.dispose()


@pytest.mark.parametrize("meanwhile", ["reject a claim of the pair", "accept a claim of another pair"])
def test_a_rebuild_is_built_outside_the_write_lock_and_written_over_what_it_read_only(
        db: str, meanwhile: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refresh builds from one read while other writers go on: a judgement (or an ingest) on its pair's claims
    makes it build again under the write lock, one on another pair's claims does not; either way the store ends as a
    clean rebuild of what it holds leaves it."""
    ingest(db, CORPUS, IRAN_RUSSIA)
    core = Armstrack(db)
    ours = core.transfer(the_transfer(db)["id"])["claim_ids"][0]
    theirs = core.transfer(core.transfers(TransferFilter(supplier="IRN"))[0]["id"])["claim_ids"][0]
    claim = ours if meanwhile.startswith("reject") else theirs
    action = "reject_claim" if meanwhile.startswith("reject") else "accept_claim"
    built: list[bool] = []  # per build of the pair: did the other writer's judgement come first?

    def build(claims: Any, docs: Any, judged: Any, *rest: Any) -> Any:
        if any(c.supplier == "DEU" for c in claims):
            built.append(any(j.action == action for j in judged))
        if len(built) == 1 and not judged:
            _another_writer(db, lambda conn: (queries.add_judgement(conn, action, "", None, [claim], "other", ""),
                                              queries.mark_stale(conn, queries.pairs_of_claims(conn, [claim]))))
        return build_transfers(claims, docs, judged, *rest)

    with unit_of_work(get_engine(db), write=True) as conn:
        queries.mark_stale(conn, [("DEU", "UKR")])
    monkeypatch.setattr(merge, "build_transfers", build)
    core.refresh()
    monkeypatch.undo()
    if action == "reject_claim":
        assert built == [False, True] and core.claim(ours)["transfer_id"] is None  # built again, under the lock
    else:
        assert built == [False] and core.claim(theirs)["transfer_id"]  # written as built; the other pair rebuilt
    rows = snapshot(db)
    assert rows["stale_pairs"] == []
    with unit_of_work(get_engine(db), write=True) as conn:
        queries.mark_stale(conn, queries.inconsistent_pairs(conn) | {("DEU", "UKR"), ("IRN", "RUS")})
    core.refresh()
    assert {t: snapshot(db)[t] for t in ("transfers", "claim_transfers")} == {
        t: rows[t] for t in ("transfers", "claim_transfers")}
