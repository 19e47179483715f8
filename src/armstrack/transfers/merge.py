"""Claims → transfers: one cluster per supplier, recipient and item family, then the analyst's
judgements (merge, split, accept, reject) replayed in order. Pure: the store feeds it and keeps the result.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from armstrack.kb.loader import KnowledgeBase
from armstrack.model import (
    ORIGIN_ACTIONS,
    STAGE_ORDER,
    Impact,
    Judgement,
    Quantity,
    Regrade,
    Stage,
    StageEvent,
    Status,
    StoredClaim,
    StoredDocument,
    Transfer,
)
from armstrack.transfers.credibility import Evidence, grade
from armstrack.transfers.origins import OriginIndex, OriginJudgement, Registry, day_number
from armstrack.transfers.rejection import OriginsLeft

# A generic claim ("drones") joins a specific transfer of a compatible category when it is the only one.
COMPATIBLE = {"uav": {"uav", "loitering_munition"}, "loitering_munition": {"uav", "loitering_munition"}}
# a generic report ("munitions") joins the one specific transfer of its kind the pair has ("artillery shells") when
# both are reported within this many days
GENERIC_PERIOD_DAYS = 60


def transfer_id(*parts: str | None) -> str:
    return hashlib.sha1("|".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:16]


def system_keys(systems: set[str], kb: KnowledgeBase) -> dict[str, str]:
    """system id → the system its claims cluster under, among the systems one pair's claims name.

    A variant and its family go together when that is unambiguous: "Leopard 2" joins "Leopard 2A6" if
    2A6 is the only variant named; with 2A4 and 2A6 both named, each stays itself and so does "Leopard 2".
    """
    below: dict[str, set[str]] = {}
    for leaf in most_specific(systems, kb):
        for s in kb.lineage(leaf):
            below.setdefault(s, set()).add(leaf)
    return {s: next(iter(below[s])) if len(below.get(s, ())) == 1 else s for s in systems}


def most_specific(systems: Iterable[str], kb: KnowledgeBase) -> set[str]:
    """Those of the systems that none of the others descends from ("Leopard 2A6" of it and "Leopard 2")."""
    named = set(systems)
    return named - {a for s in named for a in kb.lineage(s)[1:]}


def _category(system: str | None, kb: KnowledgeBase, claims: Sequence[StoredClaim]) -> str:
    if system in kb.systems:
        return kb.systems[system].category
    return Counter(c.category for c in claims).most_common(1)[0][0]


def auto_clusters(claims: Sequence[StoredClaim], kb: KnowledgeBase) -> tuple[dict[str, str], dict[str, str]]:
    """claim id → automatic transfer id: one per pair and system (variants folded), or per generic item, a
    generic reading joining its specific item; and claim id → why a claim joined a transfer of another item."""
    by_pair: dict[tuple[str | None, str | None], list[StoredClaim]] = {}
    for c in claims:
        by_pair.setdefault((c.supplier, c.recipient), []).append(c)
    out: dict[str, str] = {}
    why: dict[str, str] = {}
    for (supplier, recipient), cs in by_pair.items():
        keys = system_keys({c.system_id for c in cs if c.system_id}, kb)
        categories = {k: _category(k, kb, cs) for k in set(keys.values())}
        key_of: dict[str, str] = {}
        for c in cs:
            if c.system_id:
                key_of[c.id] = f"sys:{keys[c.system_id]}"
            else:
                fits = {k for k, cat in categories.items() if cat in COMPATIBLE.get(c.category, {c.category})}
                key_of[c.id] = f"sys:{fits.pop()}" if len(fits) == 1 else f"generic:{c.item}"
        for cid, (key, reason) in generic_readings(cs, key_of).items():
            key_of[cid], why[cid] = key, reason
        out |= {cid: transfer_id("transfer", supplier, recipient, key) for cid, key in key_of.items()}
    return out, why


def names_category(item: str, category: str) -> bool:
    """'ammunition', 'missiles', 'armoured vehicles': the generic item that is its category's own name."""
    return item.replace(" ", "_") in (category, category + "s")


