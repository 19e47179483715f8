"""What rejecting one claim leaves of its transfer's origins: for every claim, the origins found anew for the
other claims, derived from the transfer's own."""

from __future__ import annotations

import random
from typing import Any

from armstrack.model import OriginGroup, StoredClaim, StoredDocument
from armstrack.transfers.origins import OriginIndex, OriginJudgement, build_registry, independent_origins
from armstrack.transfers.rejection import OriginsLeft, cut_vertices
from transfer_helpers import KB, claim

REGISTRY = build_registry(KB)


def test_cut_vertices_are_the_nodes_whose_going_splits_their_component() -> None:
    path = {"a": {"b"}, "b": {"a", "c"}, "c": {"b"}}
    ring = {"a": {"b", "c"}, "b": {"a", "c"}, "c": {"a", "b"}}
    bow = {"a": {"b", "c"}, "b": {"a", "c"}, "c": {"a", "b", "d", "e"}, "d": {"c", "e"}, "e": {"c", "d"}, "z": set()}
    assert cut_vertices(path) == {"b"} and cut_vertices(ring) == set() and cut_vertices(bow) == {"c"}
    deep = {str(i): {str(i - 1), str(i + 1)} - {"-1", "5000"} for i in range(5000)}  # no recursion limit
    assert cut_vertices(deep) == {str(i) for i in range(1, 4999)}


def _random_transfer(seed: int) -> tuple[list[StoredClaim], dict[str, StoredDocument], list[OriginJudgement]]:
    """Reports of a few texts (reprints sharing sketch hashes, some of two texts: bridges; more than POSTING_CAP
    of one text), a few skeletons (translations), a few cited sources (a report whose claims cite two), dates
    around the translation window, and sometimes an analyst's split or join."""
    rng = random.Random(seed)
    pools = [[rng.getrandbits(40) for _ in range(90)] for _ in range(3)]
    skeletons = [tuple(f"#{rng.randrange(100)}" if rng.random() < 0.4 else f"P{rng.randrange(8)}" for _ in range(12))
                 for _ in range(3)]
    cites = [(), ("The Guardian",), ("Reuters",), ("Bild",), ("Regierungskreise",)]
    docs, cs = {}, []
    for i in range(rng.randrange(3, 26)):
        texts = rng.sample(range(3), 2 if rng.random() < 0.15 else 1)
        hashes = {h for t in texts for h in rng.sample(pools[t], 64 // len(texts))}
        entities = list(skeletons[rng.randrange(3)])
        for _ in range(rng.randrange(3)):
            entities[rng.randrange(len(entities))] = "X"
        published = None if rng.random() < 0.1 else f"2024-03-{rng.randrange(1, 29):02d}"
        d = f"d{i:02d}"
        docs[d] = StoredDocument(d, rng.choice(["bild", "southfront", "guardian", None]), None,
                                 rng.choice(["en", "fr"]), published, tuple(sorted(hashes))[:64], tuple(entities),
                                 "reuters" if rng.random() < 0.1 else None)
        cs += [claim(f"c{i:02d}{k}", d, attributed=rng.choice(cites)) for k in range(rng.choice((1, 1, 2, 3)))]
    listed = lambda: tuple(rng.sample(sorted(docs), min(2, len(docs))))  # noqa: E731
    judged = [OriginJudgement(j, rng.choice(["split_origin", "join_origins"]), listed())
              for j in range(rng.choice((0, 0, 0, 1, 2)))]
    return cs, docs, judged


def _shape(groups: tuple[OriginGroup, ...]) -> list[tuple[Any, ...]]:
    return [(g.documents, g.label, g.source_id, g.key) for g in groups]


def test_the_origins_a_claim_leaves_are_those_found_anew_for_the_others() -> None:
    """OriginsLeft.without (what the review queue grades a rejection by) gives, for every claim of many random
    transfers, the origins independent_origins finds for the other claims: a report that bridged two texts leaves
    them apart, a report posted in a full sketch posting makes room for the next, a report whose claims cited two
    sources speaks for the other."""
    regrouped = 0
    for seed in range(150):
        cs, docs, judged = _random_transfer(seed)
        index = OriginIndex(cs, docs, REGISTRY)
        assert _shape(index.origins(judged)) == _shape(independent_origins(cs, docs, REGISTRY, judged))
        for c in cs:
            rest = [x for x in cs if x.id != c.id]
            expected = independent_origins(rest, docs, REGISTRY, judged)
            assert _shape(OriginsLeft(index).without(c, judged)) == _shape(expected), (seed, c.id)
            before = {g.documents for g in index.origins(judged)}
            regrouped += {tuple(x for x in g if x != c.document_id) for g in before} - {()} != {
                g.documents for g in expected}
    assert regrouped > 20  # removals that regroup the other reports, not only take one away


def test_a_report_that_goes_makes_room_in_a_full_sketch_posting_and_two_others_meet() -> None:
    """Sixteen unrelated reports each hold half of 34 sketch hashes that two later near-duplicates, y and x, share
    (each hash's posting is full before y, so x never meets y); when any of the sixteen goes, y is posted in its place
    and x meets it: one origin where there were two."""
    shared = list(range(1000, 1034))

    def report(d: str, day: int, hashes: list[int]) -> StoredDocument:
        return StoredDocument(d, None, None, "en", f"2024-03-{day:02d}", tuple(sorted(hashes)), (), None)

    docs = {f"k{i:02d}": report(f"k{i:02d}", 1, shared[i % 2::2] + [10**6 + 100 * i + j for j in range(47)])
            for i in range(16)}
    docs |= {"y": report("y", 2, shared + [3 * 10**6 + j for j in range(30)]),
             "x": report("x", 3, shared + [2 * 10**6 + j for j in range(30)])}
    cs = [claim(f"c-{d}", d) for d in docs]
    index = OriginIndex(cs, docs, REGISTRY)
    assert len(index.origins()) == 18
    for c in cs:
        expected = independent_origins([x for x in cs if x.id != c.id], docs, REGISTRY)
        assert _shape(OriginsLeft(index).without(c)) == _shape(expected), c.id
        assert (("x", "y") in {g.documents for g in expected}) == c.document_id.startswith("k")
