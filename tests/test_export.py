"""Exports on SQLite and on the real PostgreSQL server: Parquet and JSON lines read back equal to the database,
CSV has one line per transfer, GraphML is the network, every FollowTheMoney entity validates against the model
and its references resolve, and the SIPRI register holds only ordered/delivered transfers at or above the
grade. The CLI refuses a bad request with one line and exit code 2."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pyarrow.parquet as pq
import pytest
from followthemoney import EntityProxy
from followthemoney.settings import MODEL_PATH
from sqlalchemy import select
from typer.testing import CliRunner, Result

from armstrack.app import Armstrack
from armstrack.cli import app as cli
from armstrack.export import ftm, sipri, tabular
from armstrack.export.base import CLAIM_COLUMNS, TRANSFER_COLUMNS, ExportContext, What, columns
from armstrack.export.registry import FORMATS, get_format, open_writer
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from armstrack.store.db import get_engine
from armstrack.store.queries import TransferFilter
from armstrack.store.schema import claims, transfers
from store_fixtures import postgres_url, sqlite_url

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUTS = [FIXTURES / "iris_t.jsonl", FIXTURES / "armed_groups.jsonl", FIXTURES / "iran_russia.jsonl", EXAMPLES]
EVERYTHING = TransferFilter(include_rejected=True)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One ingested database per backend, shared by the module's tests (they only read)."""
    urls = sqlite_url(tmp_path_factory.mktemp("export")) if request.param == "sqlite" else postgres_url()
    for url in urls:
        report = Armstrack(url).ingest(read_inputs([str(p) for p in INPUTS]), Extractor())
        assert report.failures == [] and report.claims > 20
        yield url


def export(url: str, fmt: str, what: What = "transfers", f: TransferFilter = EVERYTHING) -> bytes:
    armstrack = Armstrack(url)
    out = io.BytesIO()
    armstrack.export(what, f, open_writer(get_format(fmt), out, armstrack.export_context(what)))
    return out.getvalue()


def stored(url: str, what: What) -> list[dict[str, Any]]:
    """The rows an export starts from, straight from the store's query."""
    armstrack = Armstrack(url)
    rows: list[dict[str, Any]] = []
    armstrack.export(what, EVERYTHING, Collect(rows))
    return rows


class Collect:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def write(self, row: dict[str, Any]) -> None:
        self.rows.append(row)

    def finalize(self) -> None:
        pass


def projected(rows: list[dict[str, Any]], what: What) -> list[dict[str, Any]]:
    return [{name: r[name] for name, _ in columns(what)} for r in rows]


def table_rows(url: str, what: What) -> dict[str, dict[str, Any]]:
    table = claims if what == "claims" else transfers
    with get_engine(url).connect() as conn:
        # every column but `search`, the free-text filter's index column
        return {r.id: {k: v for k, v in r._mapping.items() if k != "search"} for r in conn.execute(select(table))}


def test_the_export_columns_are_every_stored_column_plus_what_a_reader_needs(db: str) -> None:
    [t] = stored(db, "transfers")[:1]
    # `search` is the free-text filter's index column, not data
    assert {name for name, _ in TRANSFER_COLUMNS} == set(transfers.c.keys()) - {"search"} | {"grade"} == set(t)
    [c] = stored(db, "claims")[:1]
    assert {name for name, _ in CLAIM_COLUMNS} == set(claims.c.keys()) | {
        "transfer_id", "url", "published", "language", "source_name", "publisher"} == set(c)


@pytest.mark.parametrize("what", ["transfers", "claims"])
def test_jsonl_reads_back_equal_to_the_database(db: str, what: What) -> None:
    rows = stored(db, what)
    lines = export(db, "jsonl", what).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == projected(rows, what)
    table = table_rows(db, what)
    assert len(table) == len(lines)
    for line in lines:
        got = json.loads(line)
        assert {k: got[k] for k in table[got["id"]]} == table[got["id"]]  # column by column


