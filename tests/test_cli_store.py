"""`armstrack ingest`, `transfers`, `show` and the judgement commands: output, filters, and one clear
line with a non-zero exit code for every bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from armstrack.cli import app

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "iris_t.jsonl"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = str(tmp_path / "cli.db")
    result = run("ingest", "--db", url, str(CORPUS))
    assert result.exit_code == 0, result.output
    return url


def test_ingest_reports_documents_claims_and_transfers(db: str) -> None:
    again = run("ingest", "--db", db, str(CORPUS))
    assert again.exit_code == 0
    assert "0 documents stored, 8 unchanged" in again.stderr


def test_ingest_names_each_bad_input_and_stores_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "truncated', encoding="utf-8")
    url = str(tmp_path / "x.db")
    result = run("ingest", "--db", url, str(bad), str(CORPUS), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "bad.json: invalid JSON" in result.stderr and "missing.txt: no such file" in result.stderr
    assert "8 documents stored" in result.stderr and "Traceback" not in result.output
    listed = json.loads(run("transfers", "--db", url, "--format", "json").stdout)
    assert [t["reports"] for t in listed] == [8]


def test_transfers_table_json_and_csv_agree(db: str) -> None:
    table = run("transfers", "--db", db)
    assert table.exit_code == 0 and "IRIS-T SLM" in table.stdout and "B2" in table.stdout
    [t] = json.loads(run("transfers", "--db", db, "-f", "json").stdout)
    assert (t["supplier"], t["recipient"], t["reports"], t["independent_origins"]) == ("DEU", "UKR", 8, 3)
    rows = list(csv.DictReader(io.StringIO(run("transfers", "--db", db, "-f", "csv").stdout)))
    assert [(r["id"], r["grade"], r["independent_origins"]) for r in rows] == [(t["id"], t["grade"], "3")]


def test_transfer_filters_on_the_command_line(db: str) -> None:
    def ids(*args: str) -> list[str]:
        return [t["id"] for t in json.loads(run("transfers", "--db", db, "-f", "json", *args).stdout)]

    assert len(ids("--supplier", "deu")) == 1
    assert ids("--supplier", "IRN") == [] and ids("--since", "2025") == [] and ids("--min-grade", "A1") == []
    assert len(ids("--min-grade", "B2", "--since", "2024-08")) == 1


def test_show_prints_the_evidence_trail(db: str) -> None:
    [t] = json.loads(run("transfers", "--db", db, "-f", "json").stdout)
    out = run("show", "--db", db, t["id"]).stdout
    assert "8 reports, 3 independent origins" in out and "Reuters" in out and "Le Figaro" in out
    assert "Germany will deliver four more IRIS-T SLM" in out and "reliability B" in out


def test_judgement_commands_and_undo(db: str) -> None:
    [t] = json.loads(run("transfers", "--db", db, "-f", "json").stdout)
    split = run("transfers", "--db", db, "split", t["id"], *t["claim_ids"][:1], "--reason", "other deal")
    assert split.exit_code == 0 and "judgement 1: split" in split.stdout
    assert len(json.loads(run("transfers", "--db", db, "-f", "json").stdout)) == 2
    assert run("transfers", "--db", db, "undo", "1").exit_code == 0
    assert len(json.loads(run("transfers", "--db", db, "-f", "json").stdout)) == 1


def test_origins_table_json_and_an_origin_split_and_join(db: str) -> None:
    [t] = json.loads(run("transfers", "--db", db, "-f", "json").stdout)
    view = json.loads(run("origins", t["id"], "--db", db, "--format", "json").stdout)
    assert (view["reports"], view["independent_origins"]) == (8, 3) and len(view["origins"]) == 3
    wire = next(o for o in view["origins"] if o["label"] == "Reuters")
    assert wire["key"] == "src:reuters" and len(wire["documents"]) == 6
    table = run("origins", t["id"], "--db", db).stdout
    assert "8 reports, 3 independent origins" in table and "first report of this origin" in table
    split = run("transfers", "--db", db, "split-origin", t["id"], "translation-de", "--reason", "own sources")
    assert split.exit_code == 0 and "judgement 1: split_origin" in split.stdout
    assert json.loads(run("origins", t["id"], "--db", db, "-f", "json").stdout)["independent_origins"] == 4
    assert "judgement 1: split_origin translation-de — own sources" in run("origins", t["id"], "--db", db).stdout
    join = run("transfers", "--db", db, "join-origins", t["id"], "translation-de", "wire-reuters")
    assert join.exit_code == 0
    assert json.loads(run("origins", t["id"], "--db", db, "-f", "json").stdout)["independent_origins"] == 3
    for jid in ("2", "1"):
        assert run("transfers", "--db", db, "undo", jid).exit_code == 0
    assert json.loads(run("origins", t["id"], "--db", db, "-f", "json").stdout)["origins"] == view["origins"]


@pytest.mark.parametrize(("args", "message"), [
    (["show", "nosuchid"], "no transfer 'nosuchid'"),
    (["origins", "nosuchid"], "no transfer 'nosuchid'"),
    (["origins", "x", "--format", "xml"], "unknown format 'xml'"),
    (["transfers", "--min-grade", "Z9"], "--min-grade 'Z9'"),
    (["transfers", "--since", "last year"], "--since 'last year'"),
    (["transfers", "--format", "xml"], "unknown format 'xml'"),
    (["transfers", "merge", "a", "b"], "no transfer 'a'"),
    (["transfers", "undo", "99"], "no live judgement 99"),
])
def test_bad_requests_are_one_line_errors(db: str, args: list[str], message: str) -> None:
    result = run(args[0], "--db", db, *args[1:])
    assert result.exit_code != 0 and message in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1


def test_an_unusable_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = run("ingest", "--db", str(tmp_path / "no" / "such" / "dir.db"), str(CORPUS))
    assert result.exit_code == 1 and "cannot open the database" in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------------- conventions


@pytest.mark.parametrize("args", [
    ["transfers"], ["transfers", "--format", "json"], ["show", "abc"], ["export", "--format", "csv"],
    ["transfers", "undo", "1"], ["users", "token", "alice"], ["db", "current"], ["db", "upgrade"],
], ids=lambda a: "-".join(a))
def test_a_missing_store_is_refused_not_created(tmp_path: Path, args: list[str]) -> None:
    typo = tmp_path / "typo.db"
    result = run(*args, "--db", str(typo)) if args[0] != "transfers" or len(args) == 1 or args[1] == "--format" \
        else run("transfers", "--db", str(typo), *args[1:])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().splitlines() == [
        f"error: {typo}: no such store (`armstrack ingest --db {typo} …` creates one)"]
    assert not typo.exists()


def test_serve_create_makes_a_store_only_when_asked(tmp_path: Path) -> None:
    refused = run("serve", "--db", str(tmp_path / "new.db"))
    assert refused.exit_code == 1 and "no such store" in refused.stderr and not (tmp_path / "new.db").exists()


def downgrade(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from armstrack.store.db import MIGRATIONS, normalise_url

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


def test_an_out_of_date_store_is_never_migrated_by_a_reading_command(tmp_path: Path) -> None:
    from armstrack.store.db import schema_history

    url = str(tmp_path / "old.db")
    assert run("ingest", "--db", url, str(CORPUS)).exit_code == 0
    head, previous = schema_history()[-1][0], schema_history()[-2][0]
    assert run("db", "current", "--db", url).stdout == f"{head} (head: up to date)\n"
    downgrade(url, previous)
    for args in (["transfers"], ["export", "--format", "jsonl"], ["users", "token", "alice"]):
        result = run(*args, "--db", url)
        assert result.exit_code == 1 and result.stderr.strip().splitlines() == [
            f"error: {url}: the store's schema is at revision {previous}, this armstrack reads {head}: run "
            f"`armstrack db upgrade --db {url}` (back it up first)"]
    behind = run("db", "current", "--db", url)
    assert behind.stdout == f"{previous} (behind {head}: run `armstrack db upgrade --db {url}`)\n"
    history = run("db", "history", "--db", url).stdout.splitlines()
    assert history[0].startswith("base -> 0001") and history[-2].endswith("<- the store")
    assert len(history) == len(schema_history()) and f"{previous} -> {head}" in history[-1]
    # -v shows what Alembic does; a real process, since the test runner's logging is pytest's
    upgraded = subprocess.run([sys.executable, "-m", "armstrack.cli", "-v", "db", "upgrade", "--db", url],
                              capture_output=True, text=True, timeout=300, check=False)
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"Running upgrade {previous} -> {head}" in upgraded.stderr
    assert upgraded.stderr.endswith(f"{url}: upgraded from {previous} to {head}\n")
    assert run("db", "upgrade", "--db", url).stderr == f"{url}: already at {head}\n"
    [t] = json.loads(run("transfers", "--db", url, "-f", "json").stdout)
    assert t["reports"] == 8


def test_the_revisions_read_from_the_migration_files_are_alembics() -> None:
    """Reading commands check a store against the latest revision read from the files, without Alembic: the same
    chain, in the same order, as Alembic's own walk."""
    from armstrack.store.db import known_revisions, schema_history

    assert known_revisions() == tuple(r for r, _, _ in schema_history())


