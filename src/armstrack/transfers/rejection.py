"""What rejecting one claim leaves of its transfer's origins, for the 'if rejected' grade the review queue orders
claims by: the origins independent_origins would find for the other claims, derived from the transfer's own
(OriginIndex) by redoing only what the claim's report touched. A report that goes may leave the reports it bridged
apart (a cut vertex of its group), make room in a full sketch posting for a report that then meets later ones, or
leave its group under another representative, whose translations are looked for again; a report that stays may speak
for another source. Pure, like origins.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cached_property

from armstrack.model import OriginGroup, StoredClaim
from armstrack.transfers.origins import (
    CANDIDATE_SHARED_HASHES,
    NEAR_DUPLICATE,
    POSTING_CAP,
    TRANSLATION_DAYS,
    Cited,
    Groups,
    OriginIndex,
    OriginJudgement,
    close_in_time,
    day_number,
    origin_group,
    replayed,
    representatives,
    resemblance,
)


class OriginsLeft:
    """The origins one transfer's claims leave, claim by claim (`without`)."""

    def __init__(self, index: OriginIndex) -> None:
        self.index = index
        self._resemblances: dict[tuple[str, str], bool] = {}

    def without(self, claim: StoredClaim, judgements: Sequence[OriginJudgement] = ()) -> tuple[OriginGroup, ...]:
        """The origin groups of the transfer's other claims, as independent_origins finds them (each group's
        reports, name and source; not why each report joined it), the analysts' judgements on them replayed."""
        d = claim.document_id
        if d not in self.index.keys:
            return self.index.origins(judgements)
        left = [c for c in self.index.of_report[d] if c.id != claim.id]
        keys = self.index.keys
        if left:  # the report stays: it may speak for another source
            if (source := self.index.source(d, left)) == keys[d]:
                return self.index.origins(judgements)
            keys = {**keys, d: source}
        gone = None if left else d
        replaced, regrouped = self._regrouped(d, keys, gone)
        if judgements:
            root = {x: r for x, r in self.index.root.items() if r not in replaced and x != gone}
            root |= {x: min(ds) for ds in regrouped for x in ds}
            return replayed(root, keys, self.index.docs, defaultdict(list), self.index.registry, judgements)
        kept = [g for r, g in self._plain.items() if r not in replaced]
        made = [origin_group(sorted(ds), keys, self.index.docs, None, self.index.registry) for ds in regrouped]
        return tuple(sorted([*kept, *made], key=lambda g: g.documents))

    @cached_property
    def _plain(self) -> dict[str, OriginGroup]:
        """Each origin root → its group, no judgement replayed."""
        return {min(g.documents): g for g in self.index.origins()}

    @cached_property
    def _members(self) -> dict[str, list[str]]:
        """Each group before translations (by its root) → its reports, in order."""
        out: dict[str, list[str]] = {}
        for d in self.index.order:
            out.setdefault(self.index.joined[d], []).append(d)
        return out

    @cached_property
    def _is_rep(self) -> frozenset[str]:
        return frozenset(self.index.reps)

    @cached_property
    def _origin_members(self) -> dict[str, list[str]]:
        """Each origin root → its reports, in order."""
        out: dict[str, list[str]] = {}
        for d in self.index.order:
            out.setdefault(self.index.root[d], []).append(d)
        return out

    @cached_property
    def _cut_reports(self) -> set[str]:
        """The reports whose going splits their group before translations: the cut vertices of the graph whose
        edges are the near-duplicate pairs and each report's tie to the source it cites with others."""
        graph = {d: set(self.index.near[d]) for d in self.index.order}
        for key, ds in self._by_key.items():
            if len(ds) > 1:
                graph["\0" + key] = set(ds)  # the source, a node of its own (no report id starts with NUL)
                for d in ds:
                    graph[d].add("\0" + key)
        return cut_vertices(graph) & self.index.near.keys()

    @cached_property
    def _by_key(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for d in self.index.order:
            out.setdefault(OriginIndex.key_class(self.index.keys[d]), []).append(d)
        return out

    @cached_property
    def _rep_links(self) -> dict[str, set[str]]:
        """Each representative → the representatives close in time that are the same text (translation, rewrite)."""
        out: dict[str, set[str]] = {r: set() for r in self.index.reps}
        for a, b in close_in_time(self.index.reps, self.index.docs):
            if self.index.skeleton(a, b):
                out[a].add(b)
                out[b].add(a)
        return out

    @cached_property
    def _final_reps(self) -> dict[str, list[str]]:
        """Each origin root → the representatives of its groups before translations."""
        out: dict[str, list[str]] = {}
        for r in self.index.reps:
            out.setdefault(self.index.root[r], []).append(r)
        return out

    def _resembles(self, a: str, b: str) -> bool:
        """Are two reports near-duplicates, as _near_duplicates tests a pair it meets? (Kept: the reports that
        move up in a posting when one goes are the same for each of the reports before them.)"""
        if (a, b) not in self._resemblances:
            docs = self.index.docs
            self._resemblances[a, b] = resemblance(docs[a].sketch, docs[b].sketch) >= NEAR_DUPLICATE
        return self._resemblances[a, b]

    @cached_property
    def _days(self) -> dict[str, int | None]:
        return {d: day_number(self.index.docs[d].published) for d in self.index.order}

    def _close(self, a: str, b: str) -> bool:
        """Are two reports published within TRANSLATION_DAYS of each other (or either undated), as close_in_time
        pairs them?"""
        da, db = self._days[a], self._days[b]
        return da is None or db is None or abs(da - db) <= TRANSLATION_DAYS

    def _revealed(self, gone: str) -> list[tuple[str, str]]:
        """The near-duplicate pairs _near_duplicates finds once `gone` leaves and did not find before, except those
        inside a group that keeps its other pairs: where `gone` was among the first POSTING_CAP reports posted for a
        sketch hash, the next report with it is posted instead and may now meet later ones."""
        holders, docs, joined = self.index.crowded, self.index.docs, self.index.joined
        moved_up: dict[str, set[int]] = {}  # report → the hashes it is now posted for
        for h in docs[gone].sketch:
            if h in holders and gone in holders[h][:POSTING_CAP]:
                moved_up.setdefault(holders[h][POSTING_CAP], set()).add(h)
        pairs = []
        for y, hashes in sorted(moved_up.items()):
            posted = hashes | {h for h in docs[y].sketch if h not in holders or y in holders[h][:POSTING_CAP]}
            # only a report after y sharing one of its new hashes meets it anew; the others met it as before
            for x in sorted({x for h in hashes for x in holders[h][POSTING_CAP + 1:]}):
                if x in self.index.near[y] or joined[x] == joined[y] != joined[gone]:
                    continue
                if len(posted.intersection(docs[x].sketch)) >= CANDIDATE_SHARED_HASHES and self._resembles(y, x):
                    pairs.append((y, x))
        return pairs

    def _regrouped(self, d: str, keys: dict[str, Cited], gone: str | None) -> tuple[set[str], list[list[str]]]:
        """The origin roots that change when report `d` goes (`gone`) or speaks for another source (`keys`), and the
        origins their reports then form."""
        ix = self.index
        revealed = self._revealed(gone) if gone else []
        touched = {ix.joined[d]} | {ix.joined[x] for pair in revealed for x in pair}
        if gone and touched == {ix.joined[d]} and d not in self._cut_reports and d not in self._is_rep:
            # the report's group stays whole under the same representative: its origin only loses it
            return {ix.root[d]}, [[x for x in self._origin_members[ix.root[d]] if x != d]]
        if not gone:
            touched |= {ix.joined[x] for x in self._by_key.get(OriginIndex.key_class(keys[d]), ())}
        reports = sorted((x for t in touched for x in self._members[t] if x != gone), key=ix.pos.__getitem__)
        groups = Groups(reports)
        first: dict[str, str] = {}
        for x in reports:
            groups.union(first.setdefault(OriginIndex.key_class(keys[x]), x), x)
            for y in ix.near[x] - {gone}:
                groups.union(x, y)
        for a, b in revealed:
            groups.union(a, b)
        fresh = representatives(reports, ix.docs, groups)
        # the origins the touched groups were part of, and any the new representatives now join as translations
        replaced = {ix.root[t] for t in touched}
        others = [r for r in ix.reps if ix.joined[r] not in touched]
        for r in fresh:
            replaced |= {ix.root[o] for o in others if self._close(r, o) and ix.skeleton(r, o)}
        reps = [*fresh, *(r for o in replaced for r in self._final_reps[o] if ix.joined[r] not in touched)]
        linked = Groups(reps)
        kept = set(reps) - set(fresh)
        for r in reps:
            for o in (self._rep_links[r] & kept if r in kept else
                      (o for o in reps if o != r and self._close(r, o) and ix.skeleton(r, o))):
                linked.union(r, o)
        of_rep = {groups.find(r): r for r in fresh}
        origins: dict[str, list[str]] = {}
        for x in reports:
            origins.setdefault(linked.find(of_rep[groups.find(x)]), []).append(x)
        for r in kept:
            origins.setdefault(linked.find(r), []).extend(self._members[ix.joined[r]])
        return replaced, list(origins.values())


def cut_vertices(graph: dict[str, set[str]]) -> set[str]:
    """The nodes of an undirected graph (node → its neighbours) whose removal disconnects their component
    (Hopcroft–Tarjan, by an explicit stack: a component may be thousands of reports deep)."""
    depth: dict[str, int] = {}
    low: dict[str, int] = {}
    cut: set[str] = set()
    for start in graph:
        if start in depth:
            continue
        depth[start] = low[start] = 0
        children = 0
        stack: list[tuple[str, str | None, Iterator[str]]] = [(start, None, iter(graph[start]))]
        while stack:
            node, parent, rest = stack[-1]
            for nxt in rest:
                if nxt in depth:
                    if nxt != parent:
                        low[node] = min(low[node], depth[nxt])
                    continue
                depth[nxt] = low[nxt] = depth[node] + 1
                stack.append((nxt, node, iter(graph[nxt])))
                break
            else:
                stack.pop()
                if parent is None:
                    continue
                low[parent] = min(low[parent], low[node])
                if parent == start:
                    children += 1
                elif low[node] >= depth[parent]:
                    cut.add(parent)
        if children > 1:
            cut.add(start)
    return cut