def generic_reading(generic: StoredClaim, specific: StoredClaim) -> bool:
    """Is one claim's item the generic reading of another's ('munitions' of 'artillery shells', 'missiles' of
    'ballistic missiles'), reported in the same period? Never within one document: one that names both ('munición,
    armas ligeras y armas antitanque') tells them apart."""
    if generic.system_id or specific.system_id or generic.item == specific.item \
            or generic.document_id == specific.document_id \
            or specific.category not in COMPATIBLE.get(generic.category, {generic.category}):
        return False
    if not (names_category(generic.item, generic.category) or specific.item.endswith(" " + generic.item)):
        return False
    a, b = day_number(generic.published), day_number(specific.published)
    return a is not None and b is not None and abs(a - b) <= GENERIC_PERIOD_DAYS


def generic_readings(cs: Sequence[StoredClaim], key_of: dict[str, str]) -> dict[str, tuple[str, str]]:
    """claim id → (the specific item's key, why) for each generic claim of one pair that reads as exactly one
    specific item of the pair (SCHEMA: never both 'drones' and 'Shahed-136' for the same pair)."""
    out = {}
    free = sorted((c for c in cs if not c.system_id), key=lambda c: c.id)  # the only claims a reading reads
    for c in free:
        targets = {key_of[o.id]: o for o in free if key_of[o.id] != key_of[c.id] and generic_reading(c, o)}
        if len(targets) == 1:
            key, o = next(iter(targets.items()))
            out[c.id] = (key, f"\u201c{c.item}\u201d (claim {c.id}, document {c.document_id}) read as the generic "
                              f"name of \u201c{o.item}\u201d: same pair, reported within {GENERIC_PERIOD_DAYS} days")
    return out


def apply_judgements(labels: dict[str, str], judgements: Sequence[Judgement]) -> tuple[dict[str, str], set[str],
                                                                                         set[str]]:
    """Replay judgements in order: the final label of each claim, and the rejected and accepted labels."""
    labels = dict(labels)
    rejected: set[str] = set()
    accepted: set[str] = set()
    for j in sorted(judgements, key=lambda j: j.id):
        present = [c for c in j.claim_ids if c in labels]
        if not present:
            continue
        if j.action == "merge":
            old = {labels[c] for c in present}
            for c, lab in labels.items():
                if lab in old:
                    labels[c] = j.transfer_id
        elif j.action == "split":
            new = transfer_id("split", str(j.id))
            for c in present:
                labels[c] = new
        elif j.action in ("reject", "accept"):
            (rejected if j.action == "reject" else accepted).update(labels[c] for c in present)
            (accepted if j.action == "reject" else rejected).difference_update(labels[c] for c in present)
    return labels, rejected, accepted


def build_transfers(claims: Sequence[StoredClaim], docs: dict[str, StoredDocument], judgements: Sequence[Judgement],
                    kb: KnowledgeBase, registry: Registry) -> list[Transfer]:
    """Every transfer the claims and judgements give, each with origins and grade, and for each of its claims the
    grade it would have were that claim rejected (rejection_impacts)."""
    scope = Scope(reviewed_claims(claims, judgements, kb), docs, judgements, kb, registry)
    members, rejected, joins = clusters(scope.claims, judgements, kb)
    out = []
    for tid, cs in sorted(members.items()):
        index = OriginIndex(cs, docs, registry)
        t = regraded(summarise(tid, cs, index, kb, tid in rejected, origin_judgements(cs, judgements), joins),
                     judgements)
        out.append(replace(t, impacts=rejection_impacts(t, cs, index, scope)))
    return out


