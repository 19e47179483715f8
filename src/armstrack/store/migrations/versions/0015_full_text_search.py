"""full-text search over document texts and claim quotes (SQLite FTS5 with the unicode61 tokenizer over the stored
text; PostgreSQL GIN indexes of the 'simple' text-search vector, words split as FTS5 splits them: see
store/fulltext.py), and the documents list newest first, by language or by publisher, walking an index; the
transfers listing index carries reports and independent origins too, so a page in any sort order is picked from the
narrow index (sorted there) before its rows are read

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# index → the columns before the listing order (newest first)
# table → (the searched column, its FTS5 table); as store/fulltext.py SEARCHED
SEARCHED = {"documents": ("text", "documents_words"), "claims": ("evidence", "claims_words")}
LISTINGS = {"ix_documents_listing": "", "ix_documents_language": "language, ", "ix_documents_publisher": "publisher, "}


def sqlite_words(table: str, column: str, fts: str) -> list[str]:
    """SQLite: an FTS5 index of the words of a column, reading the text from the table itself (external content:
    the text is not stored twice), kept by triggers under the row's rowid whatever code writes the table.
    Diacritics are kept, as PostgreSQL keeps them."""
    add = f"INSERT INTO {fts} (rowid, {column}) VALUES (new.rowid, new.{column})"
    remove = f"INSERT INTO {fts} ({fts}, rowid, {column}) VALUES ('delete', old.rowid, old.{column})"
    # (an external-content FTS5 table names its column as the table does)
    return [f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', content_rowid='rowid', "
            f"tokenize='unicode61 remove_diacritics 0')",
            f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add}; END",
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove}; END",
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {column} ON {table} BEGIN {remove}; {add}; END"]


# the transfers listing index as 0013 left it (by grade, then the latest report), and with the last columns a sort
# reads that it lacked
LISTING = ("rejected, reliability{c}, credibility, {last} DESC{nulls}, id, stage, category, supplier, recipient, "
           "item, first_reported, search")
SORTED = ", reports, independent_origins, probability"


def listing_index(sqlite: bool, columns: str) -> None:
    op.drop_index('ix_transfers_listing', table_name='transfers')
    last = {"c": "", "last": "last_reported", "nulls": ""} if sqlite else {"c": ' COLLATE "C"',
                                                                          "last": 'last_reported COLLATE "C"',
                                                                          "nulls": " NULLS LAST"}
    op.execute(f"CREATE INDEX ix_transfers_listing ON transfers ({columns.format(**last)})")


def words_vector(column: str) -> str:
    """PostgreSQL: the expression fulltext.words_vector matches (the index is used only for the very same one)."""
    return f"to_tsvector('simple', regexp_replace(left({column}, 200000), '[^[:alnum:]]+', ' ', 'g'))"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    listing_index(sqlite, LISTING + SORTED)
    newest = "published DESC" if sqlite else '(published COLLATE "C") DESC NULLS LAST'
    for name, prefix in LISTINGS.items():
        op.execute(f"CREATE INDEX {name} ON documents ({prefix}{newest}, id)")
    for table, (column, fts) in SEARCHED.items():
        if sqlite:
            for statement in sqlite_words(table, column, fts):
                op.execute(statement)
        else:
            op.execute(f"CREATE INDEX ix_{fts} ON {table} USING gin ({words_vector(column)})")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for _column, fts in SEARCHED.values():
        if sqlite:
            for trigger in ('insert', 'delete', 'update'):
                op.execute(f"DROP TRIGGER {fts}_{trigger}")
            op.execute(f"DROP TABLE {fts}")
        else:
            op.execute(f"DROP INDEX ix_{fts}")
    for name in LISTINGS:
        op.drop_index(name, table_name='documents')
    listing_index(sqlite, LISTING)
