"""Merging and reviewing made easy and undoable: merge candidates with their reasons, merged-away ids that redirect
(chains, undo), the review queue's order, filters, bulk and unsure judgements, and refused actions that come back
as a message on the page, on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api_fixtures import make_core, signed_in
from armstrack.api import models
from armstrack.api.flash import FLASH_COOKIE
from armstrack.api.server import create_app
from armstrack.app import Armstrack
from armstrack.errors import ArmstrackError, Merged
from armstrack.extract.document import Extractor
from armstrack.sources.files import read_inputs
from armstrack.store.queries import ReviewFilter, TransferFilter
from armstrack.transfers.candidates import merge_candidates
from store_fixtures import postgres_url, sqlite_url
from transfer_helpers import KB

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
IRAN_RUSSIA = FIXTURES / "iran_russia.jsonl"
SHAHED_FAMILY = FIXTURES / "iran_russia_family.jsonl"  # the Shahed family named otherwise: "Geran drones", Shahed-131


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from (sqlite_url(tmp_path) if request.param == "sqlite" else postgres_url())


def row(tid: str, item: str, category: str, first: str, last: str | None = None, *items: str) -> dict[str, Any]:
    return {"id": tid, "item": item, "items": [item, *items], "category": category, "first_reported": first,
            "last_reported": last or first}


def test_merge_candidates_weigh_family_kind_and_period_and_say_why() -> None:
    a6 = row("a6", "Leopard 2A6", "armoured_vehicle", "2024-03-01", "2024-04-10")
    others = [row("a4", "Leopard 2A4", "armoured_vehicle", "2023-01-05"),  # a sibling variant, years apart
              row("l2", "Leopard 2", "armoured_vehicle", "2022-06-01"),  # its own family, years apart
              row("tanks", "tanks", "armoured_vehicle", "2024-04-20"),  # a generic item, same kind, same period
              row("su35", "Su-35", "aircraft", "2021-06-01"),  # nothing in common
              row("late", "Shahed-136", "loitering_munition", "2024-03-02")]  # another system, same period
    found = {c.transfer["id"]: c for c in merge_candidates(a6, [a6, *others], KB)}
    assert list(found) == ["l2", "a4", "tanks"]  # likeliest first; never itself, nor another system or kind
    assert found["l2"].reasons == ("same item family: Leopard 2", "same kind of item: armoured vehicle")
    assert found["a4"].reasons == ("same item family: Leopard 2", "− different systems: Leopard 2A6 and Leopard 2A4",
                                   "same kind of item: armoured vehicle")
    assert found["tanks"].reasons == ("same kind of item: armoured vehicle",
                                      "reported in the same period: 2024-03-01 … 2024-04-10 and 2024-04-20")
    assert found["l2"].score > found["a4"].score > found["tanks"].score > 0
    shahed = row("s", "Shahed-136", "loitering_munition", "2024-03-02")
    [mohajer] = merge_candidates(shahed, [row("m", "Mohajer-6", "uav", "2024-03-20"), others[3]], KB)
    assert mohajer.reasons == ("− different systems: Shahed-136 and Mohajer-6",
                               "same kind of item: loitering munition and uav",
                               "reported in the same period: 2024-03-02 and 2024-03-20")


def test_another_kind_of_item_is_no_candidate_however_close_its_dates() -> None:
    """A drone transfer is not the same transfer as a shell transfer of the same days: the period only ranks the
    transfers of one family or kindred kind; and 'other' (radios, lorries) is no kind two transfers share."""
    shells = row("shells", "122 mm artillery shells", "ammunition", "2024-09-11")
    same_days = [row("shahed", "Shahed-136", "loitering_munition", "2024-09-11"),
                 row("fath", "Fath-360", "missile", "2024-09-10", "2024-09-12"),
                 row("guns", "howitzers", "artillery", "2024-09-11")]
    assert merge_candidates(shells, [shells, *same_days], KB) == []
    assert merge_candidates(same_days[0], [shells, *same_days], KB) == []
    radios = row("radios", "radios", "other", "2024-09-11")
    assert merge_candidates(radios, [radios, row("lorries", "lorries", "other", "2024-09-11")], KB) == []
    [rounds] = merge_candidates(shells, [row("rounds", "artillery rounds", "ammunition", "2024-09-12")], KB)
    assert rounds.reasons == ("same kind of item: ammunition", "reported in the same period: 2024-09-11 and 2024-09-12")


def iran_russia(url: str) -> tuple[Armstrack, dict[str, str]]:
    core = Armstrack(url)
    core.ingest(read_inputs([str(IRAN_RUSSIA), str(SHAHED_FAMILY)]), Extractor(), batch_size=3)
    return core, {t["item"]: t["id"] for t in core.transfers(TransferFilter(supplier="IRN", recipient="RUS"))}


def merged_into(core: Armstrack, tid: str) -> str | None:
    try:
        return str(core.transfer(tid)["id"]) and None
    except Merged as e:
        assert str(e) == f"transfer {tid} was merged into {e.into}"
        return e.into


def test_a_merged_away_id_leads_to_its_transfer_through_chains_until_undone(db: str) -> None:
    core, ids = iran_russia(db)
    s136, family, s131, shells = ids["Shahed-136"], ids["Shahed"], ids["Shahed-131"], ids["122 mm artillery shells"]
    # two variants named for the pair: "Geran drones" (the family) stays a transfer of its own, a candidate
    candidates = {c.transfer["id"]: c.reasons for c in core.merge_candidates(s136)}
    assert list(candidates) == [family, s131]  # the family before a sibling variant; never the shells of those days
    assert candidates[family] == ("same item family: Shahed", "same kind of item: loitering munition",
                                  "reported in the same period: 2024-09-10 … 2024-10-02 and 2024-09-26")
    assert shells not in {c.transfer["id"] for t in ids.values() for c in core.merge_candidates(t)}
    first = core.judge("merge", s136, family, reason="; ".join(candidates[family]))
    assert merged_into(core, family) == s136 and merged_into(core, s136) is None
    assert s131 in {c.transfer["id"] for c in core.merge_candidates(s136)}
    second = core.judge("merge", s131, s136)
    assert merged_into(core, family) == s131 and merged_into(core, s136) == s131  # a chain resolves to its end
    core.undo(second)
    assert merged_into(core, family) == s136 and merged_into(core, s136) is None
    core.undo(first)
    assert merged_into(core, family) is None and core.transfer(family)["item"] == "Shahed"


def test_the_queue_puts_claims_that_move_a_grade_first_and_filters_bulk_and_unsure_are_judgements(db: str) -> None:
    core, _ = iran_russia(db)
    core.ingest(read_inputs([str(FIXTURES / "iris_t.jsonl")]), Extractor(), batch_size=3)
    rows, total = core.review_queue(ReviewFilter(limit=100))
    assert total == len(rows) > 10
    impacts = [r["impact"] for r in rows]
    assert impacts == sorted(impacts, reverse=True) and impacts[0] > impacts[-1]
    # a transfer's only claim goes with it: it moves the whole probability
    assert rows[0]["grade_without"] == "" and rows[0]["impact"] == pytest.approx(rows[0]["probability"])
    # the grade a claim would leave ("if rejected") is the grade its transfer gets when it is rejected, an
    # analyst's regrade included
    regraded = next(r for r in rows if r["grade_without"])
    regrade = core.judge("regrade", regraded["transfer_id"], grade="A1")
    shown, _ = core.review_queue(ReviewFilter(limit=100))
    assert any(r["grade_without"] == "A1" for r in shown) and rows_moved(core, shown) > 0
    core.undo(regrade)

    for f, check in ((ReviewFilter(language="de"), lambda r: r["language"] == "de"),
                     (ReviewFilter(supplier="irn"), lambda r: r["supplier"] == "IRN"),
                     (ReviewFilter(recipient="UKR", status="asserted"),
                      lambda r: r["recipient"] == "UKR" and r["status"] == "asserted")):
        some, n = core.review_queue(f)
        assert some and n == len(some) < total and all(map(check, some)), f

    two = [r["id"] for r in rows[1:3]]
    bulk = core.judge_claims("accept_claim", two, author="analyst1", reason="checked both")
    [j] = [j for j in core.judgements() if j["id"] == bulk]
    assert sorted(j["claim_ids"]) == sorted(two) and j["action"] == "accept_claim"  # one judgement, one undo
    unsure = core.judge_claims("unsure_claim", [rows[3]["id"]])
    left, waiting = core.review_queue(ReviewFilter(limit=100))
    assert waiting == total - 3 and not {r["id"] for r in left} & {*two, rows[3]["id"]}
    assert [r["id"] for r in core.review_queue(ReviewFilter(unsure=True))[0]] == [rows[3]["id"]]
    core.undo(bulk)
    core.undo(unsure)
    assert core.review_queue(ReviewFilter(limit=100)) == (rows, total)

    with pytest.raises(ArmstrackError, match="no claim chosen"):
        core.judge_claims("accept_claim", [])
    with pytest.raises(ArmstrackError, match="choose a stage or a status"):
        core.judge_claims("edit_claim", two, {})


def rows_moved(core: Armstrack, rows: list[dict[str, Any]]) -> int:
    """Reject each claim of the queue for real, check its transfer's new grade is the one the queue showed, undo;
    return how many rejections moved a grade."""
    moved = 0
    for r in rows:
        others = [c for c in core.transfer(r["transfer_id"])["claim_ids"] if c != r["id"]]
        undo = core.judge_claim("reject_claim", r["id"])
        now = {core.claim(c)["transfer_id"] for c in others}
        assert len(now) <= 1, r  # the rest of the transfer stays together
        grade = core.transfer(now.pop())["grade"] if now else ""
        assert grade == r["grade_without"], r
        moved += grade != f"{r['reliability']}{r['credibility']}"
        core.undo(undo)
    return moved


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> tuple[Armstrack, TestClient, str]:
    core = make_core(f"sqlite:///{tmp_path_factory.mktemp('review') / 'web.db'}")
    core.ingest(read_inputs([str(IRAN_RUSSIA), str(SHAHED_FAMILY)]), Extractor())
    client, csrf = signed_in(core, "analyst1")
    return core, client, csrf


def test_merged_away_addresses_redirect_in_pages_and_api_until_the_merge_is_undone(
        web: tuple[Armstrack, TestClient, str]) -> None:
    core, client, csrf = web
    ids = {t["item"]: t["id"] for t in core.transfers(TransferFilter(supplier="IRN", recipient="RUS"))}
    into, away = ids["Shahed-136"], ids["Shahed"]
    page = client.get(f"/transfers/{into}").text
    assert f'id="candidate-{away}"' in page and "same item family: Shahed" in page  # side by side, with why
    assert f'id="candidate-{ids["122 mm artillery shells"]}"' not in page  # another kind of item of those days
    r = client.post(f"/transfers/{into}/judge", data={"csrf": csrf, "action": "merge", "other": away})
    assert r.status_code == 303 and r.headers["location"] == f"/transfers/{into}#review"
    shown = client.get(r.headers["location"]).text
    assert f"Merged transfer {away} into this one." in shown and "/undo" in shown.split('id="flash"')[1][:800]
    for path, moved in ((f"/transfers/{away}", f"/transfers/{into}"), (f"/api/transfers/{away}/origins?x=1",
                                                                        f"/api/transfers/{into}/origins?x=1"),
                        (f"/api/transfers/{away}", f"/api/transfers/{into}")):
        answer = client.get(path)
        assert answer.status_code == 308 and answer.headers["location"] == moved, path
        assert answer.headers["cache-control"] == "no-store"  # never remembered past an undo
    [merge] = [j["id"] for j in core.judgements() if j["action"] == "merge" and j["undone"] is None]
    client.post(f"/judgements/{merge}/undo", data={"csrf": csrf, "back": f"/transfers/{into}"})
    assert client.get(f"/transfers/{away}").status_code == 200
    assert client.get("/api/transfers/nosuchtransfer").status_code == 404


def test_refused_review_actions_are_a_message_on_the_page_and_actions_stay_in_place(
        web: tuple[Armstrack, TestClient, str]) -> None:
    core, client, csrf = web
    here = "/review?supplier=IRN&page=1"
    for act, claims, message, back in (("accept", [], "no claim chosen: select at least one claim", here),
                                       ("edit", ["c1"], "choose a stage or a status", here),
                                       ("reject c1 c2", [], "no claim &#39;c1&#39;", f"{here}#claim-c1")):
        r = client.post("/review", data={"csrf": csrf, "back": here, "act": act, "claims": claims})
        assert r.status_code == 303 and r.headers["location"] == back  # refused: back on the same page and row
        page = client.get(here).text
        assert 'role="alert"' in page and message in page
        assert message not in client.get(here).text  # shown once
    rows, total = core.review_queue(ReviewFilter(supplier="IRN"))
    first, second = rows[0]["id"], rows[1]["id"]
    r = client.post("/review", data={"csrf": csrf, "back": here, "act": f"unsure {first} {second}"})
    assert r.headers["location"] == f"{here}#claim-{second}"  # the row after the one judged
    page = client.get(here).text
    assert "Marked 1 claim unsure" in page and f'id="claim-{first}"' not in page and f'id="claim-{second}"' in page
    r = client.post("/review", data={"csrf": csrf, "back": here, "act": "reject", "claims": [second, rows[2]["id"]]})
    assert "Rejected 2 claims." in client.get(here).text
    assert core.review_queue(ReviewFilter(supplier="IRN"))[1] == total - 3
    client.cookies.set(FLASH_COOKIE, "forged")
    assert 'role="status" aria-live="polite"></div>' in client.get(here).text  # an unsigned message is no message
    for j in core.judgements():
        if j["undone"] is None and j["action"].endswith("_claim"):
            core.undo(j["id"])


def test_the_api_lists_merge_candidates_and_judges_several_claims_at_once(
        web: tuple[Armstrack, TestClient, str]) -> None:
    core, client, csrf = web
    ids = {t["item"]: t["id"] for t in core.transfers(TransferFilter(supplier="IRN", recipient="RUS"))}
    candidate, sibling = client.get(f"/api/transfers/{ids['Shahed-136']}/candidates").json()
    models.MergeCandidate.model_validate(candidate)
    assert candidate["transfer"]["id"] == ids["Shahed"] and candidate["score"] > sibling["score"] > 0
    assert "− different systems: Shahed-136 and Shahed-131" in sibling["reasons"]
    assert client.get(f"/api/transfers/{ids['122 mm artillery shells']}/candidates").json() == []
    queue = client.get("/api/review", params={"supplier": "IRN", "language": "fr"}).json()
    chosen = [c["id"] for c in queue["items"]]
    assert len(chosen) >= 2 and all(models.ReviewClaim.model_validate(c).language == "fr" for c in queue["items"])
    headers = {"X-CSRF-Token": csrf}
    r = client.post("/api/claims/judgements", json={"action": "unsure", "claims": chosen}, headers=headers)
    assert r.status_code == 201
    after = client.get("/api/review", params={"supplier": "IRN", "language": "fr", "unsure": True}).json()
    assert sorted(c["id"] for c in after["items"]) == sorted(chosen)
    empty = client.post("/api/claims/judgements", json={"action": "accept", "claims": []}, headers=headers)
    assert empty.status_code == 422 and set(empty.json()) == {"error"}
    client.post(f"/api/judgements/{r.json()['judgement']}/undo", headers=headers)
    assert client.get("/api/review", params={"supplier": "IRN", "language": "fr"}).json() == queue


def test_a_server_loads_what_its_first_judgement_needs_as_it_starts(tmp_path: Path) -> None:
    """The first judgement after a start waited seconds for the source registry and the lexicons; a server now
    loads them in the background as it starts (the test client runs the app's start-up)."""
    core = Armstrack(f"sqlite:///{tmp_path / 'warm.db'}")
    assert "registry" not in vars(core)
    with TestClient(create_app(core, warm=True)):
        deadline = time.monotonic() + 30
        while "registry" not in vars(core) and time.monotonic() < deadline:
            time.sleep(0.05)
    assert "registry" in vars(core) and "kb" in vars(core)