@dataclass(frozen=True)
class Scope:
    """What one rebuild reads: the claims as the analysts left them, their reports, the live judgements, the KB."""

    claims: Sequence[StoredClaim]
    docs: dict[str, StoredDocument]
    judgements: Sequence[Judgement]
    kb: KnowledgeBase
    registry: Registry

    @cached_property
    def by_id(self) -> dict[str, StoredClaim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def named_once(self) -> frozenset[str]:
        """The claims that alone name their system in their pair."""
        counts = Counter((c.supplier, c.recipient, c.system_id) for c in self.claims if c.system_id)
        return frozenset(c.id for c in self.claims if c.system_id and counts[c.supplier, c.recipient, c.system_id] == 1)

    @cached_property
    def regrouped(self) -> frozenset[str]:
        """The claims a merge or split names."""
        return frozenset(c for j in self.judgements if j.action in ("merge", "split") for c in j.claim_ids)

    @cached_property
    def systemless(self) -> dict[tuple[str | None, str | None], list[StoredClaim]]:
        out: dict[tuple[str | None, str | None], list[StoredClaim]] = {}
        for c in self.claims:
            if not c.system_id:
                out.setdefault((c.supplier, c.recipient), []).append(c)
        return out


def clusters(claims: Sequence[StoredClaim], judgements: Sequence[Judgement],
             kb: KnowledgeBase) -> tuple[dict[str, list[StoredClaim]], set[str], dict[str, str]]:
    """transfer id → its claims (in id order), the rejected transfers' ids, and claim id → why it joined a transfer
    of another item."""
    automatic, joins = auto_clusters(claims, kb)
    labels, rejected, _ = apply_judgements(automatic, judgements)
    members: dict[str, list[StoredClaim]] = {}
    for c in sorted(claims, key=lambda c: c.id):
        members.setdefault(labels[c.id], []).append(c)
    return members, rejected, joins


def rejection_impacts(t: Transfer, members: Sequence[StoredClaim], index: OriginIndex,
                      scope: Scope) -> tuple[Impact, ...]:
    """For each claim of a transfer, the grade the transfer would have were the claim rejected — its other claims
    graded by the same code, origins found again, an analyst's regrade kept — and how far its probability would move;
    rejecting the only claim leaves no transfer (""). Only the claims that may regroup the others are clustered again
    (_regroups), and the origins of the others are found from the transfer's own (`index`, OriginsLeft)
    unless they regroup, so a transfer of n claims costs n gradings, not n rebuilds of its pair."""
    out = []
    left_by = OriginsLeft(index)
    regrades = [j for j in scope.judgements if j.action == "regrade"]
    on_origins = [j for j in scope.judgements if j.action in ORIGIN_ACTIONS]
    mine = {m.id for m in members}
    suppliers, recipients = Counter(m.supplier for m in members if m.supplier), Counter(m.recipient for m in members
                                                                                         if m.recipient)
    for c in members:
        rest = _left_without(c, members, scope) if len(members) > 1 else []
        if not rest:
            out.append(Impact(c.id, t.grade.probability, ""))
            continue
        judged = origin_judgements(rest, on_origins) if on_origins else []
        if {r.id for r in rest} == mine - {c.id}:
            ev = Evidence(_commonest(_one_fewer(suppliers, c.supplier)),
                          _commonest(_one_fewer(recipients, c.recipient)), rest, left_by.without(c, judged),
                          scope.registry, index.cited)
        else:  # the others regroup: a transfer of other claims
            ev = Evidence(_most_common([r.supplier for r in rest]), _most_common([r.recipient for r in rest]), rest,
                          OriginIndex(rest, scope.docs, scope.registry).origins(judged), scope.registry, index.cited)
        left = grade(ev)
        regrade = latest_regrade((r.id for r in rest), regrades)
        out.append(Impact(c.id, round(t.grade.probability - left.probability, 3),
                          regrade.grade if regrade else left.code))
    return tuple(out)


def _left_without(c: StoredClaim, members: Sequence[StoredClaim], scope: Scope) -> list[StoredClaim]:
    """The claims of the transfer that holds most of this transfer's other claims once `c` is rejected: clustered
    again, where they may regroup, with the claims of their pairs and of the pairs a judgement on them names."""
    others = [m for m in members if m.id != c.id]
    if not _regroups(c, scope):
        return others
    mine = {m.id for m in members}
    linked = {x for j in scope.judgements if mine & set(j.claim_ids) for x in j.claim_ids}
    pairs = {(x.supplier, x.recipient) for x in (*members, *(scope.by_id[x] for x in linked if x in scope.by_id))}
    regrouped, _, _ = clusters([x for x in scope.claims if (x.supplier, x.recipient) in pairs and x.id != c.id],
                               scope.judgements, scope.kb)
    label = {x.id: tid for tid, xs in regrouped.items() for x in xs}
    held = Counter(label[m.id] for m in others)
    return regrouped[min(held, key=lambda tid: (-held[tid], tid))]


def _regroups(c: StoredClaim, scope: Scope) -> bool:
    """May rejecting `c` move other claims between transfers? When it alone names its system in its pair (a family
    and its variants fold by the variants named), when a generic report of its pair reads as its item, or when a merge
    or split names it. Otherwise the others' clusters are those they have."""
    if c.id in scope.named_once or c.id in scope.regrouped:
        return True
    return not c.system_id and any(generic_reading(g, c) for g in scope.systemless.get((c.supplier, c.recipient), ()))


def origin_judgements(claims: Sequence[StoredClaim], judgements: Sequence[Judgement]) -> list[OriginJudgement]:
    """The analysts' joins and splits of origins that are about these claims' documents."""
    mine = {c.id for c in claims}
    return [OriginJudgement(j.id, j.action, tuple(dict(j.changes).get("documents", ())))
            for j in judgements if j.action in ORIGIN_ACTIONS and mine & set(j.claim_ids)]


def regraded(t: Transfer, judgements: Sequence[Judgement]) -> Transfer:
    """The transfer with the latest analyst regrade of its claims, if any; the computed grade and its reasons stay
    as they are, to be shown beside the analyst's ("computed: E4")."""
    regrade = latest_regrade(t.claim_ids, judgements)
    return replace(t, regrade=regrade) if regrade else t


def latest_regrade(claim_ids: Iterable[str], judgements: Sequence[Judgement]) -> Regrade | None:
    """The latest analyst regrade of any of these claims."""
    regrades = [j for j in judgements if j.action == "regrade"]
    mine = set(claim_ids) if regrades else set()
    latest = max((j for j in regrades if mine & set(j.claim_ids)), key=lambda j: j.id, default=None)
    return Regrade(str(dict(latest.changes)["grade"]).upper(), latest.id) if latest else None


def reviewed_claims(claims: Sequence[StoredClaim], judgements: Sequence[Judgement],
                    kb: KnowledgeBase) -> list[StoredClaim]:
    """The claims as the analysts left them: rejected ones out, edited ones with their new values."""
    by_id = {c.id: c for c in claims}
    for j in sorted(judgements, key=lambda j: j.id):
        for cid in j.claim_ids:
            if cid not in by_id:
                continue
            if j.action == "reject_claim":
                del by_id[cid]
            elif j.action == "edit_claim":
                by_id[cid] = edited(by_id[cid], dict(j.changes), kb)
    return [by_id[c.id] for c in claims if c.id in by_id]


def edited(c: StoredClaim, changes: dict[str, Any], kb: KnowledgeBase) -> StoredClaim:
    """A claim with an analyst's corrections; a new item name that is a KB designation gets its system."""
    fields: dict[str, Any] = {k: v for k, v in changes.items() if k in ("supplier", "recipient", "category", "when")}
    if "stage" in changes:
        fields["stage"] = Stage(changes["stage"])
    if "status" in changes:
        fields["status"] = Status(changes["status"])
    if "quantity" in changes:
        q = changes["quantity"]
        fields["quantity"] = Quantity(float(q["value"]), q.get("qualifier", "exact"), q.get("max")) if q else None
    if "item" in changes:
        system = next((s for s in kb.systems.values() if s.name.lower() == str(changes["item"]).lower()), None)
        fields |= {"item": system.name if system else changes["item"], "system_id": system.id if system else None}
        if system and "category" not in changes:
            fields["category"] = system.category
    return replace(c, **fields)


def summarise(tid: str, claims: list[StoredClaim], index: OriginIndex, kb: KnowledgeBase, rejected: bool = False,
              judged: Sequence[OriginJudgement] = (), joins: Mapping[str, str] | None = None) -> Transfer:
    """One transfer from its claims (`index`: their reports' origins); a claim that joined as a generic reading
    (`joins`: claim id → why) names no item of it."""
    joins = joins or {}
    ev = Evidence(_most_common([c.supplier for c in claims]), _most_common([c.recipient for c in claims]), claims,
                  index.origins(judged), index.registry, index.cited)
    items = tuple(sorted({c.item for c in claims}))
    # the most specific system named is the transfer's item ("Leopard 2A6" over "Leopard 2")
    leaves = sorted(most_specific({c.system_id for c in claims if c.system_id and c.system_id in kb.systems}, kb))
    system = leaves[0] if len(leaves) == 1 else None
    named = [c.item for c in claims if c.id not in joins] or [c.item for c in claims]
    item = kb.systems[system].name if system else (_most_common(named) or items[0])
    live = [c for c in claims if c.status is not Status.DENIED] or claims
    stage = max((c.stage for c in live), key=lambda s: STAGE_ORDER[s])
    values = [v for c in claims if c.quantity for v in (c.quantity.value, c.quantity.max) if v is not None]
    published = sorted(c.published for c in claims if c.published)
    graded = grade(ev)
    return Transfer(
        id=tid, supplier=ev.supplier, recipient=ev.recipient, item=item, category=_category(system, kb, claims),
        items=items, stage=stage, timeline=timeline(claims), quantity_min=min(values) if values else None,
        quantity_max=max(values) if values else None,
        first_reported=published[0] if published else None, last_reported=published[-1] if published else None,
        reports=len({c.document_id for c in claims}), independent_origins=len(ev.origins), origins=tuple(ev.origins),
        grade=graded, claim_ids=tuple(c.id for c in claims), rejected=rejected,
        joins=tuple(joins[c.id] for c in claims if c.id in joins),
    )


def timeline(claims: Sequence[StoredClaim]) -> tuple[StageEvent, ...]:
    """One entry per stage and date (the period a claim gives, "2022-11" or "2022/..", else its report's
    publication date), oldest first and those of no known date last. Each quotes one claim of its stage and date
    (one that gives a quantity, if any does) and carries that claim's own quantity, so a number always stands beside
    the words it was read from; the other claims of the same stage and date are listed."""
    groups: dict[tuple[Stage, str], list[StoredClaim]] = {}
    for c in claims:
        groups.setdefault((c.stage, c.when or c.published or ""), []).append(c)
    events = []
    for (stage, when), cs in groups.items():
        quoted = min(cs, key=lambda c: (c.quantity is None, c.published or "~", c.id))
        others = tuple(sorted(c.id for c in cs if c is not quoted))
        events.append(StageEvent(stage, when or None, quoted.id, quoted.quantity, others))
    return tuple(sorted(events, key=lambda e: (e.when is None, _dated(e.when), e.when or "", STAGE_ORDER[e.stage],
                                               e.claim_id)))


def _dated(period: str | None) -> str:
    """Where a period stands in time: its start, else its end ('../2023': 2023)."""
    return next((p for p in (period or "").split("/") if p != ".."), "")


def _most_common(values: Sequence[str | None]) -> str | None:
    return _commonest(Counter(v for v in values if v))


def _one_fewer(counts: Counter[str], value: str | None) -> Counter[str]:
    return counts - Counter({value: 1}) if value else counts


def _commonest(counts: Counter[str]) -> str | None:
    """The value counted most, the first in order of equals."""
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None
