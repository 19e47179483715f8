"""NATO Admiralty grading of a transfer, explainable: source reliability (A–F) from the source registry,
information credibility (1–6) from corroboration, confirmation, hedging and denial, computed apart.

Credibility is a weighted sum of features; each feature returns a score and a sentence saying why, so
the grade carries its own explanation. A contradiction (a denial) has a negative weight.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from armstrack.model import Grade, OriginGroup, Status, StoredClaim
from armstrack.transfers.origins import Cited, Registry, cited_source

RELIABILITY_LOGIT = {"A": 1.2, "B": 0.7, "C": 0.3, "D": -0.3, "E": -0.8, "F": 0.0}
BASE_LOGIT = -0.2
CORROBORATION = {2: 1.6, 3: 2.2, 4: 2.6}  # diminishing returns: the fifth origin adds little to the fourth
# information credibility from the probability the information features give (1 needs a confirmation)
CREDIBILITY_BANDS = ((0.85, 2), (0.55, 3), (0.2, 4), (0.0, 5))


@dataclass(frozen=True)
class Evidence:
    supplier: str | None
    recipient: str | None
    claims: Sequence[StoredClaim]
    origins: Sequence[OriginGroup]
    registry: Registry
    # claim id → the source its attribution cites, where already found (cited_source); the others are looked up
    cited: Mapping[str, Cited | None] = field(default_factory=dict)

    @cached_property
    def official(self) -> list[StoredClaim]:
        """Claims a party to the transfer itself states (its ministry, leader, institution)."""
        parties = {p for p in (self.supplier, self.recipient) if p}
        return [c for c in self.claims if c.status is not Status.DENIED
                and (cited := self.cited[c.id] if c.id in self.cited else cited_source(c, self.registry)) is not None
                and cited.party in parties]



Feature = Callable[[Evidence], tuple[float, str | None]]


def corroboration(ev: Evidence) -> tuple[float, str | None]:
    n = len(ev.origins)
    if n < 2:
        return 0.0, None
    names = "; ".join(o.label for o in ev.origins[:5])
    return CORROBORATION.get(n, CORROBORATION[4]), f"{n} independent origins ({names})"


def confirmation(ev: Evidence) -> tuple[float, str | None]:
    official = ev.official
    if not official:
        return 0.0, None
    c = official[0]
    return 1.0, f"stated by a party to the transfer, {', '.join(c.attributed_to)}: {_quote(c.evidence)}"


def assertion(ev: Evidence) -> tuple[float, str | None]:
    asserted = [c for c in ev.claims if c.status is Status.ASSERTED]
    if asserted:
        first = min(asserted, key=lambda c: (c.published or "", c.id))
        return 1.0, f"stated as fact in {len({c.document_id for c in asserted})} report(s): {_quote(first.evidence)}"
    return -0.6, "only hedged or attributed reports"


def unconfirmed(ev: Evidence) -> tuple[float, str | None]:
    doubted = [c for c in ev.claims if c.status is Status.UNCONFIRMED]
    if doubted:
        return 1.0, f"a report says it is not confirmed: {_quote(min(doubted, key=lambda c: c.id).evidence)}"
    return 0.0, None


def denial(ev: Evidence) -> tuple[float, str | None]:
    """A denial counts when a party to the transfer is quoted denying it; a report that only hedges is none."""
    denied = [c for c in ev.claims if c.status is Status.DENIED and c.denial and c.denied_by]
    if not denied:
        return 0.0, None
    first = min(denied, key=lambda c: (c.published or "", c.id))
    parties = ", ".join(sorted({p for c in denied for p in c.denied_by}))
    reports = len({c.document_id for c in denied})
    return 1.0, f"denied by {parties} in {reports} report(s): {_quote(first.denial or '')}"


def _quote(words: str) -> str:
    words = " ".join(words.split())
    return f"\u201c{words[:200]}{'…' if len(words) > 200 else ''}\u201d"


FEATURES: tuple[tuple[Feature, float], ...] = (
    (corroboration, 1.0),
    (confirmation, 1.5),
    (assertion, 0.5),
    (unconfirmed, -0.6),
    (denial, -1.8),
)


def reliability(ev: Evidence) -> tuple[str, str]:
    """The best registry letter among the origins (the origin itself, else the outlets that carried it)."""
    best, why = "F", "no origin is in the source registry"
    for o in ev.origins:
        source = ev.registry.by_id.get(o.source_id or "")
        if source and source.reliability < best:
            best, why = source.reliability, f"{source.name}: {source.rationale or 'registry default'}"
    return best, why


# what each credibility digit says of the information, as a probability (6: cannot be judged)
CREDIBILITY_INFO = {1: 0.95, 2: 0.9, 3: 0.7, 4: 0.4, 5: 0.1, 6: 0.5}


def grade_probability(letter: str, credibility: int) -> float:
    """The probability a grade stands for, on the computed grades' scale: what an analyst's grade weighs where the
    computed probability no longer says it (the network's edges)."""
    info = CREDIBILITY_INFO.get(credibility, 0.5)
    return round(1 / (1 + math.exp(-(math.log(info / (1 - info)) + RELIABILITY_LOGIT.get(letter, 0.0)))), 3)


def grade(ev: Evidence) -> Grade:
    """The Admiralty grade of one transfer, its probability and the reasons for both."""
    letter, letter_why = reliability(ev)
    logit, reasons = BASE_LOGIT, [f"reliability {letter}: {letter_why}"]
    for feature, weight in FEATURES:
        score, detail = feature(ev)
        if detail and score:
            logit += weight * score
            reasons.append(f"{'+' if weight * score > 0 else '−'} {detail}")
    info = 1 / (1 + math.exp(-logit))
    denied = denial(ev)[0] > 0
    if ev.official and len(ev.origins) >= 2 and not denied:
        credibility = 1
    else:
        credibility = next(d for floor, d in CREDIBILITY_BANDS if info >= floor)
    probability = 1 / (1 + math.exp(-(logit + RELIABILITY_LOGIT.get(letter, 0.0))))
    return Grade(letter, credibility, round(probability, 3), tuple(reasons))
