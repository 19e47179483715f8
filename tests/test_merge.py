"""Claims → transfers: variant folding, generic linking, judgements replayed in order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.model import Judgement, Stage, Status, StoredClaim, StoredDocument
from armstrack.sources.files import document_from_record
from armstrack.store.queries import TransferFilter
from armstrack.transfers.merge import auto_clusters, build_transfers
from armstrack.transfers.origins import build_registry
from transfer_helpers import KB, claim, doc

REGISTRY = build_registry(KB)


def groups(labels: dict[str, str]) -> list[set[str]]:
    out: dict[str, set[str]] = {}
    for c, t in labels.items():
        out.setdefault(t, set()).add(c)
    return sorted(out.values(), key=lambda s: sorted(s))


def test_a_variant_joins_its_family_when_it_is_the_only_variant_named() -> None:
    cs = [claim("a", "d1", "Leopard 2", "leopard-2"), claim("b", "d2", "Leopard 2A6", "leopard-2a6")]
    assert groups(auto_clusters(cs, KB)[0]) == [{"a", "b"}]


def test_sibling_variants_stay_apart_and_so_does_their_family() -> None:
    cs = [claim("a", "d1", "Leopard 2", "leopard-2"), claim("b", "d2", "Leopard 2A6", "leopard-2a6"),
          claim("c", "d3", "Leopard 2A4", "leopard-2a4")]
    assert groups(auto_clusters(cs, KB)[0]) == [{"a"}, {"b"}, {"c"}]


def test_a_generic_claim_links_only_to_an_unambiguous_specific_transfer() -> None:
    one = [claim("g", "d1", "drones", None, "IRN", "RUS", category="uav"),
           claim("s", "d2", "Shahed-136", "shahed-136", "IRN", "RUS", category="loitering_munition")]
    assert groups(auto_clusters(one, KB)[0]) == [{"g", "s"}]
    two = [*one, claim("m", "d3", "Mohajer-6", "mohajer-6", "IRN", "RUS", category="uav")]
    assert groups(auto_clusters(two, KB)[0]) == [{"g"}, {"m"}, {"s"}]


def test_directions_and_pairs_are_separate_transfers() -> None:
    cs = [claim("a", "d1", "Su-35", "su-35", "RUS", "IRN", category="aircraft"),
          claim("b", "d2", "Su-35", "su-35", "IRN", "RUS", category="aircraft"),
          claim("c", "d3", "Su-35", "su-35", "RUS", "DZA", category="aircraft")]
    assert len(groups(auto_clusters(cs, KB)[0])) == 3


def test_transfer_summary_keeps_furthest_stage_quantity_range_and_dates() -> None:
    cs = [claim("a", "d1", stage=Stage.ORDERED, quantity=14, when="2023-01"),
          claim("b", "d2", stage=Stage.DELIVERED, quantity=18, when="2023-03-27"),
          claim("c", "d3", stage=Stage.PLANNED, quantity=14)]
    docs = {d: doc(d, p) for d, p in (("d1", "reuters"), ("d2", "guardian"), ("d3", "bild"))}
    [t] = build_transfers(cs, docs, [], KB, REGISTRY)
    assert (t.stage, t.quantity_min, t.quantity_max, t.reports) == (Stage.DELIVERED, 14, 18, 3)
    assert [(e.stage, e.when) for e in t.timeline] == [(Stage.ORDERED, "2023-01"), (Stage.DELIVERED, "2023-03-27"),
                                                       (Stage.PLANNED, "2024-03")]
    assert t.item == "Leopard 2A6" and t.category == "armoured_vehicle"


def test_each_timeline_entry_is_one_stage_at_one_date_with_its_own_quote_and_number() -> None:
    """Six dated reports of deliveries stay six entries, oldest first, each with the number of its own quote (none
    when its quote gives none, never one borrowed from another report); a report of no date comes last, undated."""
    dates = ["2022-09-13", "2022-10-17", "2022-11-02", "2023-01-05", "2023-02-20", "2023-05-11"]
    numbers = [None, 100, None, 300, None, 2400]
    cs = [claim(f"c{i}", f"d{i}", stage=Stage.DELIVERED, when=w, quantity=n)
          for i, (w, n) in enumerate(zip(dates, numbers, strict=True))]
    cs.append(replace(claim("u", "du", stage=Stage.DELIVERED, quantity=50), published=None))
    docs = {c.document_id: doc(c.document_id, "reuters") for c in cs}
    [t] = build_transfers(cs, docs, [], KB, REGISTRY)
    assert [(e.when, e.claim_id, e.quantity.value if e.quantity else None) for e in t.timeline] == [
        *((w, f"c{i}", n) for i, (w, n) in enumerate(zip(dates, numbers, strict=True))), (None, "u", 50)]
    by_id = {c.id: c for c in cs}
    assert all(e.quantity == by_id[e.claim_id].quantity for e in t.timeline)


def test_reports_of_one_stage_at_one_date_are_one_entry_quoting_one_that_gives_a_number() -> None:
    cs = [claim("a", "d1", stage=Stage.ORDERED, when="2023-01"),
          claim("b", "d2", stage=Stage.ORDERED, when="2023-01", quantity=14),
          claim("c", "d3", stage=Stage.DELIVERED, when="2023-01", quantity=4)]
    docs = {d: doc(d, p) for d, p in (("d1", "reuters"), ("d2", "guardian"), ("d3", "bild"))}
    [t] = build_transfers(cs, docs, [], KB, REGISTRY)
    assert [(e.stage, e.when, e.claim_id, e.quantity.value if e.quantity else None, e.others)
            for e in t.timeline] == [(Stage.ORDERED, "2023-01", "b", 14, ("a",)),
                                     (Stage.DELIVERED, "2023-01", "c", 4, ())]


def test_a_denied_claim_does_not_advance_the_stage() -> None:
    cs = [claim("a", "d1", stage=Stage.PLANNED), claim("b", "d2", stage=Stage.DELIVERED, status=Status.DENIED)]
    [t] = build_transfers(cs, {"d1": doc("d1"), "d2": doc("d2")}, [], KB, REGISTRY)
    assert t.stage is Stage.PLANNED


def test_judgements_merge_split_reject_replay_in_order_and_undo_by_omission() -> None:
    cs = [claim("a", "d1"), claim("b", "d2"),
          claim("c", "d3", "Su-35", "su-35", "RUS", "IRN", category="aircraft")]
    docs = {d: doc(d) for d in ("d1", "d2", "d3")}
    auto = build_transfers(cs, docs, [], KB, REGISTRY)
    leo = next(t for t in auto if t.item == "Leopard 2A6")
    su = next(t for t in auto if t.item == "Su-35")
    merge = Judgement(1, "merge", leo.id, su.id, ("a", "b", "c"))
    merged = build_transfers(cs, docs, [merge], KB, REGISTRY)
    assert [(t.id, t.claim_ids) for t in merged] == [(leo.id, ("a", "b", "c"))]
    split = Judgement(2, "split", leo.id, None, ("b",))
    after = build_transfers(cs, docs, [merge, split], KB, REGISTRY)
    assert sorted(t.claim_ids for t in after) == [("a", "c"), ("b",)]
    reject = Judgement(3, "reject", leo.id, None, ("a", "c"))
    rejected = build_transfers(cs, docs, [merge, split, reject], KB, REGISTRY)
    assert {t.claim_ids: t.rejected for t in rejected} == {("a", "c"): True, ("b",): False}
    assert sorted(t.id for t in build_transfers(cs, docs, [], KB, REGISTRY)) == sorted(t.id for t in auto)


def ammo(cid: str, item: str, published: str = "2023-11-01") -> StoredClaim:
    return replace(claim(cid, f"d-{cid}", item, None, "PRK", "RUS", category="ammunition"), published=published)


def test_a_generic_report_joins_the_one_specific_item_of_its_kind_for_the_pair_and_period() -> None:
    """'munitions' in a statement and 'artillery shells' in reports of the same weeks are one transfer."""
    labels, why = auto_clusters([ammo("g", "ammunition", "2023-10-13"), ammo("s", "artillery shells")], KB)
    assert groups(labels) == [{"g", "s"}]
    assert why == {"g": "\u201cammunition\u201d (claim g, document d-g) read as the generic name of "
                        "\u201cartillery shells\u201d: same pair, reported within 60 days"}
    missiles = [replace(claim("m", "d1", "missiles", None, "PRK", "RUS", category="missile")),
                replace(claim("b", "d2", "ballistic missiles", None, "PRK", "RUS", category="missile"))]
    assert groups(auto_clusters(missiles, KB)[0]) == [{"b", "m"}]


@pytest.mark.parametrize(("claims", "why"), [
    ([ammo("g", "ammunition"), ammo("s", "artillery shells"), ammo("m", "mortar shells")], "two specific items"),
    ([ammo("g", "ammunition", "2023-01-05"), ammo("s", "artillery shells")], "another period"),
    ([ammo("g", "artillery shells"), ammo("s", "mortar shells")], "neither is generic"),
    ([ammo("g", "ammunition"), replace(claim("s", "d", "drones", None, "PRK", "RUS", category="uav"))],
     "another kind"),
    ([ammo("g", "ammunition"), replace(ammo("s", "artillery shells"), document_id="d-g")], "one document names both"),
])
def test_a_generic_report_stays_apart_when_its_reading_is_not_unambiguous(claims: list[StoredClaim],
                                                                          why: str) -> None:
    labels, joins = auto_clusters(claims, KB)
    assert len(groups(labels)) == len(claims) and not joins, why


def test_the_generic_join_is_explained_on_the_transfer_and_an_analyst_split_undoes_it() -> None:
    cs = [ammo("g", "ammunition", "2023-10-13"), ammo("s", "artillery shells")]
    docs = {c.document_id: doc(c.document_id) for c in cs}
    [t] = build_transfers(cs, docs, [], KB, REGISTRY)
    assert t.item == "artillery shells" and t.reports == 2 and t.joins[0].startswith("\u201cammunition\u201d")
    split = build_transfers(cs, docs, [Judgement(1, "split", t.id, None, ("g",))], KB, REGISTRY)
    assert sorted(x.items for x in split) == [("ammunition",), ("artillery shells",)]


def test_munitions_and_shells_in_three_languages_are_one_transfer(tmp_path: Path) -> None:
    texts = [("fr", "2023-10-13", "La Corée du Nord a livré des munitions à la Russie, selon la Maison Blanche."),
             ("de", "2023-11-01", "Nordkorea hat Artilleriegranaten an Russland geliefert, sagte ein Beamter."),
             ("es", "2023-11-03", "Corea del Norte ha entregado proyectiles de artillería a Rusia, según Seúl.")]
    app = Armstrack(f"sqlite:///{tmp_path / 'g.db'}")
    app.ingest([document_from_record({"text": t, "language": lang, "published": day}, f"x{i}")
                for i, (lang, day, t) in enumerate(texts)], Extractor())
    [t] = app.transfers(TransferFilter(supplier="PRK", recipient="RUS"))
    assert (t["item"], t["reports"]) == ("artillery shells", 3)


def test_a_period_is_a_date_of_its_own_placed_where_it_stands_in_time() -> None:
    """'since 2022' is not 'in 2022': two entries, each with its own quote; 'until 2021' comes before both."""
    cs = [claim("s", "d1", when="2022/.."), claim("y", "d2", when="2022"), claim("u", "d3", when="../2021")]
    docs = {d: doc(d, "reuters") for d in ("d1", "d2", "d3")}
    [t] = build_transfers(cs, docs, [], KB, REGISTRY)
    assert [(e.when, e.claim_id) for e in t.timeline] == [("../2021", "u"), ("2022", "y"), ("2022/..", "s")]


def _bridged() -> tuple[list[StoredClaim], dict[str, StoredDocument], list[Judgement]]:
    """d2 reprints d1 word for word and cites Reuters as d3 does: one origin of three reports until b goes."""
    text = tuple(range(64))
    docs = {"d1": doc("d1", "The Guardian", sketch=text), "d2": doc("d2", "Bild", sketch=text),
            "d3": doc("d3", "South Front")}
    return ([claim("a", "d1"), claim("b", "d2", attributed=("Reuters",), status=Status.REPORTED),
             claim("c", "d3", attributed=("Reuters",))], docs, [])


def _regraded() -> tuple[list[StoredClaim], dict[str, StoredDocument], list[Judgement]]:
    cs, docs, _ = _bridged()
    [t] = build_transfers(cs, docs, [], KB, REGISTRY)
    return cs, docs, [Judgement(1, "regrade", t.id, None, ("a",), (("grade", "A1"),))]


def _generic_regroups() -> tuple[list[StoredClaim], dict[str, StoredDocument], list[Judgement]]:
    """'ammunition' reads as the shells of its weeks; without the shells it joins the other 'ammunition' report."""
    cs = [ammo("s", "artillery shells"), ammo("g", "ammunition", "2023-10-13"), ammo("g2", "ammunition", "2023-01-05")]
    return cs, {c.document_id: doc(c.document_id, publisher) for c, publisher in zip(cs, ("Bild", "Reuters", "Bild"),
                                                                                       strict=True)}, []


def _folded() -> tuple[list[StoredClaim], dict[str, StoredDocument], list[Judgement]]:
    """'Leopard 2' folds into the only variant named; without it the family is a transfer of its own."""
    cs = [claim("v", "d1"), claim("f1", "d2", "Leopard 2", "leopard-2", status=Status.REPORTED),
          claim("f2", "d3", "Leopard 2", "leopard-2", attributed=("Reuters",))]
    return cs, {d: doc(d, p) for d, p in (("d1", "Bild"), ("d2", "South Front"), ("d3", "The Guardian"))}, []


@pytest.mark.parametrize("scenario", [_bridged, _regraded, _generic_regroups, _folded])
def test_the_grade_a_claim_would_leave_is_the_grade_its_transfer_gets_when_it_is_rejected(scenario: Any) -> None:
    """What the review queue shows for each claim ('if rejected') is what a rejection then gives: its transfer's
    other claims graded again with their origins found again (a report that bridged two others leaves them
    apart), an analyst's regrade kept, the claims regrouped where the rejection regroups them."""
    cs, docs, judged = scenario()
    built = build_transfers(cs, docs, judged, KB, REGISTRY)
    moved = 0
    for t in built:
        for impact in t.impacts:
            reject = Judgement(99, "reject_claim", t.id, None, (impact.claim_id,))
            after = build_transfers(cs, docs, [*judged, reject], KB, REGISTRY)
            rest = set(t.claim_ids) - {impact.claim_id}
            holding = [x for x in after if rest & set(x.claim_ids)]
            if not rest:
                assert impact.grade_without == "" and not holding and impact.delta == t.grade.probability
                continue
            [left] = holding  # the other claims stay together, in one transfer
            assert impact.grade_without == left.effective_grade, (scenario.__name__, impact)
            assert impact.delta == round(t.grade.probability - left.grade.probability, 3)
            moved += impact.grade_without != t.effective_grade
    assert moved or scenario is _regraded  # each scenario has a claim whose rejection moves the grade
