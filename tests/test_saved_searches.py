"""Saved searches with alerts, on SQLite and on the real PostgreSQL server: a saved filter comes back as the same
transfer filter, transfers new or regraded since a visit are found after an ingest and a regrade, the existing
transfers get their dates when a store is upgraded, and the pages and the Atom feed answer only their owner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from xml.etree import ElementTree as ET

import feedparser
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select

from api_fixtures import PASSWORD, signed_in
from armstrack.api.atom import ATOM
from armstrack.api.params import TransferQuery
from armstrack.api.saved import saved_filter
from armstrack.app import Armstrack
from armstrack.errors import ArmstrackError, NotFound
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from armstrack.store.db import MIGRATIONS, get_engine
from armstrack.store.queries import grade_changes
from armstrack.store.schema import grade_history, transfer_changes, transfers
from store_fixtures import postgres_url, sqlite_url

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
IRIS_T = CORPUS / "iris_t.jsonl"
IRAN_RUSSIA = CORPUS / "iran_russia.jsonl"
IRAN = {"party": "irn", "min_grade": "F6"}  # to or from Iran, every grade: the test is about change, not a threshold


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from (sqlite_url(tmp_path) if request.param == "sqlite" else postgres_url())


def core_on(url: str, *corpora: Path) -> Armstrack:
    core = Armstrack(url)
    for corpus in corpora:
        core.ingest(read_inputs([str(corpus)]), Extractor(), batch_size=3)
    if core.role_of("analyst1") is None:
        core.add_user("analyst1", PASSWORD, "analyst")
        core.add_user("viewer1", PASSWORD, "viewer")
    return core


def test_a_saved_filter_comes_back_as_the_same_transfer_filter(db: str) -> None:
    core = core_on(db)
    asked = TransferQuery.model_validate({"supplier": "IRN", "min_grade": "C3", "category": "uav", "q": "shahed"})
    sid = core.save_search("analyst1", "  Iran,\tC3 or better ", asked.values())
    s = core.saved_search(sid, "analyst1")
    assert s["name"] == "Iran, C3 or better" and s["user"] == "analyst1"
    assert saved_filter(s["filters"]).filter() == asked.filter()
    assert s["filters"] == {"category": "uav", "min_grade": "C3", "q": "shahed", "supplier": "IRN"}  # blanks dropped
    assert [x["id"] for x in core.saved_searches("analyst1")] == [sid] and core.saved_searches("viewer1") == []
    with pytest.raises(NotFound):
        core.saved_search(sid, "viewer1")  # another user's search is as unknown as a missing one
    with pytest.raises(ArmstrackError, match="1–100 printable"):
        core.save_search("analyst1", " \t", {})
    with pytest.raises(ArmstrackError, match="invalid filter: min_grade"):
        saved_filter({"min_grade": "Z9"})
    core.delete_search(sid, "analyst1")
    assert core.saved_searches("analyst1") == []


def test_transfers_new_or_regraded_since_a_visit(db: str) -> None:
    core = core_on(db, IRIS_T)
    sid = core.save_search("analyst1", "Iran", IRAN)
    f = saved_filter(core.saved_search(sid)["filters"]).filter()
    saved = core.saved_search(sid)["last_visit"]
    assert core.count_changes(f, saved) == 0  # the DEU → UKR transfers are older and do not match anyway

    core.ingest(read_inputs([str(IRAN_RUSSIA)]), Extractor(), batch_size=3)
    changes = core.changes(f, saved)
    matching = [t["id"] for t in core.transfers(f)]
    assert changes and sorted(t["id"] for t in changes) == sorted(matching)  # every new IRN transfer, no other
    assert all(t["new"] and "IRN" in (t["supplier"], t["recipient"]) for t in changes)
    assert {t["supplier"] for t in changes} == {"IRN", "RUS"}  # to Iran (Su-35) as well as from it
    assert [t["changed"] for t in changes] == sorted((t["changed"] for t in changes), reverse=True)
    assert core.count_changes(f, saved) == len(changes)

    seen = datetime.now(UTC)
    core.visit_search(sid, seen)
    core.ingest(read_inputs([str(IRAN_RUSSIA)]), Extractor())  # nothing new in it
    assert core.count_changes(f, seen) == 0

    target = changes[-1]
    regrade = "F6" if target["grade"] != "F6" else "A1"
    core.judge("regrade", target["id"], author="analyst1", reason="checked", grade=regrade)
    [again] = core.changes(f, seen)
    assert (again["id"], again["grade"], again["new"]) == (target["id"], regrade, False)
    assert core.changes(f, datetime.now(UTC)) == []


def test_a_grade_change_is_dated_only_when_the_grade_moves() -> None:
    when = datetime(2026, 12, 7, tzinfo=UTC)

    def built(tid: str, code: str) -> Any:
        return SimpleNamespace(id=tid, effective_grade=code)

    rows = grade_changes({"kept": "B2", "moved": "C3"},
                         [built("kept", "B2"), built("moved", "B3"), built("fresh", "C4")], when)
    assert rows == [{"transfer_id": "moved", "grade": "B3", "changed": when},
                    {"transfer_id": "fresh", "grade": "C4", "changed": when, "first_seen": when}]


def test_an_upgraded_store_dates_its_transfers_from_their_grade_history(db: str) -> None:
    core_on(db, IRIS_T)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for target in ("0011", "head"):
        with get_engine(db).begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "0011" else command.upgrade)(cfg, target)
    with get_engine(db).connect() as conn:
        first = dict(conn.execute(select(grade_history.c.transfer_id, func.min(grade_history.c.computed))
                                  .group_by(grade_history.c.transfer_id)).all())
        dated = {r.transfer_id: r for r in conn.execute(select(transfer_changes))}
        ids = set(conn.execute(select(transfers.c.id)).scalars())
    assert ids and set(dated) == ids
    assert all(dated[t].first_seen == first[t] and dated[t].changed >= dated[t].first_seen for t in ids)


# --- the pages and the feed, over the IRIS-T store of api_fixtures (SQLite)


def atom_entries(xml: bytes) -> list[ET.Element]:
    root = ET.fromstring(xml)
    assert root.tag == f"{{{ATOM}}}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{{{ATOM}}}{tag}") is not None
    entries = root.findall(f"{{{ATOM}}}entry")
    for e in entries:
        assert all(e.find(f"{{{ATOM}}}{tag}") is not None for tag in ("id", "title", "updated", "link"))
    return entries


def test_save_list_open_and_follow_a_search_as_its_owner_only(tmp_path: Path) -> None:
    core = core_on(f"sqlite:///{tmp_path / 'web.db'}", IRIS_T)
    client, csrf = signed_in(core, "analyst1")
    saved = client.post("/searches", data={"csrf": csrf, "name": "Germany to Ukraine", "supplier": "DEU",
                                           "recipient": "UKR", "min_grade": "", "category": "air_defence"})
    assert saved.status_code == 303
    [s] = core.saved_searches("analyst1")
    listing = client.get("/searches").text
    assert "Germany to Ukraine" in listing and "<b>0</b> new or regraded since your last visit" in listing
    feed_url = next(line for line in listing.splitlines() if "feed-url" in line).split('value="')[1].split('"')[0]
    feed_path = feed_url.replace("http://testserver", "")
    secret = feed_path.split("token=")[1]

    # a change since the visit: a regrade of the one matching transfer
    [t] = core.transfers(saved_filter(s["filters"]).filter())
    before = datetime.now(UTC)
    core.judge("regrade", t["id"], author="analyst1", grade="C4" if t["grade"] != "C4" else "B2")
    assert "<b>1</b> new or regraded since your last visit" in client.get("/searches").text
    opened = client.get(f"/searches/{s['id']}").text
    assert f'href="/transfers/{t["id"]}"' in opened and "regraded" in opened
    assert "<b>0</b> new or regraded" in client.get("/searches").text  # opening it was the visit

    anonymous = client.__class__(client.app, follow_redirects=False)
    feed = anonymous.get(feed_path)  # the secret URL is enough, as a feed reader has no session
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
    [entry] = atom_entries(feed.content)  # the last 30 days: the transfer is new in them
    assert entry.findtext(f"{{{ATOM}}}title", "").startswith("New: IRIS-T SLM, Germany → Ukraine")

    def since(when: str) -> Any:
        return anonymous.get(f"/searches/{s['id']}/feed", params={"token": secret, "since": when})

    feed = since(before.isoformat())
    [entry] = atom_entries(feed.content)
    assert entry.findtext(f"{{{ATOM}}}title", "").startswith("Regraded")
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and parsed.feed.title == "armstrack: Germany to Ukraine"
    assert parsed.entries[0].link.endswith(f"/transfers/{t['id']}")
    wrong = anonymous.get(f"/searches/{s['id']}/feed?token={'0' * 64}")
    assert wrong.status_code == 404
    assert anonymous.get(f"/searches/{s['id']}/feed").status_code == 303  # no token: sign in
    assert atom_entries(since(datetime.now(UTC).isoformat()).content) == []
    assert since("yesterday").status_code == 422

    token = core.issue_token("analyst1", "feeds")
    assert anonymous.get(f"/searches/{s['id']}/feed", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    other = core.issue_token("viewer1", "feeds")
    assert anonymous.get(f"/searches/{s['id']}/feed", headers={"Authorization": f"Bearer {other}"}).status_code == 404

    viewer, viewer_csrf = signed_in(core, "viewer1")
    assert viewer.get(f"/searches/{s['id']}").status_code == 404
    assert viewer.post(f"/searches/{s['id']}/delete", data={"csrf": viewer_csrf}).status_code == 404
    bad = client.post("/searches", data={"csrf": csrf, "name": "bad", "min_grade": "Z9"})
    assert bad.status_code == 400 and "invalid filter: min_grade" in bad.text
    assert client.post("/searches", data={"name": "no csrf"}).status_code == 403
    assert client.post(f"/searches/{s['id']}/delete", data={"csrf": csrf}).status_code == 303
    assert core.saved_searches("analyst1") == []


def test_the_feed_escapes_hostile_text(tmp_path: Path) -> None:
    from armstrack.api.atom import search_feed

    when = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    row = {"id": "abc", "item": "<script>x</script> & co", "supplier": "IRN", "recipient": None, "new": True,
           "grade": "B3", "category": "uav", "stage": "delivered", "reports": 1, "independent_origins": 1,
           "first_reported": "2024-09-10", "last_reported": None, "changed": when, "first_seen": when - timedelta(1)}
    xml = search_feed({"id": 7, "name": "a & b"}, [row], "http://x", when, lambda c: {"IRN": "Iran"}.get(c or "", ""))
    [entry] = atom_entries(xml)
    assert entry.findtext(f"{{{ATOM}}}title") == "New: <script>x</script> & co, Iran → ?, graded B3"
    assert b"<script>" not in xml
    assert entry.findtext(f"{{{ATOM}}}summary", "").startswith("Delivered, 1 report, 1 independent origin")
