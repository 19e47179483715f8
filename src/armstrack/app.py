"""The one application object behind the CLI (and later the API): settings, knowledge base and store.

Ingest runs sources → extraction → store in batches, one transaction each, so a crash or Ctrl-C loses at
most the batch in flight; transfers of the (supplier, recipient) pairs a batch touched are marked stale in
that same transaction and rebuilt by `refresh`, which every run ends with and which a re-run completes.
Only writers rebuild (ingest, judgements), each rebuild in one writer transaction (db.lock_writers), so a
rebuild reads claims that cannot change under it; reads never write.
"""

from __future__ import annotations

import re
import sys
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, is_dataclass, replace
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import Connection, Engine

from armstrack import EXTRACTOR_VERSION
from armstrack.errors import ArmstrackError, Merged, NotFound, RefusedRow
from armstrack.export.base import ExportContext, What, Writer
from armstrack.model import (
    ACTIONS,
    CATEGORIES,
    CLAIM_ACTIONS,
    EDITABLE,
    ORIGIN_ACTIONS,
    QUALIFIERS,
    Document,
    Extraction,
    Judgement,
    ReadFailure,
    Stage,
    Status,
)
from armstrack.settings import Settings, load_settings
from armstrack.store import accounts, queries, searches
from armstrack.store.db import DirectRead, analyze, get_engine, unit_of_work

# Extraction is imported by ingest, the knowledge base by the methods that read it, and the building of transfers
# (merge, origins, credibility, and the lexicons that fold names) by the methods that rebuild, judge or show origins:
# listing transfers or claims starts without them.
if TYPE_CHECKING:
    from armstrack.extract.document import Extractor
    from armstrack.kb.loader import KnowledgeBase, Party
    from armstrack.scale.local import Outcomes, Runner
    from armstrack.transfers.candidates import Candidate, Side
    from armstrack.transfers.origins import Registry, TextPrints

REFRESH_PAIRS = 200  # (supplier, recipient) pairs rebuilt per transaction
GRADE = re.compile(r"^[A-Fa-f][1-6]$")
PARTY = re.compile(r"^([A-Z]{3}|ORG:\S.{0,98})$")
Pair = tuple[str, str]


def check_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """An analyst's edit of a claim, validated field by field; raises ArmstrackError naming the bad field."""
    for key, value in changes.items():
        bad = key not in EDITABLE
        if key in ("supplier", "recipient"):
            bad = value is not None and not PARTY.match(str(value))
        elif key == "stage":
            bad = value not in {s.value for s in Stage}
        elif key == "status":
            bad = value not in {s.value for s in Status}
        elif key == "category":
            bad = value not in CATEGORIES
        elif key == "item":
            bad = not isinstance(value, str) or not 0 < len(value.strip()) <= 200
        elif key == "when":
            bad = value is not None and not re.fullmatch(r"[\d./-]{4,23}", str(value))
        elif key == "quantity":
            bad = value is not None and not (isinstance(value, dict) and isinstance(value.get("value"), int | float)
                                              and value.get("qualifier", "exact") in QUALIFIERS)
        if bad:
            raise ArmstrackError(f"cannot set {key} to {value!r}")
    return changes


@dataclass(frozen=True)
class SignIn:
    """The answer to a sign-in: a session id, or how many seconds this account or address must wait first."""

    session: str | None
    wait: int


@dataclass(frozen=True)
class TransferPage:
    """A transfer's page: the transfer, the judgements on it or its claims, its origins (Armstrack.origins) and its
    merge candidates."""

    transfer: dict[str, Any]
    judgements: list[dict[str, Any]]
    origins: dict[str, Any]
    candidates: list[Candidate]


@dataclass
class IngestReport:
    documents: int = 0  # read and stored (new or re-extracted)
    unchanged: int = 0  # already stored with the same text and extractor version
    claims: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    transfers_touched: int = 0

    @property
    def done(self) -> int:
        """Inputs dealt with so far: stored, unchanged or failed."""
        return self.documents + self.unchanged + len(self.failures)

    def failures_by_kind(self) -> list[tuple[str, int]]:
        """How many failures of each kind ("invalid JSON", "extraction failed"…), most frequent first."""
        return Counter(f.kind for f in self.failures).most_common()


