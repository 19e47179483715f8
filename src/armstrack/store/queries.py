"""Reads and writes over a Connection: documents and claims in, transfers out. No transaction handling
here; callers wrap calls in db.unit_of_work."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Select,
    String,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)

from armstrack.errors import NotFound
from armstrack.model import (
    CATEGORIES,
    Claim,
    Extraction,
    Impact,
    Judgement,
    Quantity,
    Stage,
    Status,
    StoredClaim,
    StoredDocument,
    Transfer,
)
from armstrack.store.db import broad, common_text, dicts, sort_key, text_contains, upsert
from armstrack.store.fulltext import Query, matches
from armstrack.store.schema import (
    claim_transfers,
    claims,
    documents,
    grade_history,
    judgements,
    sources,
    stale_pairs,
    store_state,
    transfer_changes,
    transfers,
)

if TYPE_CHECKING:
    from armstrack.kb.loader import KnowledgeBase

Pair = tuple[str, str]  # (supplier, recipient), '' for unknown
Row = dict[str, Any]
STREAM_BATCH = 500  # rows fetched at a time when streaming a listing
# a listing counts its matches up to this many: "1,000 or more" is all a pager needs, and a count that stops there
# reads a bounded part of an index, not every transfer or claim a broad filter matches
COUNT_CAP = 1_000


def last_page(rows: Sequence[Row], limit: int | None, offset: int) -> bool:
    """Whether a page is its listing's last (not full, or all there is), so that its end is the total: nothing left
    to count."""
    return limit is None or (len(rows) < limit and (bool(rows) or not offset))


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Prints:
    """What origin detection keeps of a document's text, computed at ingest."""

    publisher: str | None
    sketch: tuple[int, ...]
    entities: tuple[str, ...]
    wire: str | None


def sync_sources(conn: Connection, kb: KnowledgeBase) -> None:
    """Copy the source registry into the store so the API and exports can join on it."""
    rows = [{"id": s.id, "name": s.name, "domains": list(s.domains), "country": s.country, "wire": s.wire,
             "state_affiliated": s.state_affiliated, "sanctioned": bool(s.sanctions), "reliability": s.reliability}
            for s in sorted(kb.sources.values(), key=lambda s: s.id)]
    upsert(conn, sources, rows, ["id"])


