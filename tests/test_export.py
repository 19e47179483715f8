"""Exports on SQLite and on the real PostgreSQL server: Parquet and JSON lines read back equal to the database,
CSV has one line per transfer, GraphML is the network, every FollowTheMoney entity validates against the model
and its references resolve, and the SIPRI register holds only ordered/delivered transfers at or above the
grade. The CLI refuses a bad request with one line and exit code 2.

Real clients read them (on SQLite: the files are the same on both backends): DuckDB reads the Parquet JSON
columns as JSON, networkx the GraphML with its labels, followthemoney's own `ftm validate` both FtM exports,
and a reader written to SIPRI's Trade Register layout the SIPRI file."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import duckdb
import networkx as nx
import pyarrow.parquet as pq
import pytest
from followthemoney import EntityProxy
from followthemoney.settings import MODEL_PATH
from sqlalchemy import select
from typer.testing import CliRunner, Result

from armstrack.app import Armstrack
from armstrack.cli import app as cli
from armstrack.export import ftm, sipri, tabular
from armstrack.export.base import CLAIM_COLUMNS, TRANSFER_COLUMNS, ExportContext, What, columns, full_date
from armstrack.export.registry import FORMATS, get_format, open_writer
from armstrack.extract.document import Extractor
from armstrack.settings import secret_key
from armstrack.sources.files import read_inputs
from armstrack.store.db import get_engine
from armstrack.store.queries import TransferFilter
from armstrack.store.schema import claims, transfers
from store_fixtures import Collecting, postgres_url, sqlite_url

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
INPUTS = [FIXTURES / "iris_t.jsonl", FIXTURES / "armed_groups.jsonl", FIXTURES / "iran_russia.jsonl", EXAMPLES]
EVERYTHING = TransferFilter(include_rejected=True)
SQLITE = pytest.mark.parametrize("db", ["sqlite"], indirect=True)  # a real client reads the SQLite export


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One ingested database per backend, shared by the module's tests (they only read)."""
    urls = sqlite_url(tmp_path_factory.mktemp("export")) if request.param == "sqlite" else postgres_url()
    for url in urls:
        report = Armstrack(url).ingest(read_inputs([str(p) for p in INPUTS]), Extractor())
        assert report.failures == [] and report.claims > 20
        yield url


def export(url: str, fmt: str, what: What = "transfers", f: TransferFilter = EVERYTHING, **options: Any) -> bytes:
    armstrack = Armstrack(url)
    out = io.BytesIO()
    armstrack.export(what, f, open_writer(get_format(fmt), out, armstrack.export_context(what, **options)))
    return out.getvalue()


def stored(url: str, what: What) -> list[dict[str, Any]]:
    """The rows an export starts from, straight from the store's query."""
    armstrack = Armstrack(url)
    rows: list[dict[str, Any]] = []
    armstrack.export(what, EVERYTHING, Collecting(rows))
    return rows


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


@SQLITE
@pytest.mark.parametrize("what", ["transfers", "claims"])
def test_duckdb_reads_the_parquet_json_columns_as_json(db: str, what: What, tmp_path: Path) -> None:
    path = tmp_path / f"{what}.parquet"
    path.write_bytes(export(db, "parquet", what))
    con = duckdb.connect()
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{path}')").fetchall())
    assert {name for name, kind in columns(what) if kind == "json"} == {n for n, t in types.items() if t == "JSON"}
    assert types["claim_ids" if what == "transfers" else "attributed_to"] == "VARCHAR[]"
    rows = stored(db, what)
    if what == "transfers":  # JSON paths work on the column as it is, no cast
        got = con.execute(f"SELECT id, json_array_length(timeline), timeline->>'$[0].stage' FROM '{path}'").fetchall()
        assert got == [(t["id"], len(t["timeline"]), t["timeline"][0]["stage"] if t["timeline"] else None)
                       for t in rows]
    else:
        got = con.execute(f"SELECT id, json_array_length(evidence_spans) FROM '{path}'").fetchall()
        assert got == [(c["id"], len(c["evidence_spans"]) if c["evidence_spans"] is not None else None)
                       for c in rows]