Progress = Callable[[IngestReport], None]
Listing = tuple[list[dict[str, Any]], int]
Charts = tuple[list[queries.PairTotal], dict[str, int]]  # the network's pairs, transfers first reported per year
ANALYZE_AFTER = 500  # transfers rebuilt in one refresh that make the planner's statistics worth renewing
LISTING_BYTES_KEPT = 16 * 2**20  # memory a process gives each kind of kept answer (pages, charts)


V = TypeVar("V")


SCALARS = frozenset({str, int, float, bool, type(None)})  # most values a kept page holds: no dataclass to look into


def footprint(value: object) -> int:
    """Bytes a value holds, counted through its lists, tuples, sets, dict values (dict keys are column names every
    row shares) and dataclass fields; strings, numbers and other objects count as themselves. Cheap enough to run on
    every page kept."""
    size = sys.getsizeof(value)
    kind = type(value)
    if kind is dict:
        return size + sum(map(footprint, value.values()))  # type: ignore[attr-defined, arg-type]
    if kind is list or kind is tuple or kind is frozenset:
        return size + sum(map(footprint, value))  # type: ignore[call-overload]
    if kind not in SCALARS and is_dataclass(value):
        return size + footprint(vars(value))
    return size


class Listings(Generic[V]):
    """Pages of transfers or claims (or drawn charts) by (store version, what was asked), least recently used
    dropped first; thread-safe. A page stays right until the version moves, which every change of claims or
    transfers (ingest, rebuild, judgement) does. Bounded by the bytes the kept answers hold, so a process's memory
    stays flat however many filters people try."""

    def __init__(self, max_bytes: int = LISTING_BYTES_KEPT) -> None:
        self.max_bytes = max_bytes
        self._pages: OrderedDict[tuple[int, Hashable], tuple[V, int]] = OrderedDict()
        self.bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[int, Hashable]) -> V | None:
        with self._lock:
            hit = self._pages.get(key)
            if hit is not None:
                self._pages.move_to_end(key)
            return hit[0] if hit is not None else None

    def put(self, key: tuple[int, Hashable], listing: V) -> V:
        size = footprint(key) + footprint(listing)
        if size > self.max_bytes:
            return listing  # bigger than the whole budget: served, never kept
        with self._lock:
            if key not in self._pages:
                self._pages[key] = (listing, size)
                self.bytes += size
            while self.bytes > self.max_bytes:
                self.bytes -= self._pages.popitem(last=False)[1][1]
        return listing