@pytest.mark.parametrize("what", ["transfers", "claims"])
def test_parquet_reads_back_equal_to_the_database(db: str, what: What, tmp_path: Path) -> None:
    path = tmp_path / f"{what}.parquet"
    path.write_bytes(export(db, "parquet", what))
    read = pq.read_table(path)
    assert read.schema.metadata[b"armstrack.what"] == what.encode()
    kinds = dict(columns(what))
    back = [{k: json.loads(v) if kinds[k] == "json" and v is not None else v for k, v in r.items()}
            for r in read.to_pylist()]
    assert back == projected(stored(db, what), what)
    table = table_rows(db, what)
    assert {r["id"]: {k: r[k] for k in table[r["id"]]} for r in back} == table


def test_parquet_is_written_in_record_batches(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "PARQUET_BATCH", 4)
    path = tmp_path / "claims.parquet"
    path.write_bytes(export(db, "parquet", "claims"))
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == len(stored(db, "claims")) and meta.num_row_groups >= meta.num_rows // 4


def test_csv_has_the_header_and_one_line_per_transfer(db: str) -> None:
    text = export(db, "csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [name for name, _ in TRANSFER_COLUMNS]
    stored_rows = stored(db, "transfers")
    assert [r[0] for r in rows[1:]] == [t["id"] for t in stored_rows]
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    iris = next(t for t in stored_rows if t["item"] == "IRIS-T SLM")
    assert by_id[iris["id"]]["claim_ids"] == "; ".join(iris["claim_ids"])
    assert json.loads(by_id[iris["id"]]["timeline"]) == iris["timeline"]


def test_graphml_is_the_network_of_parties_and_transfers(db: str) -> None:
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(export(db, "graphml"))
    graph = root.find("g:graph", ns)
    assert graph is not None and graph.get("edgedefault") == "directed"
    keys = {k.get("id"): k.get("attr.type") for k in root.findall("g:key", ns)}
    nodes = {n.get("id"): {d.get("key"): d.text for d in n} for n in graph.findall("g:node", ns)}
    edges = {e.get("id"): (e.get("source"), e.get("target"), {d.get("key"): d.text for d in e})
             for e in graph.findall("g:edge", ns)}
    rows = [t for t in stored(db, "transfers") if t["supplier"] and t["recipient"]]
    assert set(nodes) == {t["supplier"] for t in rows} | {t["recipient"] for t in rows}
    assert nodes["IRN"] == {"name": "Iran", "kind": "country"}
    assert nodes["ORG:Hamas"] == {"name": "Hamas", "kind": "actor"}
    assert set(edges) == {t["id"] for t in rows}
    for t in rows:
        source, target, data = edges[t["id"]]
        assert (source, target, data["item"], data["stage"], data["grade"]) == (
            t["supplier"], t["recipient"], t["item"], t["stage"], t["grade"])
        assert float(data["weight"]) == float(data["probability"]) == t["probability"]
        assert int(data["reports"]) == t["reports"]
        assert int(data["independent_origins"]) == t["independent_origins"]
    assert keys["weight"] == "double" and keys["reports"] == "int"


def test_graphml_leaves_out_a_transfer_whose_party_is_unknown() -> None:
    out = io.BytesIO()
    writer = open_writer(get_format("graphml"), out, ExportContext("transfers"))
    row = {"id": "x1", "supplier": None, "recipient": "UKR", "item": "drones", "category": "uav",
           "stage": "delivered", "grade": "C3", "probability": 0.5, "reports": 1, "independent_origins": 1,
           "first_reported": None, "last_reported": None}
    writer.write(row)
    writer.finalize()
    root = ET.fromstring(out.getvalue())
    assert [el for el in root.iter() if el.tag.endswith(("node", "edge"))] == []


def ftm_entities(url: str) -> list[dict[str, Any]]:
    """Transfers and claims exports together: the FtM dataset of the whole database."""
    return [json.loads(line) for what in ("transfers", "claims")
            for line in export(url, "ftm", what).decode("utf-8").splitlines()]


def test_every_ftm_entity_validates_against_the_model_and_every_reference_resolves(db: str) -> None:
    model = ftm.ftm_model()
    entities = ftm_entities(db)
    ids = {e["id"] for e in entities}
    for e in entities:
        schema = model[e["schema"]]
        assert not schema.abstract
        assert schema.validate(e) is None  # raises InvalidData on a bad value
        assert all(e["properties"].get(p) for p in schema.required), (e["id"], schema.required)
        assert set(e["properties"]) <= set(schema.properties)
        # strict re-cleaning keeps every value: nothing written is invalid for its type
        assert EntityProxy(schema, e, cleaned=False).to_dict()["properties"] == e["properties"]
        assert set(ftm.references(e, model)) <= ids
    counts: dict[str, int] = {}
    for e in {e["id"]: e for e in entities}.values():  # each file names the parties it refers to
        counts[e["schema"]] = counts.get(e["schema"], 0) + 1
    assert counts["ArmsTransfer"] == len(stored(db, "transfers"))
    assert counts["ArmsTransferClaim"] == len(stored(db, "claims"))
    assert counts["Organization"] == 2 and counts["Territory"] >= 8  # Hamas, Houthis; states
    by_id = {e["id"]: e for e in entities}
    hamas = next(e for e in entities if e["schema"] == "ArmsTransfer" and
                 e["properties"]["recipient"] == [ftm.entity_id("party", "ORG:Hamas")])
    assert by_id[hamas["properties"]["supplier"][0]]["properties"]["territoryCode"] == ["ir"]
    assert hamas["properties"]["supplierCountry"] == ["ir"]


def test_each_ftm_export_writes_a_party_once() -> None:
    with_parties = [e for e in (json.loads(line) for line in export_ftm_rows()) if e["schema"] == "Territory"]
    assert [e["id"] for e in with_parties] == ["armstrack-party-irn", "armstrack-party-rus"]


def export_ftm_rows() -> list[str]:
    out = io.BytesIO()
    writer = open_writer(get_format("ftm"), out, ExportContext("transfers"))
    for n in range(3):
        writer.write({"id": f"t{n}", "supplier": "IRN", "recipient": "RUS", "item": "Shahed-136",
                      "items": ["Shahed-136"], "category": "loitering_munition", "stage": "delivered",
                      "timeline": [], "quantity_min": None, "quantity_max": None, "first_reported": "2022",
                      "last_reported": "2023", "reports": 1, "independent_origins": 1, "origins": [],
                      "reliability": "B", "credibility": 3, "grade": "B3", "probability": 0.7,
                      "explanation": [], "rejected": False, "claim_ids": []})
    writer.finalize()
    return out.getvalue().decode("utf-8").splitlines()


def test_the_base_schemata_are_followthemoneys_own() -> None:
    for path in ftm.SCHEMA_DIR.glob("*.yaml"):
        if path.name != "armstrack.yaml":
            assert path.read_text(encoding="utf-8") == (Path(MODEL_PATH) / path.name).read_text(encoding="utf-8")


def test_sipri_register_holds_only_ordered_and_delivered_transfers_at_or_above_the_grade(db: str) -> None:
    f = TransferFilter(min_grade=FORMATS["sipri"].default_min_grade)
    lines = list(csv.DictReader(io.StringIO(export(db, "sipri", f=f).decode("utf-8"))))
    expected = {t["id"]: t for t in stored(db, "transfers") if t["stage"] in ("ordered", "delivered")
                and t["reliability"] <= "C" and t["credibility"] <= 3 and not t["rejected"]}
    assert lines and {line["Transfer id"] for line in lines} == set(expected)
    assert list(lines[0]) == list(sipri.COLUMNS)
    assert lines == sorted(lines, key=lambda r: (r["Recipient"], r["Supplier"], r["Year of order"],
                                                 r["Weapon designation"], r["Transfer id"]))
    iris = next(line for line in lines if line["Weapon designation"] == "IRIS-T SLM")
    assert (iris["Supplier"], iris["Recipient"], iris["Status"], iris["Year(s) of delivery"]) == (
        "Germany", "Ukraine", "delivered", "2024")
    assert (iris["Number delivered"], iris["Number delivered estimated"]) == ("", "?")
    for line in lines:  # the year of order is the ordered stage's date in the timeline, when it has one
        ordered = [e for e in expected[line["Transfer id"]]["timeline"] if e["stage"] == "ordered" and e["when"]]
        if ordered:
            assert line["Year of order"] == ordered[0]["when"][:4]


@pytest.mark.parametrize(("when", "years"), [
    ("2023-02", ("2023", "")), ("2022/2024", ("2022-2024", "")), ("2022-11/..", ("2022-", "?")),
    ("2023-01/2023-06", ("2023", "")), (None, ("", "?")),
])
def test_sipri_years_flag_what_is_open_or_unknown(when: str | None, years: tuple[str, str]) -> None:
    assert sipri._years(when) == years


@pytest.mark.parametrize(("quantity", "number"), [
    ({"value": 24, "qualifier": "exact"}, ("24", "")), ({"value": 2600, "qualifier": "approx"}, ("2600", "?")),
    ({"value": 10, "qualifier": "range", "max": 12}, ("12", "?")), ({"value": 5000000, "qualifier": "at_least"},
                                                                   ("5000000", "?")), (None, ("", "?")),
])
def test_sipri_numbers_flag_estimates(quantity: dict[str, Any] | None, number: tuple[str, str]) -> None:
    assert sipri._number({"stage": "ordered", "when": "2023", "quantity": quantity}) == number


# --- the command line (SQLite) ---

def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("cli") / "cli.db")
    assert run("ingest", "--db", url, str(FIXTURES / "iris_t.jsonl"), str(FIXTURES / "armed_groups.jsonl")
               ).exit_code == 0
    return url


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "xls"), "unknown export format 'xls' (use csv, jsonl, parquet, graphml, ftm, sipri)"),
    (("--format", "parquet"), "parquet is a binary format: give a file with --output PATH"),
    (("--format", "parquet", "--output", "-"), "parquet is a binary format"),
    (("--format", "graphml", "--what", "claims"), "graphml exports transfers, not claims"),
    (("--format", "csv", "--what", "documents"), "--what 'documents': use transfers or claims"),
    (("--format", "sipri", "--min-grade", "Z9"), "--min-grade 'Z9'"),
])
def test_a_bad_export_request_is_one_line_and_exit_code_2(cli_db: str, args: tuple[str, ...], message: str) -> None:
    result = run("export", "--db", cli_db, *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.output


def test_export_to_a_file_and_to_stdout(cli_db: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    result = run("export", "--db", cli_db, "-f", "parquet", "--what", "claims", "-o", str(out))
    assert result.exit_code == 0 and "10 claims exported as parquet" in result.stderr
    assert pq.read_table(out).num_rows == 10 and not list(tmp_path.glob("*.part"))
    listed = run("export", "--db", cli_db, "-f", "jsonl", "--supplier", "IRN")
    assert [json.loads(line)["recipient"] for line in listed.stdout.splitlines()] == ["ORG:Houthis", "ORG:Hamas"]
    register = run("export", "--db", cli_db, "-f", "sipri")  # C3 unless asked otherwise
    assert [r["Weapon designation"] for r in csv.DictReader(io.StringIO(register.stdout))] == ["IRIS-T SLM"]
    assert "IRIS-T SLM" not in run("export", "--db", cli_db, "-f", "sipri", "--min-grade", "A1").stdout


def test_an_unwritable_output_is_one_line_and_leaves_no_file(cli_db: str, tmp_path: Path) -> None:
    result = run("export", "--db", cli_db, "-f", "csv", "-o", str(tmp_path / "missing" / "t.csv"))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    assert "Traceback" not in result.output