@SQLITE
@pytest.mark.parametrize("what", ["transfers", "claims"])
def test_polars_reads_the_parquet_json_columns_as_json(db: str, what: What, tmp_path: Path) -> None:
    """polars sees the JSON logical type (as an arrow.json extension column) and decodes it to nested values."""
    pl = pytest.importorskip("polars")  # a pinned test dependency (pyproject.toml): skipped only where missing
    path = tmp_path / f"{what}.parquet"
    path.write_bytes(export(db, "parquet", what))
    df = pl.read_parquet(path)
    json_columns = {n for n, t in df.schema.items() if isinstance(t, pl.Extension) and t.ext_name() == "arrow.json"}
    assert json_columns == {name for name, kind in columns(what) if kind == "json"}
    assert df.schema["claim_ids" if what == "transfers" else "attributed_to"] == pl.List(pl.String)
    rows = projected(stored(db, what), what)
    for name in json_columns:
        texts = df[name].ext.storage()
        assert [json.loads(t) if t is not None else None for t in texts.to_list()] == [r[name] for r in rows], name
        assert texts.str.json_decode().dtype.is_nested()  # polars decodes it to its own lists and structs


def test_parquet_is_written_in_record_batches(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "PARQUET_BATCH", 4)
    path = tmp_path / "claims.parquet"
    path.write_bytes(export(db, "parquet", "claims"))
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == len(stored(db, "claims")) and meta.num_row_groups >= meta.num_rows // 4