def stored_versions(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """document id → (content hash, extractor version) for the ids already stored."""
    out: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        q = select(documents.c.id, documents.c.content_hash, documents.c.extractor_version).where(
            documents.c.id.in_(ids[i:i + 500]))
        out.update({r.id: (r.content_hash, r.extractor_version) for r in conn.execute(q)})
    return out


def save_extractions(conn: Connection, items: Sequence[tuple[Extraction, Prints]], version: str) -> int:
    """Store documents and their claims (replacing what an earlier extraction stored); mark pairs stale."""
    ids = [e.document.id for e, _ in items]
    old_pairs = _pairs_of(conn, select(claims.c.supplier, claims.c.recipient).where(claims.c.document_id.in_(ids)))
    conn.execute(delete(claims).where(claims.c.document_id.in_(ids)))
    fetched = now()
    upsert(conn, documents, [_document_row(e, p, version, fetched) for e, p in items], ["id"])
    rows = [_claim_row(c, e, version) for e, _ in items for c in e.claims]
    upsert(conn, claims, rows, ["id"])
    mark_stale(conn, old_pairs | {(r["supplier"] or "", r["recipient"] or "") for r in rows})
    bump_version(conn)  # the claims changed: kept claim listings and review pages are out of date
    return len(rows)


def _document_row(e: Extraction, p: Prints, version: str, fetched: datetime) -> Row:
    d = e.document
    return {"id": d.id, "content_hash": d.content_id(d.text), "url": d.url, "language": e.language,
            "published": d.published, "fetched": fetched, "source_name": d.source_name, "publisher": p.publisher,
            "text": d.text, "extractor_version": version, "note": e.note, "sketch": list(p.sketch),
            "entities": list(p.entities), "wire": p.wire}


def _claim_row(c: Claim, e: Extraction, version: str) -> Row:
    j = c.to_json(e.document.text, e.document.id)
    q = c.quantity
    return {"id": j["id"], "document_id": e.document.id, "supplier": c.supplier, "recipient": c.recipient,
            "item": c.item, "system_id": c.system_id, "category": c.category, "item_mentions": j["item_mentions"],
            "quantity_value": q.value if q else None, "quantity_qualifier": q.qualifier if q else None,
            "quantity_max": q.max if q else None, "stage": c.stage.value, "status": c.status.value,
            "period": c.when, "attributed_to": j["attributed_to"], "evidence": j["evidence"],
            "evidence_spans": j["evidence_spans"], "route": c.route, "carrier": c.carrier,
            "confidence": j["confidence"], "extractor_version": version, "published": e.document.published,
            "denied_by": list(c.denial[0]) if c.denial else None,
            "denial": e.document.text[c.denial[1][0]:c.denial[1][1]] if c.denial else None}


def _pairs_of(conn: Connection, query: Any) -> set[Pair]:
    return {(r[0] or "", r[1] or "") for r in conn.execute(query)}


def mark_stale(conn: Connection, pairs: Iterable[Pair]) -> None:
    upsert(conn, stale_pairs, [{"supplier": s, "recipient": r} for s, r in sorted(pairs)],
           ["supplier", "recipient"], update=False)


def store_version(conn: Connection) -> int:
    """The store version, bumped by every change of claims (ingest), judgements or transfers (rebuild), in the
    transaction that makes it: what a reader keeps an answer under, until the version moves, and what a rebuild made
    outside the write lock checks before it writes (App.refresh)."""
    return int(conn.execute(select(store_state.c.transfers_version).where(store_state.c.id == 1)).scalar_one())


# the same read as store_version, for a db.DirectRead (a server reads it on every request)
STORE_VERSION_SQL = "SELECT transfers_version FROM store_state WHERE id = 1"


def bump_version(conn: Connection) -> None:
    conn.execute(update(store_state).where(store_state.c.id == 1).values(
        transfers_version=store_state.c.transfers_version + 1))


def stale(conn: Connection) -> set[Pair]:
    return _pairs_of(conn, select(stale_pairs.c.supplier, stale_pairs.c.recipient))


def inconsistent_pairs(conn: Connection) -> set[Pair]:
    """Pairs whose transfers disagree with their claims: a claim in no transfer (unless an analyst rejected
    it) or in a transfer that is gone, and a transfer whose report count is not its claims' documents."""
    rejected = {c for c, action in reviewed_claims(conn).items() if action == "reject_claim"}
    orphans = (select(claims.c.id, claims.c.supplier, claims.c.recipient)
               .outerjoin(claim_transfers).outerjoin(transfers, transfers.c.id == claim_transfers.c.transfer_id)
               .where(transfers.c.id.is_(None)))
    out = {(r.supplier or "", r.recipient or "") for r in conn.execute(orphans) if r.id not in rejected}
    counted = (select(transfers.c.supplier, transfers.c.recipient)
               .outerjoin(claim_transfers, claim_transfers.c.transfer_id == transfers.c.id)
               .outerjoin(claims, claims.c.id == claim_transfers.c.claim_id)
               .group_by(transfers.c.id, transfers.c.supplier, transfers.c.recipient, transfers.c.reports)
               .having(func.count(func.distinct(claims.c.document_id)) != transfers.c.reports))
    return out | _pairs_of(conn, counted)


def _pair_filter(pairs: set[Pair]) -> Any:
    return or_(*(and_(func.coalesce(claims.c.supplier, "") == s, func.coalesce(claims.c.recipient, "") == r)
                 for s, r in sorted(pairs)))


def live_judgements(conn: Connection) -> list[Judgement]:
    q = select(judgements).where(judgements.c.undone.is_(None)).order_by(judgements.c.id)
    return [Judgement(r.id, r.action, r.transfer_id, r.other_id, tuple(r.claim_ids),
                      tuple(sorted((r.changes or {}).items()))) for r in conn.execute(q)]


def load_scope(conn: Connection, pairs: set[Pair]) -> tuple[list[StoredClaim], dict[str, StoredDocument],
                                                             list[Judgement], set[Pair]]:
    """The claims of these pairs, widened to every pair a live judgement ties them to."""
    judged = live_judgements(conn)
    scope: set[Pair] = set(pairs)
    loaded: dict[str, StoredClaim] = {}
    todo = set(pairs)
    while todo:
        ordered = sorted(todo)
        for i in range(0, len(ordered), 200):
            q = select(claims, documents.c.language).join(documents).where(
                _pair_filter(set(ordered[i:i + 200])))
            loaded.update({r.id: _stored_claim(r) for r in conn.execute(q)})
        ids = set(loaded)
        touching = [j for j in judged if ids.intersection(j.claim_ids) or j.pairs() & scope]
        linked = {c for j in touching for c in j.claim_ids} - ids
        moved = {p for j in touching for p in j.pairs()}  # an edit that moved a claim to another pair
        todo = (moved | (pairs_of_claims(conn, sorted(linked)) if linked else set())) - scope
        scope |= todo
    doc_ids = sorted({c.document_id for c in loaded.values()})
    docs: dict[str, StoredDocument] = {}
    for i in range(0, len(doc_ids), 500):
        q = select(documents.c.id, documents.c.publisher, documents.c.url, documents.c.language,
                   documents.c.published, documents.c.sketch, documents.c.entities, documents.c.wire).where(
            documents.c.id.in_(doc_ids[i:i + 500]))
        docs.update({r.id: StoredDocument(r.id, r.publisher, r.url, r.language, r.published, tuple(r.sketch),
                                          tuple(r.entities), r.wire) for r in conn.execute(q)})
    ids = set(loaded)
    return sorted(loaded.values(), key=lambda c: c.id), docs, [
        j for j in judged if ids.intersection(j.claim_ids) or j.pairs() & scope], scope


def _stored_claim(r: Any) -> StoredClaim:
    q = Quantity(r.quantity_value, r.quantity_qualifier, r.quantity_max) if r.quantity_value is not None else None
    return StoredClaim(r.id, r.document_id, r.supplier, r.recipient, r.item, r.category, r.system_id, q,
                       Stage(r.stage), Status(r.status), r.period, tuple(r.attributed_to), r.evidence, r.published,
                       r.language, tuple(r.denied_by or ()), r.denial)


def replace_transfers(conn: Connection, scope: set[Pair], claim_ids: Sequence[str], built: Sequence[Transfer]) -> None:
    """Swap the transfers of a scope for freshly built ones; grade history grows only when a grade moves."""
    old = {r[0] for chunk in _chunks(list(claim_ids)) for r in conn.execute(
        select(claim_transfers.c.transfer_id).where(claim_transfers.c.claim_id.in_(chunk)))}
    in_scope = or_(*(and_(func.coalesce(transfers.c.supplier, "") == s, func.coalesce(transfers.c.recipient, "") == r)
                     for s, r in sorted(scope))) if scope else None
    if in_scope is not None:
        old |= {r[0] for r in conn.execute(select(transfers.c.id).where(in_scope))}
    for chunk in _chunks(sorted(old)):
        conn.execute(delete(transfers).where(transfers.c.id.in_(chunk)))
        conn.execute(delete(claim_transfers).where(claim_transfers.c.transfer_id.in_(chunk)))
    upsert(conn, transfers, [transfer_row(t) for t in built], ["id"])
    upsert(conn, claim_transfers, [{"claim_id": i.claim_id, "transfer_id": t.id, "impact": abs(i.delta),
                                    "grade_without": i.grade_without} for t in built for i in _impacts(t)],
           ["claim_id"])
    _grow_history(conn, built)
    _record_changes(conn, built)
    for s, r in sorted(scope):
        conn.execute(delete(stale_pairs).where(and_(stale_pairs.c.supplier == s, stale_pairs.c.recipient == r)))
    bump_version(conn)


def _impacts(t: Transfer) -> Sequence[Impact]:
    """Each claim's impact, none for a transfer built without them (every claim then moves nothing)."""
    return t.impacts or [Impact(c, 0.0, t.grade.code) for c in t.claim_ids]


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _grow_history(conn: Connection, built: Sequence[Transfer]) -> None:
    """A history row for each transfer whose grade (the one it has, or the computed one under it), probability or
    counts moved since its last row."""
    latest: dict[str, tuple[Any, ...]] = {}
    for chunk in _chunks([t.id for t in built]):
        last = select(grade_history.c.transfer_id, func.max(grade_history.c.id).label("id")).where(
            grade_history.c.transfer_id.in_(chunk)).group_by(grade_history.c.transfer_id).subquery()
        q = select(grade_history).join(last, grade_history.c.id == last.c.id)
        latest.update({r.transfer_id: (r.grade, r.computed_grade, r.regrade_judgement, r.probability, r.reports,
                                       r.independent_origins) for r in conn.execute(q)})
    computed = now()
    rows = [{"transfer_id": t.id, "grade": t.effective_grade, "computed_grade": t.grade.code,
             "regrade_judgement": t.regrade.judgement if t.regrade else None, "probability": t.grade.probability,
             "explanation": list(t.grade.reasons), "reports": t.reports,
             "independent_origins": t.independent_origins, "computed": computed}
            for t in built if latest.get(t.id) != (t.effective_grade, t.grade.code,
                                                     t.regrade.judgement if t.regrade else None, t.grade.probability,
                                                     t.reports, t.independent_origins)]
    if rows:
        conn.execute(insert(grade_history), rows)


def grade_changes(known: dict[str, str], built: Sequence[Transfer], when: datetime) -> list[Row]:
    """transfer_changes rows to write for freshly built transfers, given the grade each known one had (the grade it
    has: an analyst's, else the computed one): a new transfer is first seen now, a known one whose grade moved
    changed now, the others keep their row."""
    return [{"transfer_id": t.id, "grade": t.effective_grade, "changed": when}
            | ({"first_seen": when} if t.id not in known else {})
            for t in built if known.get(t.id) != t.effective_grade]


def _record_changes(conn: Connection, built: Sequence[Transfer]) -> None:
    known: dict[str, str] = {}
    for chunk in _chunks([t.id for t in built]):
        known.update({r.transfer_id: r.grade for r in conn.execute(
            select(transfer_changes.c.transfer_id, transfer_changes.c.grade)
            .where(transfer_changes.c.transfer_id.in_(chunk)))})
    rows = grade_changes(known, built, now())
    if new := [r for r in rows if "first_seen" in r]:
        conn.execute(insert(transfer_changes), new)
    if moved := [{"tid": r["transfer_id"], "g": r["grade"], "c": r["changed"]} for r in rows if "first_seen" not in r]:
        conn.execute(update(transfer_changes).where(transfer_changes.c.transfer_id == bindparam("tid"))
                     .values(grade=bindparam("g"), changed=bindparam("c")), moved)


def transfer_row(t: Transfer) -> Row:
    return {
        "id": t.id, "supplier": t.supplier, "recipient": t.recipient, "item": t.item, "category": t.category,
        "items": list(t.items), "stage": t.stage.value,
        "timeline": [{"stage": e.stage.value, "when": e.when, "claim_id": e.claim_id,
                      "quantity": e.quantity.to_json() if e.quantity else None, "others": list(e.others)}
                     for e in t.timeline],
        "quantity_min": t.quantity_min, "quantity_max": t.quantity_max, "first_reported": t.first_reported,
        "last_reported": t.last_reported, "reports": t.reports, "independent_origins": t.independent_origins,
        "origins": [{"label": o.label, "source_id": o.source_id, "documents": list(o.documents),
                     "reasons": list(o.reasons), "key": o.key, "joined": dict(o.joined)} for o in t.origins],
        "reliability": t.effective_grade[0], "credibility": int(t.effective_grade[1]), "computed_grade": t.grade.code,
        "regrade_judgement": t.regrade.judgement if t.regrade else None, "probability": t.grade.probability,
        "explanation": list(t.grade.reasons), "rejected": t.rejected, "claim_ids": list(t.claim_ids),
        "joins": list(t.joins),
        "search": " ".join([t.item, *t.items, t.supplier or "", t.recipient or "", t.category]).casefold(),
    }


# sort key → the columns it orders by; "grade" is the Admiralty code as read, A1 first (reliability, then credibility)
TRANSFER_SORTS = {"grade": (transfers.c.reliability, transfers.c.credibility),
                  "probability": (transfers.c.probability,), "last_reported": (transfers.c.last_reported,),
                  "first_reported": (transfers.c.first_reported,), "reports": (transfers.c.reports,),
                  "independent_origins": (transfers.c.independent_origins,), "item": (transfers.c.item,),
                  "supplier": (transfers.c.supplier,), "recipient": (transfers.c.recipient,)}
DEFAULT_SORT = "grade"


@dataclass(frozen=True)
class TransferFilter:
    supplier: str | None = None
    recipient: str | None = None
    party: str | None = None  # supplier or recipient: "anything to or from IRN"
    item: str | None = None
    category: str | None = None
    stage: str | None = None
    since: str | None = None  # last reported on or after this ISO prefix
    until: str | None = None  # first reported on or before this ISO prefix
    min_grade: str | None = None  # "C3": reliability C or better and credibility 3 or better
    grade: str | None = None  # "C3": exactly (a facet's value)
    text: str | None = None  # free text over item, parties and category
    words: Query | None = None  # full text of the reports the transfer's claims come from (store.fulltext)
    include_rejected: bool = False
    sort: str = DEFAULT_SORT  # a TRANSFER_SORTS key, "-" for descending; ties: the latest report first
    limit: int | None = None
    offset: int = 0


def _transfer_conditions(f: TransferFilter, common: bool = False) -> list[Any]:
    """The filter's conditions; `common`: its text is in so many transfers that no index lookup is worth it."""
    c = transfers.c
    where: list[Any] = []
    if f.supplier:
        where.append(c.supplier == _party_code(f.supplier))
    if f.recipient:
        where.append(c.recipient == _party_code(f.recipient))
    if f.party:
        where.append(or_(c.supplier == _party_code(f.party), c.recipient == _party_code(f.party)))
    if f.item:
        where.append(func.lower(c.item).contains(f.item.lower(), autoescape=True))
    if f.category:
        where.append(c.category == f.category)
    if f.stage:
        where.append(c.stage == f.stage)
    if f.since:
        where.append(broad(c.last_reported >= f.since))
    if f.until:
        where.append(broad(c.first_reported <= f.until + "\uffff"))  # "2023" covers every date in 2023
    if f.min_grade:
        where += [broad(c.reliability <= f.min_grade[0].upper()), broad(c.credibility <= int(f.min_grade[1:]))]
    if f.grade:
        where += [c.reliability == f.grade[0].upper(), c.credibility == int(f.grade[1:])]
    if f.text:
        where.append(text_contains(transfers, c.search.contains(f.text.casefold(), autoescape=True), f.text, common))
    if f.words:
        # a transfer any of whose claims comes from a report whose text matches (the documents' full-text index)
        reported = select(documents.c.id).where(matches(documents, f.words))
        where.append(c.id.in_(select(claim_transfers.c.transfer_id)
                              .join(claims, claims.c.id == claim_transfers.c.claim_id)
                              .where(claims.c.document_id.in_(reported))))
    if not f.include_rejected:
        where.append(c.rejected.is_(False))
    return where


def _transfer_order(f: TransferFilter) -> list[Any]:
    key, descending = f.sort.lstrip("-"), f.sort.startswith("-")
    if key not in TRANSFER_SORTS:
        raise ValueError(f"unknown sort {f.sort!r} (use {', '.join(TRANSFER_SORTS)}, '-' for descending)")
    return [*(sort_key(column, descending) for column in TRANSFER_SORTS[key]),
            sort_key(transfers.c.last_reported, True), transfers.c.id]


def list_transfers(conn: Connection, f: TransferFilter) -> list[Row]:
    """Transfers matching the filter, sorted (by default by grade, A1 first, then the latest report first)."""
    return list(iter_transfers(conn, f))


# a listing row: what a list shows of a transfer; its timeline, origins, reasons and claims are on its own page
SUMMARY = [c for c in transfers.c if c.name not in ("timeline", "origins", "explanation", "claim_ids", "search",
                                                   "joins")]


def list_summaries(conn: Connection, f: TransferFilter) -> list[Row]:
    """list_transfers with summary rows: the page's ids picked from the narrow listing index, which carries every
    sort key and filtered column (in another order than its own, the index is sorted, not the rows), joined to their
    rows in the same statement, which sorts only the page's rows again. One statement and one row fetched per
    transfer shown: under load each row fetched waits its turn for the interpreter."""
    page = transfers_query(f, [transfers.c.id], common_text(conn, transfers, f.text)).subquery("page")
    q = select(*SUMMARY).join_from(page, transfers, transfers.c.id == page.c.id).order_by(*_transfer_order(f))
    return [_with_grade(r) for r in dicts(conn.execute(q))]


def transfers_query(f: TransferFilter, columns: Sequence[Any] = (transfers,), common: bool = False) -> Select[Any]:
    """The SELECT behind list_transfers, list_summaries and iter_transfers."""
    q = select(*columns).where(*_transfer_conditions(f, common)).order_by(*_transfer_order(f))
    return q.limit(f.limit).offset(f.offset) if f.limit else q.offset(f.offset)


def _with_grade(row: Row) -> Row:
    row["grade"] = f"{row['reliability']}{row['credibility']}"
    return row


def count_query(f: TransferFilter, common: bool = False, cap: int = COUNT_CAP) -> Select[Any]:
    """How many transfers match, counting no further than `cap`."""
    matching: Select[Any] = select(literal_column("1")).select_from(transfers).where(*_transfer_conditions(f, common))
    return select(func.count()).select_from(matching.limit(cap).subquery())


def iter_transfers(conn: Connection, f: TransferFilter) -> Iterator[Row]:
    """list_transfers, streamed from the database in batches (for exports of any size)."""
    for row in dicts(conn.execution_options(yield_per=STREAM_BATCH).execute(transfers_query(f))):
        del row["search"]  # the free-text filter's column, not data
        yield _with_grade(row)


def iter_claims(conn: Connection, f: TransferFilter) -> Iterator[Row]:
    """The claims of the transfers matching the filter, each with its transfer id and its document's url,
    publication date, language and publisher; streamed, ordered by transfer (as listed) then claim id."""
    q = (select(claims, claim_transfers.c.transfer_id, documents.c.url, documents.c.language,
                documents.c.source_name, documents.c.publisher)
         .join(documents, claims.c.document_id == documents.c.id)
         .join(claim_transfers, claim_transfers.c.claim_id == claims.c.id)
         .join(transfers, transfers.c.id == claim_transfers.c.transfer_id)
         .where(*_transfer_conditions(f)).order_by(*_transfer_order(f), claims.c.id))
    yield from dicts(conn.execution_options(yield_per=STREAM_BATCH).execute(q))


@dataclass(frozen=True)
class PairTotal:
    supplier: str
    recipient: str
    transfers: int
    weight: float  # summed probability of each transfer's grade: credible transfers weigh more
    category: str = "other"  # the category most of the pair's transfers are in (the network colours edges by it)


def pair_totals(conn: Connection, f: TransferFilter) -> list[PairTotal]:
    """Per supplier → recipient pair, the matching transfers: how many, their summed probability and their main
    category (the most transfers; on a tie the first in CATEGORIES). A transfer an analyst regraded weighs what its
    grade stands for (an A1 weighs as an A1), the others their computed probability: one row per pair, category
    and analyst's grade, never one per transfer."""
    from armstrack.transfers.credibility import grade_probability

    c = transfers.c
    regraded = c.regrade_judgement.is_not(None)
    q = (select(c.supplier, c.recipient, c.category, regraded, c.reliability, c.credibility, func.count(),
                func.sum(c.probability))
         .where(*_transfer_conditions(f), c.supplier.is_not(None), c.recipient.is_not(None))
         .group_by(c.supplier, c.recipient, c.category, regraded, c.reliability, c.credibility)
         .order_by(sort_key(c.supplier), sort_key(c.recipient)))
    rows = ((s, r, cat, int(n), int(n) * grade_probability(letter, int(cred)) if is_regraded else float(w or 0))
            for s, r, cat, is_regraded, letter, cred, n, w in conn.execute(q))
    return fold_categories(rows)


def fold_categories(rows: Iterable[tuple[str, str, str, int, float]]) -> list[PairTotal]:
    """(supplier, recipient, category, transfers, weight) rows, in pair order, as one total per pair."""
    out: list[PairTotal] = []
    rank = {cat: i for i, cat in enumerate(CATEGORIES)}
    for (s, r), group in groupby(rows, key=lambda row: (row[0], row[1])):
        parts = list(group)
        per_category = Counter[str]()
        for p in parts:
            per_category[p[2]] += p[3]
        main = min(per_category, key=lambda cat: (-per_category[cat], rank.get(cat, len(rank)), cat))
        out.append(PairTotal(s, r, sum(p[3] for p in parts), sum(p[4] for p in parts), main))
    return out


def first_reported_years(conn: Connection, f: TransferFilter) -> dict[str, int]:
    """How many matching transfers were first reported in each year ("" for those with no date)."""
    year = func.substr(transfers.c.first_reported, 1, 4)
    q = select(year, func.count()).where(*_transfer_conditions(f)).group_by(year)
    return {str(y or ""): int(n) for y, n in conn.execute(q)}


def count_transfers(conn: Connection, f: TransferFilter, cap: int = COUNT_CAP) -> int:
    """How many transfers match, up to `cap` (which then means "or more")."""
    return int(conn.execute(count_query(f, common_text(conn, transfers, f.text), cap)).scalar_one())


FACETS = ("supplier", "recipient", "category", "stage", "grade")  # what a transfers list counts its rows by
FACET_VALUES = 12  # values shown per facet, the most frequent first
FACET_SEPARATOR = "\n"  # between a facet's values as the database gathers them (no party, category or grade has one)
# rows a facet count reads at most, in the listing's order (an index walk): a broad filter's counts are then those of
# its first FACET_ROWS transfers, and say so, as a count stops at COUNT_CAP
FACET_ROWS = 5_000
FACET_COUNTED = FACET_ROWS + 1  # how far a count goes that tells whether the facets are capped (and a list's total)


@dataclass(frozen=True)
class Facets:
    counts: dict[str, list[tuple[str, int]]]  # facet → its most frequent values and their counts ('' for unknown)
    capped: bool  # more transfers match than were counted (FACET_ROWS)
    matched: int  # how many transfers match, up to FACET_COUNTED (count_transfers)


def facet_counts(conn: Connection, f: TransferFilter, matched: int | None = None) -> Facets:
    """Per facet, its most frequent values among the transfers matching the filter, of which there are `matched` (as
    count_transfers(…, FACET_COUNTED) gives; None: counted here, in the pass that gathers the values, which is
    cheaper where each pass reads every row the filter looks at, as a text filter's does). Up to FACET_ROWS matches,
    every match is counted, read through whichever index suits the filter; past that, the first FACET_ROWS in the
    listing's own order (a walk of the listing index that stops there), and the answer says so. The database hands
    each facet's values over as one string (one row, not one per transfer: under load every row fetched waits its
    turn for the interpreter), counted here."""
    c = transfers.c
    common = common_text(conn, transfers, f.text)
    values = [func.coalesce(c.supplier, "").label("supplier"), func.coalesce(c.recipient, "").label("recipient"),
              c.category, c.stage, c.reliability.concat(cast(c.credibility, String)).label("grade")]

    def gathered(rows: Select[Any]) -> tuple[int, list[str | None]]:
        """How many rows, and each facet's values among them as one string."""
        counted = rows.subquery()
        n, *joined = conn.execute(select(func.count(), *(func.aggregate_strings(counted.c[name], FACET_SEPARATOR)
                                                         for name in FACETS))).one()
        return int(n), joined

    everything = select(*values).where(*_transfer_conditions(f, common))
    joined: list[str | None] | None = None
    if matched is None:
        matched, joined = gathered(everything.limit(FACET_COUNTED))
    capped = matched > FACET_ROWS
    if capped:
        _, joined = gathered(transfers_query(replace(f, sort=DEFAULT_SORT, limit=FACET_ROWS, offset=0), values, common))
    elif joined is None:
        _, joined = gathered(everything)
    tallies = {name: Counter(value.split(FACET_SEPARATOR) if value is not None else ())
               for name, value in zip(FACETS, joined, strict=True)}
    # ranked here, ties by value, so both databases give the same order
    return Facets({name: sorted(t.items(), key=lambda vn: (-vn[1], vn[0]))[:FACET_VALUES]
                   for name, t in tallies.items()}, capped, matched)


def _party_code(code: str) -> str:
    return code if code.startswith("ORG:") else code.upper()  # "irn" → IRN; "ORG:Hezbollah" stays


def get_transfer(conn: Connection, tid: str) -> Row:
    """One transfer with its claims and each claim's document, for the evidence trail."""
    row = conn.execute(select(transfers).where(transfers.c.id == tid)).first()
    if row is None:
        raise NotFound(f"no transfer {tid!r}")
    out = _with_grade({k: v for k, v in row._mapping.items() if k != "search"})
    q = select(claims, documents.c.url, documents.c.language, documents.c.source_name,
               documents.c.publisher).join(documents).join(claim_transfers).where(
        claim_transfers.c.transfer_id == tid).order_by(sort_key(claims.c.published), claims.c.id)
    out["claims"] = list(dicts(conn.execute(q)))
    out["history"] = list(dicts(conn.execute(
        select(grade_history).where(grade_history.c.transfer_id == tid).order_by(grade_history.c.id))))
    return out


def merged_into(conn: Connection, tid: str) -> str | None:
    """The transfer a live merge took a transfer that is gone into, following later merges of that one in turn;
    None when no live merge did (an undone merge gives the transfer back, so its id answers again)."""
    seen = {tid}
    current = tid
    while True:
        into = conn.execute(select(judgements.c.transfer_id).where(
            judgements.c.action == "merge", judgements.c.other_id == current, judgements.c.undone.is_(None))
            .order_by(judgements.c.id.desc()).limit(1)).scalar()
        if into is None or into in seen:
            return None
        if conn.execute(select(transfers.c.id).where(transfers.c.id == into)).first() is not None:
            return str(into)
        seen.add(into)
        current = into


PAIR_TRANSFERS = 200  # a pair's transfers weighed as merge candidates, the most probable first


def pair_transfers(conn: Connection, supplier: str | None, recipient: str | None) -> list[Row]:
    """Summary rows of the transfers of one supplier and recipient (unknown parties match unknown), not rejected."""
    c = transfers.c
    q = (select(*SUMMARY).where(c.supplier.is_(None) if supplier is None else c.supplier == supplier,
                                c.recipient.is_(None) if recipient is None else c.recipient == recipient,
                                c.rejected.is_(False))
         .order_by(c.probability.desc(), c.id).limit(PAIR_TRANSFERS))
    return [_with_grade(r) for r in dicts(conn.execute(q))]


def transfer_claims(conn: Connection, tid: str) -> list[str]:
    ids = [r[0] for r in conn.execute(select(claim_transfers.c.claim_id).where(claim_transfers.c.transfer_id == tid))]
    if not ids:
        raise NotFound(f"no transfer {tid!r}")
    return sorted(ids)


def add_judgement(conn: Connection, action: str, tid: str, other: str | None, claim_ids: Sequence[str],
                  author: str, reason: str, changes: dict[str, Any] | None = None) -> int:
    res = conn.execute(insert(judgements).values(action=action, transfer_id=tid, other_id=other,
                                                 claim_ids=list(claim_ids), changes=changes, author=author,
                                                 reason=reason, created=now()))
    bump_version(conn)  # what transfers are built from changed: a rebuild read before it must not be written
    return int(res.inserted_primary_key[0])  # type: ignore[index]


def undo_judgement(conn: Connection, jid: int) -> tuple[list[str], dict[str, Any]]:
    """Mark a judgement undone; return the claim ids it was about and the changes it made."""
    row = conn.execute(select(judgements).where(judgements.c.id == jid, judgements.c.undone.is_(None))).first()
    if row is None:
        raise NotFound(f"no live judgement {jid}")
    conn.execute(update(judgements).where(judgements.c.id == jid).values(undone=now()))
    bump_version(conn)
    return list(row.claim_ids), dict(row.changes or {})


def pairs_of_claims(conn: Connection, claim_ids: Sequence[str]) -> set[Pair]:
    out: set[Pair] = set()
    for chunk in _chunks(list(claim_ids)):
        out |= _pairs_of(conn, select(claims.c.supplier, claims.c.recipient).where(claims.c.id.in_(chunk)))
    return out


def list_judgements(conn: Connection) -> list[Row]:
    return list(dicts(conn.execute(select(judgements).order_by(judgements.c.id))))


@dataclass(frozen=True)
class ClaimFilter:
    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    category: str | None = None
    stage: str | None = None
    status: str | None = None
    language: str | None = None
    since: str | None = None  # document published on or after
    until: str | None = None  # document published on or before
    text: str | None = None  # free text in the evidence
    query: Query | None = None  # full text in the evidence (store.fulltext)
    document_id: str | None = None
    limit: int | None = 50
    offset: int = 0


def _claim_conditions(f: ClaimFilter, common: bool = False) -> list[Any]:
    """The filter's conditions (only `language` reads the documents table); `common`: as _transfer_conditions."""
    c = claims.c
    where: list[Any] = []
    for col, value in ((c.supplier, f.supplier), (c.recipient, f.recipient)):
        if value:
            where.append(col == _party_code(value))
    for col, value in ((c.category, f.category), (c.stage, f.stage), (c.status, f.status),
                       (documents.c.language, f.language), (c.document_id, f.document_id)):
        if value:
            where.append(col == value)
    if f.item:
        where.append(func.lower(c.item).contains(f.item.lower(), autoescape=True))
    if f.since:
        where.append(c.published >= f.since)
    if f.until:
        where.append(c.published <= f.until + "\uffff")
    if f.text:
        where.append(text_contains(claims, func.lower(c.evidence).contains(f.text.lower(), autoescape=True), f.text,
                                   common))
    if f.query is not None:
        where.append(matches(claims, f.query))
    return where


CLAIM_COLUMNS = (claims, documents.c.url, documents.c.language, documents.c.source_name, documents.c.publisher,
                 claim_transfers.c.transfer_id)


def claims_query(f: ClaimFilter, common: bool = False) -> Select[Any]:
    """The claims of a filter with their document's metadata and transfer, newest documents first: an index walk
    (the claims carry their document's date) that stops after the page."""
    q = (select(*CLAIM_COLUMNS).join(documents).outerjoin(claim_transfers).where(*_claim_conditions(f, common))
         .order_by(sort_key(claims.c.published, True), claims.c.id))
    return q.limit(f.limit).offset(f.offset) if f.limit else q.offset(f.offset)


def claims_count_query(f: ClaimFilter, common: bool = False) -> Select[Any]:
    """How many claims match, counting no further than COUNT_CAP."""
    matching: Select[Any] = select(literal_column("1")).select_from(claims).where(*_claim_conditions(f, common))
    if f.language:
        matching = matching.join(documents)
    return select(func.count()).select_from(matching.limit(COUNT_CAP).subquery())


def list_claims(conn: Connection, f: ClaimFilter) -> tuple[list[Row], int]:
    """claims_query's rows, and how many match in all, counted up to COUNT_CAP (which then means "or more")."""
    common = common_text(conn, claims, f.text)
    rows = list(dicts(conn.execute(claims_query(f, common))))
    if last_page(rows, f.limit, f.offset):
        return rows, f.offset + len(rows)
    return rows, int(conn.execute(claims_count_query(f, common)).scalar_one())


def get_claim(conn: Connection, cid: str) -> Row:
    row = conn.execute(select(*CLAIM_COLUMNS).join(documents).outerjoin(claim_transfers).where(
        claims.c.id == cid)).first()
    if row is None:
        raise NotFound(f"no claim {cid!r}")
    return dict(row._mapping)


DOCUMENT_SUMMARY = (documents.c.id, documents.c.url, documents.c.language, documents.c.published,
                    documents.c.fetched, documents.c.source_name, documents.c.publisher, documents.c.note)
LEAD = 300  # characters of a document's text a listing shows when no search query picks its place


@dataclass(frozen=True)
class DocumentFilter:
    language: str | None = None
    publisher: str | None = None  # a source registry id, or the publisher's name as stored
    has_claims: bool | None = None  # None: either
    query: Query | None = None  # full-text (store.fulltext)
    limit: int | None = 50
    offset: int = 0


def _document_conditions(f: DocumentFilter) -> list[Any]:
    has = exists().where(claims.c.document_id == documents.c.id)
    where: list[Any] = [documents.c[k] == v for k, v in (("language", f.language), ("publisher", f.publisher)) if v]
    if f.has_claims is not None:
        where.append(has if f.has_claims else ~has)
    if f.query is not None:
        where.append(matches(documents, f.query))
    return where


def documents_query(f: DocumentFilter) -> Select[Any]:
    """A page of documents, newest first (an index walk unless a search picks the rows), each with how many claims
    it gave, and its text when a search asks for the place of its hits (else the start of it)."""
    n = select(func.count()).where(claims.c.document_id == documents.c.id).scalar_subquery()
    text = documents.c.text if f.query is not None else func.substr(documents.c.text, 1, LEAD)
    q = (select(*DOCUMENT_SUMMARY, n.label("claims"), text.label("text")).where(*_document_conditions(f))
         .order_by(sort_key(documents.c.published, True), documents.c.id))
    return q.limit(f.limit).offset(f.offset) if f.limit else q.offset(f.offset)


def list_documents(conn: Connection, f: DocumentFilter) -> tuple[list[Row], int]:
    """documents_query's rows, and how many match, counted up to COUNT_CAP (which then means "or more")."""
    rows = list(dicts(conn.execute(documents_query(f))))
    if last_page(rows, f.limit, f.offset):
        return rows, f.offset + len(rows)
    matching: Select[Any] = select(literal_column("1")).select_from(documents).where(*_document_conditions(f))
    return rows, int(conn.execute(select(func.count()).select_from(matching.limit(COUNT_CAP).subquery())).scalar_one())


def iter_documents(conn: Connection, f: DocumentFilter) -> Iterator[Row]:
    """documents_query's rows without a page, streamed (for a listing's CSV and JSON)."""
    yield from dicts(conn.execution_options(yield_per=STREAM_BATCH).execute(documents_query(f)))


def get_document(conn: Connection, did: str) -> Row:
    """A document with its text, its claims, and its publisher's registry entry (state affiliation,
    sanctions)."""
    row = conn.execute(select(documents).where(documents.c.id == did)).first()
    if row is None:
        raise NotFound(f"no document {did!r}")
    out = {k: v for k, v in row._mapping.items() if k not in ("sketch", "entities")}
    out["claims"] = list_claims(conn, ClaimFilter(document_id=did, limit=None))[0]
    source = conn.execute(select(sources).where(sources.c.id == row.publisher)).first() if row.publisher else None
    out["source"] = dict(source._mapping) if source else None
    return out


def list_sources(conn: Connection) -> list[Row]:
    return list(dicts(conn.execute(select(sources).order_by(sort_key(sources.c.name), sources.c.id))))


def source_counts(conn: Connection) -> list[Row]:
    """Every publisher with its documents and their claims: the registry's sources (with their flags, none
    stored yet counting 0) then publishers the registry does not know (registered False), most documents first."""
    docs = {p: int(n) for p, n in conn.execute(select(documents.c.publisher, func.count()).group_by(
        documents.c.publisher))}
    said = {p: int(n) for p, n in conn.execute(select(documents.c.publisher, func.count()).select_from(claims).join(
        documents).group_by(documents.c.publisher))}
    registered = [r | {"registered": True, "documents": docs.get(r["id"], 0), "claims": said.get(r["id"], 0)}
                  for r in list_sources(conn)]
    known = {r["id"] for r in registered}
    others: list[Row] = [{"id": p or "", "name": p or "(no publisher)", "domains": [], "country": None, "wire": False,
               "state_affiliated": False, "sanctioned": False, "reliability": None, "registered": False,
               "documents": n, "claims": said.get(p, 0)} for p, n in docs.items() if p not in known]
    return sorted(registered + others, key=lambda r: (-r["documents"], str(r["name"]).casefold(), r["id"]))


def reviewed_claims(conn: Connection) -> dict[str, str]:
    """claim id → its latest live review (accept_claim, reject_claim, edit_claim, or unsure_claim: seen, no decision
    yet)."""
    out: dict[str, str] = {}
    for j in live_judgements(conn):
        if j.action.endswith("_claim"):
            out.update({c: j.action for c in j.claim_ids})
    return out


@dataclass(frozen=True)
class ReviewFilter:
    """Which claims the review queue shows: those no analyst has reviewed yet, or those marked unsure; by the
    language of their report, their parties or their status."""

    language: str | None = None
    supplier: str | None = None
    recipient: str | None = None
    status: str | None = None
    unsure: bool = False
    limit: int = 50
    offset: int = 0


# the claims whose rejection would move their transfer's probability most first: a walk over ix_claim_transfers_review
REVIEW_ORDER = (claim_transfers.c.impact.desc(), claim_transfers.c.claim_id)
REVIEW_COLUMNS = (*CLAIM_COLUMNS, claim_transfers.c.impact, claim_transfers.c.grade_without,
                  transfers.c.reliability, transfers.c.credibility, transfers.c.probability)


def _review_conditions(f: ReviewFilter) -> list[Any]:
    return _claim_conditions(ClaimFilter(supplier=f.supplier, recipient=f.recipient, status=f.status,
                                         language=f.language))


def _review_matches(f: ReviewFilter) -> Select[Any]:
    """The claim ids in transfers that match the filter, in review order."""
    q = select(claim_transfers.c.claim_id).join(claims, claims.c.id == claim_transfers.c.claim_id)
    if f.language:
        q = q.join(documents, documents.c.id == claims.c.document_id)
    return q.where(*_review_conditions(f)).order_by(*REVIEW_ORDER)


def review_order(rows: int, f: ReviewFilter = ReviewFilter()) -> Select[Any]:
    """The ids of the first `rows` claims in review order: an index walk that reads each claim only to filter it."""
    return _review_matches(f).limit(rows)


def _matching(conn: Connection, f: ReviewFilter, ids: Iterable[str]) -> list[str]:
    """Those of these claim ids that the filter matches, in review order."""
    found: list[tuple[float, str]] = []
    q = _review_matches(f).add_columns(claim_transfers.c.impact)
    for chunk in _chunks(sorted(ids)):
        found += [(r.impact, r.claim_id) for r in conn.execute(q.where(claim_transfers.c.claim_id.in_(chunk)))]
    return [cid for _, cid in sorted(found, key=lambda x: (-x[0], x[1]))]


def review_queue(conn: Connection, f: ReviewFilter = ReviewFilter()) -> tuple[list[Row], int]:
    """A page of the claims the filter selects, in review order, and how many it selects."""
    reviewed = reviewed_claims(conn)
    if f.unsure:
        ids = _matching(conn, f, [c for c, action in reviewed.items() if action == "unsure_claim"])
        total, page = len(ids), ids[f.offset:f.offset + f.limit]
    else:
        matching = _review_matches(f).order_by(None)
        counted = int(conn.execute(select(func.count()).select_from(matching.subquery())).scalar_one())
        total = counted - (len(_matching(conn, f, reviewed)) if reviewed else 0)
        # the walk stops after the rows asked for and those already reviewed; only the page's rows are then read
        walk = conn.execute(review_order(f.offset + f.limit + len(reviewed), f)).scalars()
        page = [cid for cid in walk if cid not in reviewed][f.offset:f.offset + f.limit]
    q = (select(*REVIEW_COLUMNS).join(documents).outerjoin(claim_transfers)
         .outerjoin(transfers, transfers.c.id == claim_transfers.c.transfer_id).where(claims.c.id.in_(page)))
    order = {cid: i for i, cid in enumerate(page)}
    return sorted(dicts(conn.execute(q)), key=lambda r: order[r["id"]]), total
