"""The tables. Migrations under migrations/ are generated from this metadata and reviewed."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

sources = Table(
    "sources", metadata,
    Column("id", String(100), primary_key=True),
    Column("name", Text, nullable=False),
    Column("domains", JSON, nullable=False),
    Column("country", String(3)),
    Column("wire", Boolean, nullable=False),
    Column("state_affiliated", Boolean, nullable=False),
    Column("sanctioned", Boolean, nullable=False),
    Column("reliability", String(1), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(40), nullable=False),
    Column("url", Text),
    Column("language", String(8), nullable=False),
    Column("published", String(10)),
    Column("fetched", DateTime(timezone=True), nullable=False),
    Column("source_name", Text),  # the publisher as the input names it
    Column("publisher", String(200)),  # source registry id when known, else the name as given
    Column("text", Text, nullable=False),
    Column("extractor_version", String(20), nullable=False),
    Column("note", Text),  # why a document gave no claim
    Column("sketch", JSON, nullable=False),
    Column("entities", JSON, nullable=False),
    Column("wire", String(100)),
)
# Made by migration 0012: ix_documents_listing, ix_documents_language and ix_documents_publisher (each ending in
# published newest first, id); the full-text indexes of documents.text and claims.evidence (store/fulltext.py): on
# SQLite the FTS5 tables documents_words and claims_words (external content, kept by triggers), on PostgreSQL GIN
# indexes of their text-search vectors (ix_documents_words, ix_claims_words).

claims = Table(
    "claims", metadata,
    Column("id", String(16), primary_key=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("supplier", String(100)),
    Column("recipient", String(100)),
    Column("item", Text, nullable=False),
    Column("system_id", String(100)),
    Column("category", String(30), nullable=False),
    Column("item_mentions", JSON, nullable=False),
    Column("quantity_value", Float),
    Column("quantity_qualifier", String(10)),
    Column("quantity_max", Float),
    Column("stage", String(30), nullable=False),
    Column("status", String(20), nullable=False),
    Column("period", String(40)),  # SCHEMA.md "when": an ISO-8601 prefix or interval
    Column("attributed_to", JSON, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_spans", JSON, nullable=False),
    Column("route", Text),
    Column("carrier", Text),
    Column("confidence", Float, nullable=False),
    Column("extractor_version", String(20), nullable=False),
    Column("denied_by", JSON),  # the parties whose denial covers the claim
    Column("denial", Text),  # their words, verbatim
    Column("published", String(10)),  # its document's, so the listings below are one index walk
)
# Made by migration 0011 in each dialect's own terms (expressions, FTS5), each ending in (published newest first,
# id): ix_claims_listing, ix_claims_supplier and ix_claims_recipient (after the party). The free-text filters'
# indexes over claims.evidence and transfers.search: on SQLite the FTS5 trigram tables claims_search and
# transfers_search, kept by triggers; on PostgreSQL pg_trgm indexes (ix_claims_evidence, ix_transfers_search).

transfers = Table(
    "transfers", metadata,
    Column("id", String(16), primary_key=True),
    Column("supplier", String(100)),
    Column("recipient", String(100)),
    Column("item", Text, nullable=False),
    Column("category", String(30), nullable=False),
    Column("items", JSON, nullable=False),
    Column("stage", String(30), nullable=False),
    Column("timeline", JSON, nullable=False),
    Column("quantity_min", Float),
    Column("quantity_max", Float),
    Column("first_reported", String(10)),
    Column("last_reported", String(10)),
    Column("reports", Integer, nullable=False),
    Column("independent_origins", Integer, nullable=False),
    Column("origins", JSON, nullable=False),
    # the grade the transfer has (Transfer.effective_grade): the analyst's when one is set, else the computed one
    Column("reliability", String(1), nullable=False),
    Column("credibility", Integer, nullable=False),
    Column("computed_grade", String(2), nullable=False, server_default=""),  # the computed grade, always
    Column("regrade_judgement", Integer),  # the live judgement that set an analyst's grade, if any
    Column("probability", Float, nullable=False),  # of the computed grade
    Column("explanation", JSON, nullable=False),  # why the computed grade
    Column("rejected", Boolean, nullable=False),
    Column("claim_ids", JSON, nullable=False),  # a copy of claim_transfers, so a listing is one query
    Column("joins", JSON),  # why claims of another item joined it (a generic reading of its item)
    Column("search", Text, nullable=False, server_default=""),  # casefolded item, variants, parties, category
    Index("ix_transfers_pair", "supplier", "recipient"),
    Index("ix_transfers_recipient", "recipient"),
)
# The listing in its default order (by grade, best first, then the latest report), carrying every column a filter
# reads: the first page is a walk that stops after `limit` rows, and a count or an unindexed filter scans this narrow
# index instead of rows with JSON in them. (An index on last_reported alone lured SQLite's planner into sorting every
# row for `since`.) On PostgreSQL reliability and last_reported compare by code point (`COLLATE "C"`), last_reported
# `DESC NULLS LAST`: the listing's own order (migrations 0009, 0013). Its last columns let a page in any other sort
# order be picked from the index alone (migration 0015, queries.list_summaries).
Index("ix_transfers_listing", transfers.c.rejected, transfers.c.reliability, transfers.c.credibility,
      transfers.c.last_reported.desc(), transfers.c.id, transfers.c.stage, transfers.c.category, transfers.c.supplier,
      transfers.c.recipient, transfers.c.item, transfers.c.first_reported, transfers.c.search, transfers.c.reports,
      transfers.c.independent_origins, transfers.c.probability)
# The listing in each other sort order (that key, then the latest report), and by stage and by category in its default
# order, each carrying every column a filter or a sort reads, as the listing index does: a page in any order is a walk
# that stops after its rows, or the sort of one stage's or category's transfers, never of every row (migration 0016,
# where PostgreSQL's collations and nulls are spelled out).
_CARRIED = ("reliability", "credibility", "stage", "category", "supplier", "recipient", "item", "first_reported",
            "search", "reports", "independent_origins", "probability")


def _listing_index(name: str, *order: str) -> Index:
    """An index of the listing: `order` ("-key" for descending), then id, then every other carried column."""
    keys = [transfers.c[o.lstrip("-")].desc() if o.startswith("-") else transfers.c[o] for o in order]
    return Index(name, transfers.c.rejected, *keys, transfers.c.id,
                 *(transfers.c[c] for c in _CARRIED if c not in {o.lstrip("-") for o in order}))


for _key in ("-probability", "-first_reported", "-reports", "-independent_origins", "item", "supplier", "recipient"):
    _listing_index(f"ix_transfers_by_{_key.lstrip('-')}", _key, "-last_reported")
_listing_index("ix_transfers_by_last_reported", "-last_reported")
for _key in ("stage", "category"):
    _listing_index(f"ix_transfers_{_key}", _key, "reliability", "credibility", "-last_reported")


claim_transfers = Table(
    "claim_transfers", metadata,
    Column("claim_id", String(16), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("transfer_id", String(16), nullable=False, index=True),
    # how far rejecting the claim would move its transfer's probability (absolute), and the grade it would leave:
    # the review queue's order, kept with each rebuild (migration 0012)
    Column("impact", Float, nullable=False, server_default="0"),
    Column("grade_without", String(2), nullable=False, server_default=""),
)
Index("ix_claim_transfers_review", claim_transfers.c.impact.desc(), claim_transfers.c.claim_id)

judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(20), nullable=False),  # merge | split | accept | reject | *_claim
    Column("transfer_id", String(16), nullable=False),
    Column("other_id", String(16)),
    Column("claim_ids", JSON, nullable=False),
    Column("changes", JSON),  # edit_claim: {field: new value}
    Column("author", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("undone", DateTime(timezone=True)),
)

grade_history = Table(
    "grade_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("transfer_id", String(16), nullable=False, index=True),
    Column("grade", String(2), nullable=False),  # the grade the transfer had: the analyst's, else the computed one
    Column("computed_grade", String(2)),  # the computed grade (null in rows from before migration 0012)
    Column("regrade_judgement", Integer),  # the judgement that set an analyst's grade, if any
    Column("probability", Float, nullable=False),  # of the computed grade
    Column("explanation", JSON, nullable=False),  # why the computed grade
    Column("reports", Integer, nullable=False),
    Column("independent_origins", Integer, nullable=False),
    Column("computed", DateTime(timezone=True), nullable=False),
)

# (supplier, recipient) pairs whose transfers must be rebuilt; written with the claims, in one transaction
stale_pairs = Table(
    "stale_pairs", metadata,
    Column("supplier", String(100), primary_key=True),  # '' stands for unknown
    Column("recipient", String(100), primary_key=True),
)

# one row (id 1): a counter every rebuild of transfers bumps, so a reader may keep a listing until it moves
store_state = Table(
    "store_state", metadata,
    Column("id", Integer, primary_key=True),
    Column("transfers_version", Integer, nullable=False),
)

users = Table(
    "users", metadata,
    Column("name", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),  # argon2id
    Column("role", String(10), nullable=False),  # viewer | analyst | admin
    Column("created", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the token; the token itself is shown once
    Column("user", String(100), ForeignKey("users.name", ondelete="CASCADE"), nullable=False),
    Column("label", Text, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("revoked", DateTime(timezone=True)),
)

# signed-in browser sessions, kept server-side so that signing out, a new password or a new role ends them
web_sessions = Table(
    "web_sessions", metadata,
    Column("id_hash", String(64), primary_key=True),  # sha256 of the session id; the id itself is in the cookie
    Column("user", String(100), ForeignKey("users.name", ondelete="CASCADE"), nullable=False, index=True),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("expires", DateTime(timezone=True), nullable=False),
    Column("revoked", DateTime(timezone=True)),
)

# failed sign-ins per key (an account, an address, or both): what login backoff is computed from
login_failures = Table(
    "login_failures", metadata,
    Column("key", String(300), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure", DateTime(timezone=True), nullable=False),
)

# `armstrack watch`: one row per feed (conditional-request validators, last poll) and one per entry taken
feeds = Table(
    "feeds", metadata,
    Column("id", String(16), primary_key=True),  # sha1 of the URL: a URL can be longer than an index allows
    Column("url", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("polled", DateTime(timezone=True)),
    Column("status", Text),  # the last poll's outcome in words, or why it failed
)

feed_items = Table(
    "feed_items", metadata,
    Column("feed_id", String(16), ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", String(40), primary_key=True),  # sha1 of the entry's id, else of its link
    Column("link", Text),
    Column("document_id", String(200)),  # null while the entry gave no document
    Column("attempts", Integer, nullable=False),
    Column("note", Text),  # why the entry gave no document
    Column("seen", DateTime(timezone=True), nullable=False),
)

# when each transfer was first built and when its grade last moved, kept across rebuilds (a rebuild replaces the
# transfers rows): what a saved search calls new or regraded. `changed` is first_seen until the grade moves.
transfer_changes = Table(
    "transfer_changes", metadata,
    Column("transfer_id", String(16), primary_key=True),
    Column("grade", String(2), nullable=False),  # the grade `changed` dates
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("changed", DateTime(timezone=True), nullable=False, index=True),
)

# an analyst's saved transfer filter: its feed and in-app list show the matching transfers new or regraded since
saved_searches = Table(
    "saved_searches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(100), ForeignKey("users.name", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("filters", JSON, nullable=False),  # the /transfers query values, as its form sends them
    Column("feed_key", String(64), nullable=False),  # random; the feed URL's token is its HMAC by the secret key
    Column("created", DateTime(timezone=True), nullable=False),
    Column("last_visit", DateTime(timezone=True), nullable=False),
)
