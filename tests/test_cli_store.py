"""`armstrack ingest`, `transfers`, `show` and the judgement commands: output, filters, and one clear
line with a non-zero exit code for every bad input."""

from __future__ import annotations

import csv
import io
import json
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


@pytest.mark.parametrize(("args", "message"), [
    (["show", "nosuchid"], "no transfer 'nosuchid'"),
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
