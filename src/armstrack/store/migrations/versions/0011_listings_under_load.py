"""listings under load: each claim carries its document's publication date, so the claims list (newest first,
also by supplier or recipient) and the review queue (least confident first) walk an index instead of sorting every
claim; text indexes for the free-text filters over claim evidence and transfer search text (SQLite FTS5 trigrams,
PostgreSQL pg_trgm); transfers counted by stage or category from an index of their own

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# index → the columns before the listing order: the claims list unfiltered and by one party, the review queue
LISTINGS = {"ix_claims_listing": "", "ix_claims_supplier": "supplier, ", "ix_claims_recipient": "recipient, ",
            "ix_claims_review": "confidence, "}
# table → its column the free-text filter reads
SEARCHED = {"claims": "evidence", "transfers": "search"}


def sqlite_search(table: str, column: str) -> list[str]:
    """SQLite: the column of every row in an FTS5 table of trigrams (a substring of three characters or more is an
    index lookup), kept by triggers under the row's rowid, whatever code writes the table."""
    fts = f"{table}_search"
    put = f"INSERT OR REPLACE INTO {fts} (rowid, text) VALUES (new.rowid, new.{column})"
    return [f"CREATE VIRTUAL TABLE {fts} USING fts5(text, tokenize='trigram')",
            f"INSERT INTO {fts} (rowid, text) SELECT rowid, {column} FROM {table}",
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {put}; END",
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN DELETE FROM {fts} WHERE rowid = old.rowid; END",
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {column} ON {table} BEGIN {put}; END"]


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
    # counts by one of these read an index of their own, not the whole listing index
    op.create_index('ix_transfers_stage', 'transfers', ['rejected', 'stage'], unique=False)
    op.create_index('ix_transfers_category', 'transfers', ['rejected', 'category'], unique=False)
    if sqlite:
        for table, column in SEARCHED.items():
            for statement in sqlite_search(table, column):
                op.execute(statement)
    elif trgm := _pg_trgm_schema():
        # the expressions the filters compare (queries._claim_conditions, _transfer_conditions)
        op.execute(f'CREATE INDEX ix_claims_evidence ON claims USING gin (lower(evidence) "{trgm}".gin_trgm_ops)')
        op.execute(f'CREATE INDEX ix_transfers_search ON transfers USING gin (search "{trgm}".gin_trgm_ops)')


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
        for table in SEARCHED:
            for trigger in ('insert', 'delete', 'update'):
                op.execute(f"DROP TRIGGER {table}_search_{trigger}")
            op.execute(f"DROP TABLE {table}_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_claims_evidence")
        op.execute("DROP INDEX IF EXISTS ix_transfers_search")
    op.drop_index('ix_transfers_category', table_name='transfers')
    op.drop_index('ix_transfers_stage', table_name='transfers')
    for name in LISTINGS:
        op.drop_index(name, table_name='claims')
    op.create_index('ix_claims_pair', 'claims', ['supplier', 'recipient'], unique=False)
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('published')