def test_a_reading_command_does_not_import_alembic(db: str) -> None:
    code = ("import sys; from armstrack.cli import main; sys.argv = ['armstrack', 'transfers', '--db', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, db], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_show_as_json(db: str) -> None:
    [t] = json.loads(run("transfers", "--db", db, "-f", "json").stdout)
    shown = json.loads(run("show", t["id"], "--db", db, "--format", "json").stdout)
    assert shown["id"] == t["id"] and len(shown["claims"]) == 8 and shown["timeline"]
    assert run("show", t["id"], "--db", db, "-f", "csv").exit_code == 2


@pytest.mark.parametrize("url", ["ftp://news.example/a.html", "file:///etc/passwd", "gopher://x/1"])
def test_ingest_refuses_a_url_that_is_not_http(tmp_path: Path, url: str) -> None:
    result = run("ingest", "--db", str(tmp_path / "u.db"), str(CORPUS), url)
    assert result.exit_code == 2 and result.stderr.strip().splitlines() == [
        f"error: {url}: only http:// and https:// URLs are fetched (give a local file as a path)"]
    assert not (tmp_path / "u.db").exists()


def test_ingest_fetches_a_positional_url_like_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from armstrack.sources.fetch import FetchOptions
    from http_fixtures import article_page, corpus, html, serve

    local = FetchOptions(allow_private=True, host_delay=0, backoff=0.01, timeout=2, retries=0)
    monkeypatch.setattr("armstrack.sources.fetch.FetchOptions", lambda **k: dataclasses.replace(local, **k))
    url = str(tmp_path / "p.db")
    with serve() as site:
        site.routes["/story"] = html(article_page(corpus()[0], published="2024-03-05"))
        refused = run("ingest", "--db", url, site.url("/story"))  # loopback, without --allow-private
        assert refused.exit_code == 1 and "127.0.0.1 is a loopback address" in refused.stderr
        result = run("ingest", "--db", url, "--allow-private", site.url("/story"), str(CORPUS))
    assert result.exit_code == 0, result.output
    assert "9 documents stored" in result.stderr
    assert site.paths().count("/story") == 1  # the refused address was never connected to


def test_serve_prints_its_url_and_one_line_per_request(db: str) -> None:
    import time

    import httpx

    from api_fixtures import free_port

    port = free_port()
    # armstrack's own lines go to stderr, uvicorn's request lines to stdout: read both, in order
    proc = subprocess.Popen([sys.executable, "-m", "armstrack.cli", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first == (f"armstrack serving {db} on http://127.0.0.1:{port} (OpenAPI at /openapi.json; Ctrl-C to "
                         "stop)\n")
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.2)
        assert httpx.get(f"http://127.0.0.1:{port}/api/transfers", timeout=5).status_code == 401
    finally:
        proc.terminate()
        rest = proc.communicate(timeout=30)[0]
    requests = [line for line in rest.splitlines() if '"GET /' in line]
    assert requests, rest
    assert any('"GET /openapi.json HTTP/1.1" 200' in line for line in requests)
    assert sum('"GET /api/transfers HTTP/1.1" 401' in line for line in requests) == 1


def test_rows_come_in_the_same_order_on_sqlite_and_postgresql(tmp_path: Path) -> None:
    """Nulls last in either direction, strings by code point, whatever the dialect's own habits."""
    from armstrack.app import Armstrack
    from armstrack.store.queries import TRANSFER_SORTS, TransferFilter
    from store_fixtures import postgres_url

    docs = [{"id": "d1", "text": "Germany delivered 18 Leopard 2A6 tanks to Ukraine.", "published": "2024-01-10"},
            {"id": "d2", "text": "France delivered six Caesar howitzers to Ukraine, the ministry said."},
            {"id": "d3", "text": "Iran has supplied Shahed-136 drones to Russia.", "published": "2023-05-01"},
            {"id": "d4", "text": "The United States delivered HIMARS launchers to Ukraine, officials said."},
            {"id": "d5", "text": "Germany delivered IRIS-T SLM air defence systems to Ukraine.",
             "published": "2024-01-10"}]
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    pg = postgres_url()
    urls = [str(tmp_path / "order.db"), next(pg)]
    try:
        orders = []
        for url in urls:
            assert run("ingest", "--db", url, str(corpus)).exit_code == 0
            core = Armstrack(url)
            rows = core.transfers(TransferFilter())
            orders.append({sort: [t["id"] for t in core.transfers(TransferFilter(sort=sort))]
                           for key in TRANSFER_SORTS for sort in (key, f"-{key}")})
        assert len(rows) >= 4 and any(t["last_reported"] is None for t in rows)
        assert orders[0] == orders[1]
        last = [t["last_reported"] for t in core.transfers(TransferFilter(sort="-last_reported"))]
        assert last[-1] is None and None not in last[:last.index(None)]
        first = [t["last_reported"] for t in core.transfers(TransferFilter(sort="last_reported"))]
        assert first[-1] is None and first[0] is not None
    finally:
        next(pg, None)
