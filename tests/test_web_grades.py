"""The transfers list and a transfer page say the same grade: the list names the order it is in, an analyst's
grade shows with "computed: …" beside it, the history says whose grade each was; the timeline dates every entry
(or says it does not know) and puts beside each quote only its own number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api_fixtures import make_core, signed_in
from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from armstrack.store.queries import TransferFilter

IRAN_RUSSIA = Path(__file__).parent / "fixtures" / "corpus" / "iran_russia.jsonl"
ROW = re.compile(r'<a class="transfer-link" href="/transfers/(\w+)">.*?<td[^>]*class="grade-cell"[^>]*>(.*?)</td>',
                 re.S)


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory) -> Armstrack:
    core = make_core(f"sqlite:///{tmp_path_factory.mktemp('grades') / 'g.db'}")
    core.ingest(read_inputs([str(IRAN_RUSSIA)]), Extractor())
    return core


def listed(html: str) -> list[tuple[str, str]]:
    """(transfer id, the grade cell's text) of each row, in order."""
    return [(tid, re.sub(r"<[^>]+>", "", cell).strip()) for tid, cell in ROW.findall(html)]


def test_the_list_names_its_order_and_an_analysts_grade_moves_a_transfer_in_it(core: Armstrack) -> None:
    viewer, _ = signed_in(core, "viewer1")
    page = viewer.get("/transfers").text
    assert "Sorted by grade, best first (A1 … F6), then the latest report" in page
    rows = listed(page)
    assert [g[:2] for _, g in rows] == sorted(g[:2] for _, g in rows)
    worst_first = viewer.get("/transfers", params={"sort": "-grade"}).text
    worst = listed(worst_first)[0]
    assert worst[1][:2] == rows[-1][1][:2] and "Sorted by grade, worst first" in worst_first
    computed = worst[1]
    jid = core.judge("regrade", worst[0], grade="A1", author="analyst1", reason="seen the contract")
    try:
        assert listed(viewer.get("/transfers").text)[0] == (worst[0], f"A1 computed: {computed}")
        page = viewer.get(f"/transfers/{worst[0]}").text
        assert f"The computed grade is <b>{computed}</b>" in page and "seen the contract" in page
        assert re.search(rf"<b>A1</b> set by an analyst \(judgement #{jid}\); computed: {computed},", page)
        assert "probability" not in page.split('class="summary"')[1].split("</p>")[0]
    finally:
        core.undo(jid)
    assert dict(listed(viewer.get("/transfers").text))[worst[0]] == computed


def test_an_export_from_the_list_is_in_the_lists_order(core: Armstrack) -> None:
    viewer, _ = signed_in(core, "viewer1")
    for sort in ("grade", "-grade", "-last_reported"):
        page = viewer.get("/transfers", params={"sort": sort}).text
        link = re.search(r'<a class="export" href="(/export\?format=csv[^"]*)"', page)
        assert link is not None
        exported = viewer.get(link.group(1).replace("&amp;", "&")).text.splitlines()[1:]
        assert [line.split(",")[0] for line in exported] == [tid for tid, _ in listed(page)]


def test_a_bad_sort_is_a_400_page_naming_the_orders(core: Armstrack) -> None:
    viewer, _ = signed_in(core, "viewer1")
    r = viewer.get("/transfers", params={"sort": "probability; drop table"})
    assert r.status_code == 400 and "Traceback" not in r.text and "use one of grade" in r.text


def test_every_timeline_entry_has_a_date_or_says_it_has_none_and_only_its_own_number(core: Armstrack) -> None:
    viewer, _ = signed_in(core, "viewer1")
    for row in core.transfers(TransferFilter()):
        t = core.transfer(row["id"])
        quoted = {c["id"]: c for c in t["claims"]}
        for e in t["timeline"]:
            own = quoted[e["claim_id"]]["quantity_value"]
            assert (e["quantity"] or {}).get("value") == own
        page = viewer.get(f"/transfers/{row['id']}").text
        whens = re.findall(r'<span class="when">(.*?)</span>', page)
        assert len(whens) == len(t["timeline"]) and "?" not in whens
