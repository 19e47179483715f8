"""Admiralty grading: reliability from the registry, credibility from corroboration, confirmation,
hedging and denial — each grade explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrack.app import Armstrack
from armstrack.extract.document import Extractor
from armstrack.model import Grade, OriginGroup, Status, StoredClaim
from armstrack.sources.files import document_from_record
from armstrack.store.queries import TransferFilter
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
    denied = graded([claim("a", "d0", status=Status.DENIED, denied_by=("DEU",),
                           denial="Berlin denied on Monday that any Leopard had left Germany.")], "bild")
    assert asserted.credibility < hedged.credibility <= unconfirmed.credibility < denied.credibility == 5
    assert asserted.probability > hedged.probability > unconfirmed.probability > denied.probability
    assert "− denied by DEU in 1 report(s): “Berlin denied on Monday that any Leopard had left Germany.”" \
        in denied.reasons


def test_each_reason_quotes_its_evidence() -> None:
    official = claim("a", "d0", attributed=("Ukrainian defence ministry",))
    reasons = graded([official, claim("b", "d1", status=Status.UNCONFIRMED)], "bild", "guardian").reasons
    assert "+ stated by a party to the transfer, Ukrainian defence ministry: “evidence of a”" in reasons
    assert "+ stated as fact in 1 report(s): “evidence of a”" in reasons
    assert "− a report says it is not confirmed: “evidence of b”" in reasons


def test_a_denied_status_without_the_denying_partys_words_is_no_denial() -> None:
    """A report that only hedges, or a status with no words of a party to quote, never counts as a denial."""
    hedged = graded([claim("a", "d0", status=Status.REPORTED)], "bild")
    unquoted = graded([claim("a", "d0", status=Status.DENIED)], "bild")
    assert not any("denied" in r for r in hedged.reasons + unquoted.reasons)


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


@pytest.mark.parametrize(("language", "text", "quote"), [
    ("en", "North Korea has shipped artillery shells to Russia, South Korean officials said. Pyongyang has denied "
           "supplying any weapons to Moscow.", "PRK in 1 report(s): “Pyongyang has denied supplying any weapons"),
    ("fr", "La Corée du Nord a livré des obus d'artillerie à la Russie, selon des responsables sud-coréens. Pyongyang "
           "a démenti avoir fourni des armes à Moscou.", "PRK in 1 report(s): “Pyongyang a démenti avoir fourni"),
    ("de", "Nordkorea hat Artilleriegranaten an Russland geliefert, sagten südkoreanische Beamte. Pjöngjang hat "
           "bestritten, Waffen an Moskau geliefert zu haben.", "PRK in 1 report(s): “Pjöngjang hat bestritten"),
    ("es", "Irán ha entregado drones a Rusia, según fuentes ucranianas. Teherán negó haber suministrado armas a Moscú.",
     "IRN in 1 report(s): “Teherán negó haber suministrado armas a Moscú.”"),
    ("ru", "Иран передал России беспилотники, сообщили украинские источники. "
           "Тегеран отрицает поставки оружия в Москву.",
     "IRN in 1 report(s): “Тегеран отрицает поставки оружия в Москву.”"),
])
def test_a_stored_denial_is_quoted_in_the_grade_in_the_denying_partys_words(language: str, text: str, quote: str,
                                                                             tmp_path: Path) -> None:
    app = Armstrack(f"sqlite:///{tmp_path / 'd.db'}")
    app.ingest([document_from_record({"text": text, "language": language}, "x")], Extractor())
    [row] = app.transfers(TransferFilter())
    assert any(r.startswith(f"− denied by {quote}") for r in app.transfer(row["id"])["explanation"])
