"""What the network page is given: the graph of the busiest parties and heaviest pairs with their names, roles and
world-map ids, the sentences saying what is left out (undated transfers, unknown parties, parties and pairs beyond
the limits), and per-pair totals with their main category, aggregated alike on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from armstrack.api import charts
from armstrack.api.server import HERE as API_DIR
from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.kb.loader import Party, get_kb
from armstrack.sources.files import read_inputs
from armstrack.store.queries import PairTotal, TransferFilter, fold_categories
from armstrack.transfers.credibility import grade_probability
from store_fixtures import postgres_url, sqlite_url

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = [FIXTURES / "network" / "world.jsonl", FIXTURES / "corpus" / "iran_russia.jsonl",
           FIXTURES / "corpus" / "armed_groups.jsonl"]
PARTIES = {"IRN": Party("IRN", "country", {"en": ("Iran",)}), "RUS": Party("RUS", "country", {"en": ("Russia",)}),
           "PRK": Party("PRK", "country", {"en": ("North Korea",), "ru": ("КНДР",)}),
           "ORG:Houthis": Party("ORG:Houthis", "actor", {"en": ("Houthis",)})}
PAIRS = [PairTotal("IRN", "ORG:Houthis", 1, 0.4, "missile"), PairTotal("IRN", "RUS", 3, 2.0, "uav"),
         PairTotal("PRK", "RUS", 2, 1.5, "ammunition"), PairTotal("RUS", "IRN", 1, 0.5, "aircraft")]


def test_the_graph_names_each_party_gives_its_role_and_map_id_and_keeps_every_pair() -> None:
    net = charts.network(PAIRS, PARTIES)
    nodes = {n.code: n for n in net.nodes}
    assert [n.code for n in net.nodes] == ["RUS", "IRN", "PRK", "ORG:Houthis"]  # busiest first
    assert {c: (n.name, n.role, n.map_id, n.supplied, n.received) for c, n in nodes.items()} == {
        "IRN": ("Iran", "both", "364", 4, 1), "RUS": ("Russia", "both", "643", 1, 5),
        "PRK": ("North Korea", "supplier", "408", 2, 0), "ORG:Houthis": ("Houthis", "recipient", None, 0, 1)}
    assert [(e.supplier, e.recipient, e.transfers, e.category) for e in net.edges] == [  # the heaviest first
        (t.supplier, t.recipient, t.transfers, t.category) for t in sorted(PAIRS, key=lambda t: -t.weight)]
    assert (net.parties, net.pairs, net.transfers, net.drawn) == (4, 4, 7, 7)
    data = json.loads(json.dumps(net.data()))  # what the page's JSON block carries
    assert data["nodes"][1] == {"code": "IRN", "name": "Iran", "map_id": "364", "supplied": 4, "received": 1,
                                "role": "both"}
    assert data["edges"][0] == {"supplier": "IRN", "recipient": "RUS", "transfers": 3, "weight": 2.0,
                                "category": "uav"}
    assert charts.network(PAIRS, {}).names["ORG:Houthis"] == "Houthis"  # a party the KB lacks: its code, no "ORG:"


def test_the_notes_say_how_many_are_undated_unknown_and_not_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    years = {"2023": 3, "2024": 4, "": 2}  # 9 transfers, 7 of them in PAIRS: 2 have an unknown party
    notes = charts.left_out(charts.network(PAIRS, PARTIES), years)
    assert notes == ["9 transfers: 7 dated by year, 2 undated.",
                     "2 with an unknown supplier or recipient are in no pair and not drawn.",
                     "Drawn: all 4 pairs between 4 parties (7 transfers)."]
    assert sum(b.count for b in charts.per_year(years)) == charts.dated(years) == 7
    assert charts.left_out(charts.network([], PARTIES), {}) == ["0 transfers: 0 dated by year, 0 undated."]
    monkeypatch.setattr(charts, "MAX_NODES", 3)
    monkeypatch.setattr(charts, "MAX_EDGES", 2)
    net = charts.network(PAIRS, PARTIES)
    assert [(e.supplier, e.recipient) for e in net.edges] == [("IRN", "RUS"), ("PRK", "RUS")]  # the heaviest
    assert charts.left_out(net, {"2024": 7})[1:] == [
        "Drawn: 3 of 4 parties (the busiest) and 2 of 4 pairs (the heaviest between them), 5 of 7 transfers; the "
        "table lists the pairs drawn."]
    monkeypatch.setattr(charts, "MAX_NODES", 40)
    assert charts.left_out(charts.network(PAIRS, PARTIES), {"2024": 7})[1:] == [
        "Drawn: all 4 parties and 2 of 4 pairs (the heaviest between them), 5 of 7 transfers; the table lists the "
        "pairs drawn."]


def test_a_pairs_main_category_is_the_one_with_most_transfers_then_the_first_listed() -> None:
    rows = [("IRN", "RUS", "ammunition", 2, 1.0), ("IRN", "RUS", "uav", 3, 1.5), ("IRN", "RUS", "missile", 3, 0.5),
            ("RUS", "IRN", "aircraft", 1, 0.5)]
    assert fold_categories(rows) == [PairTotal("IRN", "RUS", 8, 3.0, "uav"), PairTotal("RUS", "IRN", 1, 0.5,
                                                                                       "aircraft")]


def test_every_kb_state_and_every_world_map_shape_has_its_code() -> None:
    ids = charts.map_ids()
    assert (ids["RUS"], ids["UKR"], ids["IRN"], ids["USA"], ids["PRK"], ids["FRA"]) == (
        "643", "804", "364", "840", "408", "250")
    states = {p.code for p in get_kb().parties if p.kind == "country"}
    assert states - set(ids) == {"XKX"}  # Kosovo has no ISO 3166 code (nor an id in world-atlas)
    atlas = json.loads((API_DIR / "static" / "vendor" / "countries-110m.json").read_text(encoding="utf-8"))
    shapes = {g["id"] for g in atlas["objects"]["countries"]["geometries"] if "id" in g}
    assert len(shapes) > 170 and shapes <= set(ids.values())
    assert len(set(ids.values())) == len(ids)  # one code per shape, one shape per code


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from (sqlite_url(tmp_path) if request.param == "sqlite" else postgres_url())


def test_the_stores_totals_add_up_to_the_transfers_they_sum(db: str) -> None:
    core = Armstrack(db)
    core.ingest(read_inputs([str(p) for p in CORPORA]), Extractor())
    rows = core.transfers(TransferFilter())
    totals, years = core.charts(TransferFilter())
    known = [r for r in rows if r["supplier"] and r["recipient"]]
    by_pair: dict[tuple[str, str], Counter[str]] = {}
    for r in known:
        by_pair.setdefault((r["supplier"], r["recipient"]), Counter())[r["category"]] += 1
    assert {(t.supplier, t.recipient): t.transfers for t in totals} == {p: sum(c.values()) for p, c in by_pair.items()}
    assert all(by_pair[t.supplier, t.recipient][t.category] == max(by_pair[t.supplier, t.recipient].values())
               for t in totals)
    undated = sum(1 for r in rows if not r["first_reported"])
    assert undated >= 1 and years.get("", 0) == undated  # the Turkish and Israeli sales to Azerbaijan have no date
    page = charts.page(totals, years, core.parties(), "category=uav")
    assert page["total"] == len(rows) and page["dated"] + page["undated"] == len(rows)
    assert page["notes"][0] == f"{len(rows)} transfers: {len(rows) - undated} dated by year, {undated} undated."
    assert sum(b.count for b in page["bars"]) == page["dated"]
    names = page["net"].names
    assert (names["USA"], names["PRK"], names["UKR"]) == ("United States", "North Korea", "Ukraine")
    assert page["graph"]["query"] == "category=uav" and "uav" in page["graph"]["categories"]


def test_an_analysts_grade_sets_what_its_transfer_weighs_on_the_network(db: str) -> None:
    core = Armstrack(db)
    core.ingest(read_inputs([str(p) for p in CORPORA]), Extractor())
    before = {(t.supplier, t.recipient): t.weight for t in core.charts(TransferFilter())[0]}
    row = min((r for r in core.transfers(TransferFilter()) if r["supplier"] and r["recipient"]),
              key=lambda r: r["probability"])
    pair = (row["supplier"], row["recipient"])
    core.judge("regrade", row["id"], grade="A1", reason="confirmed by the ministry")
    after = {(t.supplier, t.recipient): t.weight for t in core.charts(TransferFilter())[0]}
    assert after[pair] - before[pair] == pytest.approx(grade_probability("A", 1) - row["probability"], abs=0.01)
    assert {p: w for p, w in after.items() if p != pair} == {p: w for p, w in before.items() if p != pair}
    assert grade_probability("A", 1) > grade_probability("C", 3) > grade_probability("E", 5)
