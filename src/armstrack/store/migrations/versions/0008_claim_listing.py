"""claim listing: each claim carries its document's publication date, so the claims list (newest first, also by
supplier or recipient) and the review queue (least confident first) walk an index instead of sorting every claim; a text index over the
evidence (SQLite FTS5 trigrams, PostgreSQL pg_trgm) for the free-text filter

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# index → the columns before the listing order: the claims list unfiltered and by one party, the review queue
LISTINGS = {"ix_claims_listing": "", "ix_claims_supplier": "supplier, ", "ix_claims_recipient": "recipient, ",
            "ix_claims_review": "confidence, "}
# SQLite: the evidence of every claim in an FTS5 table of trigrams (a substring of three characters or more is an
# index lookup), kept by triggers under the claim's rowid, whatever code writes the claims
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE claims_search USING fts5(evidence, tokenize='trigram')",
    "INSERT INTO claims_search (rowid, evidence) SELECT rowid, evidence FROM claims",
    "CREATE TRIGGER claims_search_insert AFTER INSERT ON claims BEGIN "
    "INSERT OR REPLACE INTO claims_search (rowid, evidence) VALUES (new.rowid, new.evidence); END",
    "CREATE TRIGGER claims_search_delete AFTER DELETE ON claims BEGIN "
    "DELETE FROM claims_search WHERE rowid = old.rowid; END",
    "CREATE TRIGGER claims_search_update AFTER UPDATE OF evidence ON claims BEGIN "
    "INSERT OR REPLACE INTO claims_search (rowid, evidence) VALUES (new.rowid, new.evidence); END",
]


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published', sa.String(length=10), nullable=True))
    op.execute("UPDATE claims SET published = (SELECT documents.published FROM documents "
               "WHERE documents.id = claims.document_id)")
    op.drop_index('ix_claims_pair', table_name='claims')
    sqlite = op.get_bind().dialect.name == 'sqlite'
    # the listing order of db.sort_key: newest first, nulls last (SQLite sorts nulls first, so descending they come
    # last; PostgreSQL is told so, and compares code points as sort_key does)
    newest = "published DESC" if sqlite else '(published COLLATE "C") DESC NULLS LAST'
    for name, prefix in LISTINGS.items():
        op.execute(f"CREATE INDEX {name} ON claims ({prefix}{newest}, id)")
    if sqlite:
        for statement in SQLITE_SEARCH:
            op.execute(statement)
    else:
        trgm = _pg_trgm_schema()
        if trgm:
            op.execute(f'CREATE INDEX ix_claims_evidence ON claims USING gin (lower(evidence) "{trgm}".gin_trgm_ops)')


def _pg_trgm_schema() -> str | None:
    """The schema of the pg_trgm extension, installed in `public` when missing; None when this role may not
    install it (the text filter then scans, as before)."""
    conn = op.get_bind()
    found = conn.exec_driver_sql("SELECT extnamespace::regnamespace::text FROM pg_extension "
                                 "WHERE extname = 'pg_trgm'").scalar()
    if found:
        return str(found).strip('"')
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    except sa.exc.DBAPIError:
        return None
    return "public"


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('insert', 'delete', 'update'):
            op.execute(f"DROP TRIGGER claims_search_{trigger}")
        op.execute("DROP TABLE claims_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_claims_evidence")
    for name in LISTINGS:
        op.drop_index(name, table_name='claims')
    op.create_index('ix_claims_pair', 'claims', ['supplier', 'recipient'], unique=False)
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('published')