class Armstrack:
    """Settings, knowledge base and store, opened lazily; every interface is built on one of these."""

    def __init__(self, db_url: str | None = None, settings: Settings | None = None, create: bool = True) -> None:
        self.settings = settings or load_settings()
        self.db_url = db_url or self.settings.db_url
        self.create = create  # make a missing store and migrate an old one; else both are refused
        self._listings: Listings[Listing] = Listings()  # transfer pages
        self._claims: Listings[Listing] = Listings()  # claim, review queue, document and source pages
        self._facets: Listings[queries.Facets] = Listings()  # facet counts per transfer filter
        self._counts: Listings[int] = Listings()  # how many transfers match a filter (FACET_COUNTED at most)
        self._pairs: Listings[list[Side]] = Listings()  # a pair's transfers as merge candidates weigh them

    @cached_property
    def engine(self) -> Engine:
        return get_engine(self.db_url, self.create)

    @cached_property
    def _version(self) -> DirectRead:
        return DirectRead(self.engine, queries.STORE_VERSION_SQL)

    @cached_property
    def kb(self) -> KnowledgeBase:
        from armstrack.kb.loader import get_kb  # a listing reads the store alone

        return get_kb(str(self.settings.kb_dir))

    @cached_property
    def registry(self) -> Registry:
        from armstrack.transfers.origins import get_registry

        return get_registry(str(self.settings.kb_dir))

    def warm(self) -> None:
        """Load what the first rebuild needs — the knowledge base, the source registry and the lexicons its names fold
        with — ahead of it (a server does this as it starts): finding a source by name touches them all."""
        for source in list(self.kb.sources.values())[:1]:
            self.registry.find(source.name)

    def prints(self, e: Extraction, text: TextPrints | None = None) -> queries.Prints:
        """Publisher, wire credit and text prints (given when the extraction's runner computed them); texts
        with no claim never join an origin, so they get none."""
        from armstrack.transfers.origins import text_prints, wire_credit

        d = e.document
        source = self.registry.find(d.source_name, d.url)
        publisher = source.id if source else d.source_name
        if not e.claims:
            return queries.Prints(publisher, (), (), None)
        shingles, entities = text or text_prints(e)
        return queries.Prints(publisher, shingles, entities, wire_credit(d.text, self.registry))

    def ingest(self, inputs: Iterable[Document | ReadFailure], extractor: Extractor, reextract: bool = False,
               batch_size: int = 100, progress: Progress | None = None, runner: Runner | None = None) -> IngestReport:
        """Extract and store every input; idempotent; bad inputs are recorded in the report, never fatal.

        Documents go in partitions of `batch_size` to the runner (this process by default, or a Dask cluster);
        whichever runs the extraction, its outcomes are stored here, one transaction per partition."""
        from armstrack.scale.local import InProcess  # imports the extraction core (see TYPE_CHECKING above)

        report = IngestReport()
        with unit_of_work(self.engine) as conn:
            queries.sync_sources(conn, self.kb)
        partitions = self._partitions(inputs, reextract, batch_size, report, progress)
        for outcomes in (runner or InProcess()).extract(extractor, partitions):
            self._store(outcomes, report)
            if progress:
                progress(report)
        if progress:
            progress(report)
        self.repair()
        report.transfers_touched = self.refresh()
        return report

    def _partitions(self, inputs: Iterable[Document | ReadFailure], reextract: bool, batch_size: int,
                    report: IngestReport, progress: Progress | None) -> Iterator[list[Document]]:
        """The documents still to extract, in partitions; read failures and unchanged documents are counted."""
        batch: list[Document] = []
        for item in inputs:
            if isinstance(item, ReadFailure):
                report.failures.append(item)
            else:
                batch.append(item)
            if len(batch) >= batch_size:
                todo = self._pending(batch, reextract, report)
                batch = []
                if todo:
                    yield todo
            if progress:
                progress(report)
        todo = self._pending(batch, reextract, report)
        if todo:
            yield todo

    def _pending(self, batch: Sequence[Document], reextract: bool, report: IngestReport) -> list[Document]:
        """The documents of a batch not stored yet, stored with another text, or (with reextract) by an older
        extractor version; the others count as unchanged."""
        unique = list({d.id: d for d in batch}.values())
        with unit_of_work(self.engine) as conn:
            known = queries.stored_versions(conn, [d.id for d in unique])
        todo = [d for d in unique if d.id not in known or known[d.id][0] != d.content_id(d.text)
                or (reextract and known[d.id][1] != EXTRACTOR_VERSION)]
        report.unchanged += len(batch) - len(todo)
        return todo

    def _store(self, outcomes: Outcomes, report: IngestReport) -> None:
        """Store one partition's extractions in one transaction (replacing what a document had) and record
        its failures; storing the same outcomes twice leaves the same rows."""
        report.failures.extend(o for o in outcomes if isinstance(o, ReadFailure))
        prepared = [o for o in outcomes if not isinstance(o, ReadFailure)]
        extractions = [(e, self.prints(e, text)) for e, text in prepared]
        try:
            self._save(extractions, report)
        except RefusedRow:  # a document the database will not take: store the others one by one
            for one in extractions:
                try:
                    self._save([one], report)
                except RefusedRow as e:
                    origin = one[0].document.origin or one[0].document.id
                    report.failures.append(ReadFailure(origin, f"{origin}: not stored ({e})"))

    def _save(self, extractions: Sequence[tuple[Extraction, queries.Prints]], report: IngestReport) -> None:
        with unit_of_work(self.engine, write=True) as conn:
            claims = queries.save_extractions(conn, extractions, EXTRACTOR_VERSION)
        report.claims += claims
        report.documents += len(extractions)

    def repair(self) -> None:
        """Mark stale every pair whose stored transfers disagree with its claims (a claim in no transfer, a
        report count that is not its claims'), so that the next refresh rebuilds it."""
        with unit_of_work(self.engine, write=True) as conn:
            queries.mark_stale(conn, queries.inconsistent_pairs(conn))

    def refresh(self) -> int:
        """Rebuild the transfers of every stale pair; returns how many transfers were rebuilt."""
        from armstrack.transfers.merge import build_transfers

        rebuilt = 0
        while True:
            # built outside the write lock, from what one read saw; written if that is still what the store holds
            with unit_of_work(self.engine) as conn:
                version = queries.store_version(conn)  # first: whatever the reads below see is at least this new
                pending = set(sorted(queries.stale(conn))[:REFRESH_PAIRS])
                read = queries.load_scope(conn, pending) if pending else None
            if read is None:
                if rebuilt >= ANALYZE_AFTER:
                    with unit_of_work(self.engine, write=True) as conn:
                        analyze(conn, "transfers")
                return rebuilt
            built = build_transfers(*read[:3], self.kb, self.registry)
            with unit_of_work(self.engine, write=True) as conn:
                if queries.store_version(conn) != version:  # something was written meanwhile: is it ours?
                    current = queries.load_scope(conn, pending)
                    if current == read and not queries.stale(conn) & read[3]:
                        continue  # another refresh rebuilt these pairs from the same claims
                    if current != read:  # their claims or judgements moved: built again, this time under the lock
                        read, built = current, build_transfers(*current[:3], self.kb, self.registry)
                claims, _, _, scope = read
                queries.replace_transfers(conn, scope, [c.id for c in claims], built)
                rebuilt += len(built)

    def transfers(self, f: queries.TransferFilter) -> list[dict[str, Any]]:
        with unit_of_work(self.engine) as conn:
            return queries.list_transfers(conn, f)

    def transfer(self, tid: str) -> dict[str, Any]:
        """One transfer; an id a live merge took into another raises Merged naming that one (a permalink survives)."""
        with unit_of_work(self.engine) as conn:
            try:
                return queries.get_transfer(conn, tid)
            except NotFound:
                into = queries.merged_into(conn, tid)
                if into is None:
                    raise
                raise Merged(tid, into) from None

    def merge_candidates(self, tid: str) -> list[Candidate]:
        """The transfers of the same pair that may be one with this one, the likeliest first, each with why."""
        return self._candidates(self.transfer(tid))

    def _candidates(self, t: dict[str, Any]) -> list[Candidate]:
        """merge_candidates among the transfers of t's pair, whose rows and sides (up to PAIR_TRANSFERS of them) are
        kept in memory until the store changes: every page of a transfer of the pair weighs the same ones."""
        from armstrack.transfers.candidates import merge_candidates, side

        key = (self.store_version(), ("pair", t["supplier"], t["recipient"]))
        if (others := self._pairs.get(key)) is None:
            with unit_of_work(self.engine) as conn:
                rows = queries.pair_transfers(conn, t["supplier"], t["recipient"])
            others = self._pairs.put(key, [side(row, self.kb) for row in rows])
        return merge_candidates(t, others, self.kb)

    def origins(self, tid: str) -> dict[str, Any]:
        """A transfer's origin groups: each origin's canonical name and identity, and each report in it with its
        outlet and why it joined; with the live analyst judgements on these origins."""
        return self._origins(self.transfer(tid), self.judgements())

    def _origins(self, t: dict[str, Any], judgements: list[dict[str, Any]]) -> dict[str, Any]:
        from armstrack.transfers.origins import FIRST_REPORT, url_host

        docs: dict[str, dict[str, Any]] = {}
        for c in t["claims"]:
            docs.setdefault(c["document_id"], {"id": c["document_id"],
                                               "source": c["source_name"] or c["publisher"] or url_host(c["url"]),
                                               "language": c["language"], "published": c["published"],
                                               "url": c["url"]})
        carried = {s.id: s.name for s in self.kb.sources.values()}
        groups = [{"label": o["label"], "key": o.get("key", ""), "source_id": o["source_id"],
                   "carried_by": carried.get(o["source_id"] or ""),
                   "documents": sorted((docs[d] | {"joined": o.get("joined", {}).get(d, "")} for d in o["documents"]),
                                       key=lambda d: (d["published"] or "~", d["joined"] != FIRST_REPORT, d["id"]))}
                  for o in t["origins"]]
        claim_ids = set(t["claim_ids"])
        judged = [{k: j[k] for k in ("id", "action", "changes", "author", "reason")} for j in judgements
                  if j["action"] in ORIGIN_ACTIONS and j["undone"] is None and claim_ids & set(j["claim_ids"])]
        return {"transfer": t["id"], "supplier": t["supplier"], "recipient": t["recipient"], "item": t["item"],
                "reports": t["reports"], "independent_origins": t["independent_origins"], "origins": groups,
                "joins": t.get("joins") or [], "judgements": judged}

    def transfer_page(self, tid: str) -> TransferPage:
        """What a transfer's page shows, the transfer and the judgements read once for all of it."""
        t = self.transfer(tid)
        judgements = self.judgements()
        claim_ids = set(t["claim_ids"])
        return TransferPage(t, [j for j in judgements if claim_ids & set(j["claim_ids"]) or j["transfer_id"] == tid],
                            self._origins(t, judgements), self._candidates(t))

    def parties(self) -> dict[str, Party]:
        """Each party code's own KB entry: the state for an ISO3 code, the actor for an ORG:Name."""
        return {p.code: p for p in self.kb.parties if p.kind in ("country", "actor")}

    def export_context(self, what: What, excel: bool = False, preamble: bool = True, title: str = "") -> ExportContext:
        return ExportContext(what, self.parties(), excel=excel, preamble=preamble, title=title)

    def export(self, what: What, f: queries.TransferFilter, writer: Writer) -> int:
        """Stream the transfers matching the filter, or their claims, into a writer and finalize it; returns
        the number of records the writer wrote (a format may leave some rows out)."""
        rows = queries.iter_claims if what == "claims" else queries.iter_transfers
        with unit_of_work(self.engine) as conn:
            for row in rows(conn, f):
                writer.write(row)
        return writer.finalize()

    def judge(self, action: str, tid: str, other: str | None = None, claims: Sequence[str] = (),
              author: str = "cli", reason: str = "", grade: str | None = None) -> int:
        """Record an analyst's judgement on a transfer — merge `other` into it, split `claims` out of it,
        accept, reject, or regrade it to `grade` ("B2") — and rebuild what it touches; returns the judgement
        id (for undo)."""
        if action not in ACTIONS:
            raise ArmstrackError(f"unknown action {action!r} (use {', '.join(ACTIONS)})")
        if action == "regrade" and not (grade and GRADE.match(grade)):
            raise ArmstrackError(f"regrade needs a grade: a letter A–F and a digit 1–6, not {grade!r}")
        self.refresh()
        with unit_of_work(self.engine, write=True) as conn:
            claim_ids = queries.transfer_claims(conn, tid)
            if action == "merge":
                if not other or other == tid:
                    raise ArmstrackError("merge needs two different transfer ids")
                claim_ids += queries.transfer_claims(conn, other)
            elif action == "split":
                if not claims or set(claims) - set(claim_ids) or set(claims) == set(claim_ids):
                    raise ArmstrackError(f"split needs some, not all, of the claims of {tid}: {', '.join(claim_ids)}")
                claim_ids = sorted(claims)
            changes = {"grade": grade.upper()} if action == "regrade" and grade else None
            jid = queries.add_judgement(conn, action, tid, other, claim_ids, author, reason, changes)
            queries.mark_stale(conn, queries.pairs_of_claims(conn, claim_ids))
        self.refresh()
        return jid

    def judge_origins(self, action: str, tid: str, documents: Sequence[str], author: str = "cli",
                      reason: str = "") -> int:
        """Record an analyst's reading of a transfer's origins — join the origins of these documents into one
        (`join_origins`), or split these documents off into an origin of their own (`split_origin`) — and rebuild
        the transfer; returns the judgement id (for undo)."""
        if action not in ORIGIN_ACTIONS:
            raise ArmstrackError(f"unknown origin action {action!r} (use {', '.join(ORIGIN_ACTIONS)})")
        self.refresh()
        with unit_of_work(self.engine, write=True) as conn:
            t = queries.get_transfer(conn, tid)
            reports = {c["document_id"] for c in t["claims"]}
            wanted = sorted(set(documents))
            if not wanted or set(wanted) - reports:
                raise ArmstrackError(f"{action} needs documents of {tid}: {', '.join(sorted(reports))}")
            if action == "join_origins" and len({o["key"] or o["documents"][0] for o in t["origins"]
                                                 if set(o["documents"]) & set(wanted)}) < 2:
                raise ArmstrackError("join_origins needs documents of at least two origins")
            claim_ids = sorted(c["id"] for c in t["claims"] if c["document_id"] in wanted)
            jid = queries.add_judgement(conn, action, tid, None, claim_ids, author, reason, {"documents": wanted})
            queries.mark_stale(conn, queries.pairs_of_claims(conn, claim_ids))
        self.refresh()
        return jid

    def judge_claim(self, action: str, cid: str, changes: dict[str, Any] | None = None, author: str = "cli",
                    reason: str = "") -> int:
        """judge_claims of one claim."""
        return self.judge_claims(action, [cid], changes, author, reason)

    def judge_claims(self, action: str, cids: Sequence[str], changes: dict[str, Any] | None = None,
                     author: str = "cli", reason: str = "") -> int:
        """Record an analyst's review of claims — accept, reject, mark unsure (seen, no decision yet: out of the
        queue, kept in the log) or edit fields (`changes`) — as one judgement in one transaction, and rebuild the
        transfers it touches; returns the judgement id (one undo for all of them)."""
        if action not in CLAIM_ACTIONS:
            raise ArmstrackError(f"unknown claim action {action!r} (use {', '.join(CLAIM_ACTIONS)})")
        if not cids:
            raise ArmstrackError("no claim chosen: select at least one claim")
        changes = check_changes(changes or {}) if action == "edit_claim" else None
        if action == "edit_claim" and not changes:
            raise ArmstrackError("an edit needs at least one changed field: choose a stage or a status")
        ids = sorted(set(cids))
        self.refresh()
        with unit_of_work(self.engine, write=True) as conn:
            tids = {str(queries.get_claim(conn, cid)["transfer_id"] or "") for cid in ids}
            tid = tids.pop() if len(tids) == 1 else ""  # claims of several transfers: the judgement names none
            jid = queries.add_judgement(conn, action, tid, None, ids, author, reason, changes)
            queries.mark_stale(conn, self._pairs_touched(conn, ids, changes or {}))
        self.refresh()
        return jid

    def _pairs_touched(self, conn: Connection, claim_ids: Sequence[str], changes: dict[str, Any]) -> set[Pair]:
        """Pairs whose transfers a judgement on these claims changes: where they are stored and every pair
        a live edit has moved them to."""
        ids = set(claim_ids)
        moved = {p for j in queries.live_judgements(conn) if ids & set(j.claim_ids) for p in j.pairs()}
        edit = Judgement(0, "edit_claim", "", None, tuple(claim_ids), tuple(changes.items()))
        return queries.pairs_of_claims(conn, claim_ids) | moved | edit.pairs()

    def undo(self, jid: int) -> None:
        with unit_of_work(self.engine, write=True) as conn:
            claim_ids, changes = queries.undo_judgement(conn, jid)
            queries.mark_stale(conn, self._pairs_touched(conn, claim_ids, changes))
        self.refresh()

    def judgements(self) -> list[dict[str, Any]]:
        """Every judgement, undone ones included, kept in memory until the store changes (a judgement and its undo
        move the version)."""
        key = (self.store_version(), "judgements")
        if (hit := self._claims.get(key)) is not None:
            return hit[0]
        with unit_of_work(self.engine) as conn:
            rows = queries.list_judgements(conn)
        return self._claims.put(key, (rows, len(rows)))[0]

    def listing(self, f: queries.TransferFilter, version: int | None = None) -> Listing:
        """Summary rows of the transfers matching the filter (a page of them when it has a limit) and how many
        match in all, as the last rebuild left them (a pair waiting for its rebuild shows its previous
        transfers). Pages are served from memory while the transfers are unchanged: kept under the store `version`
        the caller read before (a request reads it once for all it shows), else under the one read here."""
        key = (self.store_version() if version is None else version, f)
        if (hit := self._listings.get(key)) is not None:
            return hit
        with unit_of_work(self.engine) as conn:
            rows = queries.list_summaries(conn, f)
            last = queries.last_page(rows, f.limit, f.offset)
            total = f.offset + len(rows) if last else min(self._matched(conn, key[0], f), queries.COUNT_CAP)
        return self._listings.put(key, (rows, total)) if f.limit is not None else (rows, total)  # pages only

    def kept_listing(self, f: queries.TransferFilter, version: int | None = None) -> Listing | None:
        """What `listing` would return when it is in memory and still current (one quick read, or none when the
        caller gives the store version it read), else None."""
        return self._listings.get((self.store_version() if version is None else version, f))

    def store_version(self) -> int:
        """What a reader keeps an answer under, until the next change of claims or transfers moves it: read on a
        connection of the store's own (db.DirectRead), as every request of a server reads it, on its event loop."""
        return int(self._version.scalar())

    def charts(self, f: queries.TransferFilter) -> Charts:
        """The network's supplier → recipient totals and the transfers per year for a filter, aggregated by the
        store (the network page never loads every transfer; it keeps what it draws, see web.network)."""
        with unit_of_work(self.engine) as conn:
            return queries.pair_totals(conn, f), queries.first_reported_years(conn, f)

    def claims(self, f: queries.ClaimFilter) -> Listing:
        """A page of claims and how many match (queries.list_claims), kept in memory until the store changes."""
        key = (self.store_version(), f)
        if (hit := self._claims.get(key)) is not None:
            return hit
        with unit_of_work(self.engine) as conn:
            return self._claims.put(key, queries.list_claims(conn, f))

    def claim(self, cid: str) -> dict[str, Any]:
        with unit_of_work(self.engine) as conn:
            return queries.get_claim(conn, cid)

    def documents(self, f: queries.DocumentFilter | None = None) -> Listing:
        """A page of documents and how many match (queries.list_documents), kept in memory until the store changes."""
        f = f or queries.DocumentFilter()
        key = (self.store_version(), f)
        if (hit := self._claims.get(key)) is not None:
            return hit
        with unit_of_work(self.engine) as conn:
            return self._claims.put(key, queries.list_documents(conn, f))

    def document(self, did: str) -> dict[str, Any]:
        with unit_of_work(self.engine) as conn:
            return queries.get_document(conn, did)

    def review_queue(self, f: queries.ReviewFilter | None = None) -> Listing:
        """A page of the claims to review (queries.review_queue) and how many there are, kept in memory until the
        store changes (every review rebuilds transfers, which moves the version)."""
        f = f or queries.ReviewFilter()
        key = (self.store_version(), f)
        if (hit := self._claims.get(key)) is not None:
            return hit
        with unit_of_work(self.engine) as conn:
            return self._claims.put(key, queries.review_queue(conn, f))

    def sources(self) -> list[dict[str, Any]]:
        with unit_of_work(self.engine) as conn:
            return queries.list_sources(conn)

    def source_counts(self) -> list[dict[str, Any]]:
        """Every publisher with its flags and its documents' and claims' counts (queries.source_counts), kept in
        memory until the store changes."""
        key = (self.store_version(), "sources")
        if (hit := self._claims.get(key)) is not None:
            return hit[0]
        with unit_of_work(self.engine) as conn:
            rows = queries.source_counts(conn)
            return self._claims.put(key, (rows, len(rows)))[0]

    def facets(self, f: queries.TransferFilter, version: int | None = None) -> queries.Facets:
        """The facet counts of the transfers matching a filter (queries.facet_counts), kept in memory until the
        store changes (under the `version` the caller read, as `listing`); the filter's page and sort do not change
        them. Asked for before the list's page, they give it its total."""
        f = replace(f, sort="-probability", limit=None, offset=0)
        version = self.store_version() if version is None else version
        if (hit := self._facets.get((version, f))) is not None:
            return hit
        with unit_of_work(self.engine) as conn:
            # a text filter's matches are counted in the pass that gathers their values: each pass reads every row
            known = self._counts.get((version, f)) if f.text else self._matched(conn, version, f)
            facets = queries.facet_counts(conn, f, known)
            self._counts.put((version, f), facets.matched)  # the list's total, when it comes after
            return self._facets.put((version, f), facets)

    def kept_facets(self, f: queries.TransferFilter, version: int) -> queries.Facets | None:
        """What `facets` would return for the store `version` when it is in memory, else None (no read)."""
        return self._facets.get((version, replace(f, sort="-probability", limit=None, offset=0)))

    def _matched(self, conn: Connection, version: int, f: queries.TransferFilter) -> int:
        """How many transfers match a filter, up to queries.FACET_COUNTED, kept in memory until the store changes:
        a list's total and its facets both read it, whatever the list's sort and page."""
        f = replace(f, sort="-probability", limit=None, offset=0)
        if (hit := self._counts.get((version, f))) is not None:
            return hit
        return self._counts.put((version, f), queries.count_transfers(conn, f, queries.FACET_COUNTED))

    def add_user(self, name: str, password: str, role: str) -> None:
        with unit_of_work(self.engine) as conn:
            accounts.add_user(conn, name, password, role)

    def authenticate(self, name: str, password: str) -> str | None:
        with unit_of_work(self.engine) as conn:
            return accounts.authenticate(conn, name, password)

    def role_of(self, name: str) -> str | None:
        with unit_of_work(self.engine) as conn:
            return accounts.role_of(conn, name)

    def sign_in(self, name: str, password: str, address: str, seconds: int) -> SignIn:
        """A new session when the password is right; when this account or address must wait, the answer comes
        before any password hashing, so throttled guesses cost the server nothing."""
        with unit_of_work(self.engine) as conn:
            wait = accounts.login_wait(conn, name, address)
        if wait:
            return SignIn(None, wait)
        if self.authenticate(name, password) is None:
            with unit_of_work(self.engine) as conn:
                accounts.login_failed(conn, name, address)
            return SignIn(None, 0)
        with unit_of_work(self.engine) as conn:
            accounts.login_succeeded(conn, name, address)
            return SignIn(accounts.start_session(conn, name, seconds), 0)

    def session_holder(self, sid: str) -> tuple[str, str] | None:
        """(user, role) of a live browser session, or None."""
        with unit_of_work(self.engine) as conn:
            return accounts.session_holder(conn, sid)

    def end_session(self, sid: str) -> None:
        with unit_of_work(self.engine) as conn:
            accounts.end_session(conn, sid)

    def issue_token(self, name: str, label: str) -> str:
        with unit_of_work(self.engine) as conn:
            return accounts.issue_token(conn, name, label)

    def token_holder(self, token: str) -> tuple[str, str] | None:
        """(user, role) of a live API token, or None."""
        with unit_of_work(self.engine) as conn:
            return accounts.token_holder(conn, token)

    # --- saved searches: a user's named transfer filters, and what each matches that is new or regraded since a time

    def save_search(self, user: str, name: str, filters: dict[str, str]) -> int:
        with unit_of_work(self.engine) as conn:
            return searches.save_search(conn, user, name, filters)

    def saved_searches(self, user: str) -> list[dict[str, Any]]:
        with unit_of_work(self.engine) as conn:
            return searches.user_searches(conn, user)

    def saved_search(self, sid: int, user: str | None = None) -> dict[str, Any]:
        """A saved search by id; with `user`, only that user's (NotFound otherwise)."""
        with unit_of_work(self.engine) as conn:
            return searches.get_search(conn, sid, user)

    def visit_search(self, sid: int, when: datetime) -> None:
        with unit_of_work(self.engine) as conn:
            searches.visit(conn, sid, when)

    def delete_search(self, sid: int, user: str) -> None:
        with unit_of_work(self.engine) as conn:
            searches.delete_search(conn, sid, user)

    def changes(self, f: queries.TransferFilter, since: datetime, limit: int = 100) -> list[dict[str, Any]]:
        """The transfers matching a filter that are new or regraded after `since`, the latest change first."""
        with unit_of_work(self.engine) as conn:
            return searches.changed_since(conn, f, since, limit)

    def count_changes(self, f: queries.TransferFilter, since: datetime) -> int:
        with unit_of_work(self.engine) as conn:
            return searches.count_changed(conn, f, since)
