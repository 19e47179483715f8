"""Admiralty grading: reliability from the registry, credibility from corroboration, confirmation,
hedging and denial — each grade explained."""

from __future__ import annotations

from armstrack.model import Grade, OriginGroup, Status, StoredClaim
from armstrack.transfers.credibility import Evidence, grade
from armstrack.transfers.origins import build_registry
from transfer_helpers import KB, claim

REGISTRY = build_registry(KB)


def origins(*sources: str | None) -> list[OriginGroup]:
    return [OriginGroup(s or f"doc{i}", s, (f"d{i}",), ()) for i, s in enumerate(sources)]


def graded(claims: list[StoredClaim], *sources: str | None) -> Grade:
    return grade(Evidence("DEU", "UKR", claims, origins(*sources), REGISTRY))


def test_reliability_is_the_best_registry_letter_among_the_origins() -> None:
    assert graded([claim("a", "d0")], "southfront").reliability == "E"
    assert graded([claim("a", "d0")], "southfront", "reuters").reliability == "B"
    assert graded([claim("a", "d0")], None).reliability == "F"


def test_credibility_rises_with_independent_corroboration() -> None:
    one = graded([claim("a", "d0")], "bild")
    two = graded([claim("a", "d0"), claim("b", "d1")], "bild", "guardian")
    three = graded([claim("a", "d0"), claim("b", "d1"), claim("c", "d2")], "bild", "guardian", "reuters")
    assert (one.credibility, two.credibility, three.credibility) == (3, 2, 2)
    assert one.probability < two.probability < three.probability
    assert any("3 independent origins" in r for r in three.reasons)


def test_hedging_unconfirmed_and_denial_lower_credibility_in_that_order() -> None:
    asserted = graded([claim("a", "d0")], "bild")
    hedged = graded([claim("a", "d0", status=Status.REPORTED)], "bild")
    unconfirmed = graded([claim("a", "d0", status=Status.UNCONFIRMED)], "bild")
    denied = graded([claim("a", "d0", status=Status.DENIED)], "bild")
    assert asserted.credibility < hedged.credibility <= unconfirmed.credibility < denied.credibility == 5
    assert asserted.probability > hedged.probability > unconfirmed.probability > denied.probability
    assert any(r.startswith("− denied") for r in denied.reasons)


def test_confirmation_by_a_party_with_corroboration_is_credibility_one() -> None:
    official = claim("a", "d0", attributed=("Ukrainian defence ministry",))
    assert graded([official, claim("b", "d1")], "bild", "guardian").credibility == 1
    assert graded([official], "bild").credibility == 2  # confirmed but not corroborated
    other_party = claim("a", "d0", attributed=("Iranian foreign ministry",))
    assert graded([other_party, claim("b", "d1")], "bild", "guardian").credibility == 2


def test_reliability_and_credibility_are_computed_independently() -> None:
    claims = [claim("a", "d0", status=Status.REPORTED)]
    assert graded(claims, "southfront").credibility == graded(claims, "reuters").credibility
    assert graded(claims, "southfront").probability < graded(claims, "reuters").probability
