"""effective grade: a transfer's reliability and credibility are the grade it has (an analyst's, else the computed
one), with the computed grade and the regrade judgement beside them, in the transfer and in its grade history; the
listing index in the listing's new default order (by grade, best first, then the latest report)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the listing index: its order first (db.sort_key's, so on PostgreSQL strings by code point and nulls last), then
# the columns a filter reads
COVERED = "id, stage, category, supplier, recipient, item, first_reported, search"
BY_GRADE = "rejected, reliability{c}, credibility, last_reported{c} DESC{nulls}, " + COVERED
BY_PROBABILITY = "rejected, probability DESC, last_reported{c} DESC{nulls}, id, reliability, credibility, stage, " \
                 "category, supplier, recipient, item, first_reported, search"


def _listing(columns: str) -> str:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    order = columns.format(c=' COLLATE "C"' if postgresql else '', nulls=' NULLS LAST' if postgresql else '')
    return f"CREATE INDEX ix_transfers_listing ON transfers ({order})"


def upgrade() -> None:
    op.drop_index('ix_transfers_listing', table_name='transfers')
    with op.batch_alter_table('transfers') as batch:
        batch.add_column(sa.Column('computed_grade', sa.String(length=2), server_default='', nullable=False))
        batch.add_column(sa.Column('regrade_judgement', sa.Integer(), nullable=True))
    with op.batch_alter_table('grade_history') as batch:
        batch.add_column(sa.Column('computed_grade', sa.String(length=2), nullable=True))
        batch.add_column(sa.Column('regrade_judgement', sa.Integer(), nullable=True))
    op.execute(_listing(BY_GRADE))
    op.execute("UPDATE transfers SET computed_grade = reliability || CAST(credibility AS VARCHAR(1))")
    # an analyst's grade used to replace the computed one in place: every stored transfer is rebuilt by the next
    # refresh, which sets both
    op.execute("INSERT INTO stale_pairs (supplier, recipient) SELECT DISTINCT coalesce(supplier, ''), "
               "coalesce(recipient, '') FROM transfers WHERE NOT EXISTS (SELECT 1 FROM stale_pairs s WHERE "
               "s.supplier = coalesce(transfers.supplier, '') AND s.recipient = coalesce(transfers.recipient, ''))")


def downgrade() -> None:
    op.drop_index('ix_transfers_listing', table_name='transfers')
    # ALTER TABLE … DROP COLUMN on both (SQLite 3.35+): a batch copy of `transfers` would lose its text index's triggers
    for table in ('grade_history', 'transfers'):
        for column in ('regrade_judgement', 'computed_grade'):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.execute(_listing(BY_PROBABILITY))
