"""PostgreSQL: the listing index in the listing's own order (last_reported by code point, nulls last)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 06:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The listing sorts `probability DESC, last_reported COLLATE "C" DESC NULLS LAST, id` on both databases
# (db.sort_key: the same rows in the same order). SQLite's index already has that order (its nulls sort first,
# so last when descending, and it compares bytes); PostgreSQL's default DESC puts nulls first and compares by
# the database's locale, so its planner could only use the index's first key and sorted the rest.
COLUMNS = ("rejected, probability DESC, {last} DESC{nulls}, id, reliability, credibility, stage, category, "
           "supplier, recipient, item, first_reported, search")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index('ix_transfers_listing', table_name='transfers')
    op.execute("CREATE INDEX ix_transfers_listing ON transfers ("
               + COLUMNS.format(last='last_reported COLLATE "C"', nulls=" NULLS LAST") + ")")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index('ix_transfers_listing', table_name='transfers')
    op.execute("CREATE INDEX ix_transfers_listing ON transfers (" + COLUMNS.format(last="last_reported", nulls="")
               + ")")