def test_csv_has_the_header_and_one_line_per_transfer(db: str) -> None:
    text = export(db, "csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == tabular.csv_header(TRANSFER_COLUMNS)
    stored_rows = stored(db, "transfers")
    assert [r[0] for r in rows[1:]] == [t["id"] for t in stored_rows]
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    iris = next(t for t in stored_rows if t["item"] == "IRIS-T SLM")
    assert by_id[iris["id"]]["claim_ids"] == "; ".join(iris["claim_ids"])
    assert json.loads(by_id[iris["id"]]["timeline"]) == iris["timeline"]
    for t in stored_rows:  # full ISO dates, each followed by its precision
        line = by_id[t["id"]]
        for col in ("first_reported", "last_reported"):
            assert (line[col], line[col + "_precision"]) == full_date(t[col])
            assert not line[col] or date.fromisoformat(line[col])


@pytest.mark.parametrize(("value", "expected"), [
    ("2023", ("2023-01-01", "year")), ("2023-02", ("2023-02-01", "month")), ("2023-02-14", ("2023-02-14", "day")),
    ("2023-02-14T09:30:00+00:00", ("2023-02-14", "day")), (None, ("", "")),
])
def test_a_csv_date_is_a_full_date_and_its_precision(value: str | None, expected: tuple[str, str]) -> None:
    assert full_date(value) == expected


@SQLITE
def test_excel_csv_starts_with_a_byte_order_mark_and_keeps_cyrillic(db: str) -> None:
    plain, excel = export(db, "csv", "claims"), export(db, "csv", "claims", excel=True)
    assert not plain.startswith(b"\xef\xbb\xbf") and excel == b"\xef\xbb\xbf" + plain
    assert next(csv.reader(io.StringIO(excel.decode("utf-8-sig"))))[0] == "id"
    out = io.BytesIO()
    writer = open_writer(get_format("csv"), out, ExportContext("claims", excel=True))
    writer.write(stored(db, "claims")[0] | {"evidence": "Россия получила «Шахеды»"})
    assert writer.finalize() == 1
    [line] = csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig")))
    assert line["evidence"] == "Россия получила «Шахеды»"


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
    assert nodes["IRN"] == {"label": "Iran", "name": "Iran", "kind": "country"}
    assert nodes["ORG:Hamas"] == {"label": "Hamas", "name": "Hamas", "kind": "actor"}
    assert set(edges) == {t["id"] for t in rows}
    for t in rows:
        source, target, data = edges[t["id"]]
        assert (source, target, data["item"], data["stage"], data["grade"]) == (
            t["supplier"], t["recipient"], t["item"], t["stage"], t["grade"])
        assert float(data["weight"]) == float(data["probability"]) == t["probability"]
        assert int(data["reports"]) == t["reports"]
        assert int(data["independent_origins"]) == t["independent_origins"]
    assert keys["weight"] == "double" and keys["reports"] == "int"


@SQLITE
def test_networkx_reads_the_graphml_with_country_names_as_labels(db: str, tmp_path: Path) -> None:
    path = tmp_path / "network.graphml"
    path.write_bytes(export(db, "graphml"))
    graph = nx.read_graphml(path)
    rows = [t for t in stored(db, "transfers") if t["supplier"] and t["recipient"]]
    assert graph.is_directed() and graph.number_of_edges() == len(rows)
    assert graph.nodes["DEU"]["label"] == "Germany" and graph.nodes["ORG:Houthis"]["label"] == "Houthis"
    assert all(data["label"] for _, data in graph.nodes(data=True))
    iris = next(t for t in rows if t["item"] == "IRIS-T SLM")
    assert graph.is_multigraph()  # parallel deals between two parties stay apart, keyed by transfer id
    edge = graph.edges["DEU", "UKR", iris["id"]]
    assert (edge["label"], edge["weight"], edge["reports"]) == ("IRIS-T SLM", iris["probability"], iris["reports"])


def test_graphml_leaves_out_a_transfer_whose_party_is_unknown() -> None:
    out = io.BytesIO()
    writer = open_writer(get_format("graphml"), out, ExportContext("transfers"))
    row = {"id": "x1", "supplier": None, "recipient": "UKR", "item": "drones", "category": "uav",
           "stage": "delivered", "grade": "C3", "probability": 0.5, "reports": 1, "independent_origins": 1,
           "first_reported": None, "last_reported": None}
    writer.write(row)
    assert writer.finalize() == 0
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
    assert counts["Organization"] == 2 and counts["PublicBody"] >= 8  # Hamas, Houthis; states
    by_id = {e["id"]: e for e in entities}
    hamas = next(e for e in entities if e["schema"] == "ArmsTransfer" and
                 e["properties"]["recipient"] == [ftm.entity_id("party", "ORG:Hamas")])
    assert by_id[hamas["properties"]["supplier"][0]]["properties"]["jurisdiction"] == ["ir"]
    assert hamas["properties"]["supplierCountry"] == ["ir"]


def test_each_ftm_export_writes_a_party_once() -> None:
    with_parties = [e for e in (json.loads(line) for line in export_ftm_rows()) if e["schema"] == "PublicBody"]
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


def ftm_cli(path: Path, model: bool = True) -> subprocess.CompletedProcess[str]:
    """followthemoney's own `ftm validate` on a file, on armstrack's model (FTM_MODEL_PATH) or its default."""
    env = {k: v for k, v in os.environ.items() if k != "FTM_MODEL_PATH"}
    if model:
        env["FTM_MODEL_PATH"] = str(ftm.model_path())
    ftm_bin = Path(sys.executable).with_name("ftm")
    return subprocess.run([str(ftm_bin), "validate", "-i", str(path)], env=env, capture_output=True, text=True,
                          timeout=120)


@SQLITE
def test_ftm_validate_passes_both_exports_on_the_shipped_model_path(db: str, tmp_path: Path) -> None:
    for what in ("transfers", "claims"):
        path = tmp_path / f"{what}.ftm.json"
        path.write_bytes(export(db, "ftm", what))
        result = ftm_cli(path)
        assert result.returncode == 0, result.stderr[-2000:]
        written = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        validated = [json.loads(line) for line in result.stdout.splitlines()]
        # validation re-cleans every value: nothing is dropped or rewritten
        assert [(e["id"], e["schema"], e["properties"]) for e in validated] == [
            (e["id"], e["schema"], e["properties"]) for e in written]
    parties = tmp_path / "parties.ftm.json"  # the parties are FtM's standard schemata: the default model reads them
    parties.write_text("".join(line + "\n" for line in (tmp_path / "transfers.ftm.json").read_text(
        encoding="utf-8").splitlines() if '"schema": "ArmsTransfer"' not in line), encoding="utf-8")
    assert ftm_cli(parties, model=False).returncode == 0
    assert "No schema for entity" in ftm_cli(tmp_path / "transfers.ftm.json", model=False).stderr


def test_the_base_schemata_are_followthemoneys_own() -> None:
    for path in ftm.SCHEMA_DIR.glob("*.yaml"):
        if path.name != "armstrack.yaml":
            assert path.read_text(encoding="utf-8") == (Path(MODEL_PATH) / path.name).read_text(encoding="utf-8")


def read_sipri_register(data: bytes, preamble: int = 11) -> list[dict[str, str]]:
    """A reader written to SIPRI's Trade Register CSV, as a script using SIPRI's files does it: ISO-8859-1,
    `preamble` title lines, then sixteen columns where each unnamed one holds "?" when the figure before it is
    an estimate, and delivery years as "2019; 2020"; extra columns after the sixteen are ignored."""
    lines = data.decode("iso-8859-1").splitlines(keepends=True)
    reader = csv.reader(io.StringIO("".join(lines[preamble:])))
    header = next(reader)
    assert header[:16] == ["Recipient", "Supplier", "Year of order", "", "Number ordered", "", "Weapon designation",
                           "Weapon description", "Number delivered", "", "Year(s) of delivery", "status",
                           "Comments", "SIPRI TIV per unit", "SIPRI TIV for total order",
                           "SIPRI TIV of delivered weapons"]
    names = [h or f"{header[i - 1]} estimated" for i, h in enumerate(header)]  # the flag names its figure
    deals = []
    for row in reader:
        deal = dict(zip(names, row, strict=True))
        for figure in ("Year of order", "Number ordered", "Number delivered"):
            assert deal[f"{figure} estimated"] in ("", "?")
            assert deal[figure] == "" or deal[figure].isdigit()
        assert all(y.strip().isdigit() for y in deal["Year(s) of delivery"].split(";") if y)
        deals.append(deal)
    return deals


def test_sipri_register_holds_only_ordered_and_delivered_transfers_at_or_above_the_grade(db: str) -> None:
    f = TransferFilter(min_grade=FORMATS["sipri"].default_min_grade)
    data = export(db, "sipri", f=f)
    data.decode("ascii")  # these parties and items need nothing beyond ASCII; ISO-8859-1 holds the rest
    lines = read_sipri_register(data)
    expected = {t["id"]: t for t in stored(db, "transfers") if t["stage"] in ("ordered", "delivered")
                and t["reliability"] <= "C" and t["credibility"] <= 3 and not t["rejected"]}
    assert lines and {line["Transfer id"] for line in lines} == set(expected)
    assert list(lines[0])[16:] == ["Stage", "Grade", "Transfer id"]
    assert lines == sorted(lines, key=lambda r: (r["Recipient"], r["Supplier"], r["Year of order"],
                                                 r["Weapon designation"], r["Transfer id"]))
    iris = next(line for line in lines if line["Weapon designation"] == "IRIS-T SLM")
    # the bundled example says "Berlin has already delivered four of the systems since October 2022": an open
    # period, listed by its first year
    assert (iris["Supplier"], iris["Recipient"], iris["Stage"], iris["Year(s) of delivery"]) == (
        "Germany", "Ukraine", "delivered", "2022")
    assert (iris["Weapon description"], iris["status"]) == ("SAM system", "")  # new or second-hand: not reported
    assert (iris["Number delivered"], iris["Number delivered estimated"]) == ("4", "")  # "four of the systems"
    assert "armstrack stage delivered" in iris["Comments"]
    for line in lines:  # the year of order is the ordered stage's date in the timeline, when it has one
        assert line["Weapon description"] in sipri.DESCRIPTIONS.values()
        ordered = [e for e in expected[line["Transfer id"]]["timeline"] if e["stage"] == "ordered" and e["when"]]
        if ordered:
            assert line["Year of order"] == ordered[0]["when"][:4]
    plain = export(db, "sipri", f=f, preamble=False)
    assert read_sipri_register(plain, preamble=0) == lines
    assert data.endswith(plain) and data[:-len(plain)].count(b"\n") == sipri.PREAMBLE_LINES


def test_sipri_register_is_iso_8859_1_and_loses_no_character() -> None:
    row = {"id": "t1", "supplier": "POL", "recipient": "UKR", "item": "Krab (Łódź) ракета", "category": "artillery",
           "items": ["Krab"], "stage": "delivered", "timeline": [{"stage": "delivered", "when": "2022/2024",
                                                                  "quantity": {"value": 18, "qualifier": "exact"}}],
           "reports": 2, "independent_origins": 2, "grade": "B2", "probability": 0.9, "first_reported": "2022-05"}
    out = io.BytesIO()
    writer = open_writer(get_format("sipri"), out, ExportContext("transfers", preamble=False))
    writer.write(row)
    writer.write(row | {"id": "t2", "stage": "offered"})  # not in a register
    assert writer.finalize() == 1
    [line] = read_sipri_register(out.getvalue(), preamble=0)
    assert line["Weapon designation"] == "Krab (\\u0141ódz) \\u0440\\u0430\\u043a\\u0435\\u0442\\u0430"
    assert (line["Recipient"], line["Supplier"]) == ("UKR", "POL")  # no knowledge base here: the codes
    assert (line["Year(s) of delivery"], line["Number delivered"], line["Number delivered estimated"]) == (
        "2022; 2023; 2024", "18", "")
    assert (line["Year of order"], line["Year of order estimated"]) == ("", "?")


@pytest.mark.parametrize(("when", "years"), [
    ("2023-02", ("2023", "")), ("2022/2024", ("2022", "?")), ("2022-11/..", ("2022", "?")),
    ("2023-01/2023-06", ("2023", "")), (None, ("", "?")),
])
def test_sipri_years_flag_what_is_open_or_unknown(when: str | None, years: tuple[str, str]) -> None:
    assert sipri._years(when) == years


@pytest.mark.parametrize(("when", "years"), [
    ("2023-02", "2023"), ("2022/2024", "2022; 2023; 2024"), ("2022-11/..", "2022"), ("2023-01/2023-06", "2023"),
    (None, ""),
])
def test_sipri_lists_each_year_of_delivery(when: str | None, years: str) -> None:
    assert sipri._delivery_years(when) == years


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
    (("--format", "jsonl", "--excel"), "--excel is for --format csv"),
    (("--format", "csv", "--header-only"), "--header-only is for --format sipri"),
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
    assert [r["Weapon designation"] for r in read_sipri_register(register.stdout_bytes)] == ["IRIS-T SLM"]
    assert "1 transfers exported as sipri" in register.stderr  # the lines written, not the transfers read
    assert "Selection: min grade C3" in register.stdout
    plain = run("export", "--db", cli_db, "-f", "sipri", "--header-only")
    assert [r["Weapon designation"] for r in read_sipri_register(plain.stdout_bytes, 0)] == ["IRIS-T SLM"]
    assert "IRIS-T SLM" not in run("export", "--db", cli_db, "-f", "sipri", "--min-grade", "A1").stdout
    excel = run("export", "--db", cli_db, "-f", "csv", "--excel")
    assert excel.stdout_bytes.startswith(b"\xef\xbb\xbfid,")


def test_an_unwritable_output_is_one_line_and_leaves_no_file(cli_db: str, tmp_path: Path) -> None:
    result = run("export", "--db", cli_db, "-f", "csv", "-o", str(tmp_path / "missing" / "t.csv"))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    assert "Traceback" not in result.output


def test_an_export_never_includes_accounts(cli_db: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accounts.db'}"
    with sqlite3.connect(cli_db) as source, sqlite3.connect(tmp_path / "accounts.db") as copy:
        source.backup(copy)  # a copy of the ingested store, to add accounts to
    core = Armstrack(url)
    core.add_user("zelda-analyst", "correct horse battery", "analyst")
    tid = stored(url, "transfers")[0]["id"]
    core.judge("regrade", tid, grade="A1", author="zelda-analyst", reason="checked")
    assert core.sign_in("zelda-analyst", "correct horse battery", "127.0.0.1", 60).session
    secrets = [core.issue_token("zelda-analyst", "laptop"), secret_key(core.settings), "zelda-analyst", "argon2"]
    for name, fmt in FORMATS.items():
        for what in fmt.what:
            data = export(url, name, what)
            assert data and not [s for s in secrets if s.encode() in data], (name, what)


def test_a_register_line_sums_up_a_stage_s_timeline_entries() -> None:
    """The timeline keeps each report's date and number apart; a SIPRI line takes the stage's whole period and its
    largest number."""
    timeline = [{"stage": "delivered", "when": "2022-11", "quantity": {"value": 100, "qualifier": "exact"}},
                {"stage": "delivered", "when": "2023-05/..", "quantity": None},
                {"stage": "delivered", "when": None, "quantity": {"value": 400, "qualifier": "approx"}},
                {"stage": "ordered", "when": "2022-08", "quantity": None}]
    assert sipri.stage_summary(timeline, "delivered") == {
        "stage": "delivered", "when": "2022-11/..", "quantity": {"value": 400, "qualifier": "approx"}}
    assert sipri.stage_summary(timeline, "ordered") == {"stage": "ordered", "when": "2022-08", "quantity": None}
    assert sipri.stage_summary(timeline, "agreed") is None
