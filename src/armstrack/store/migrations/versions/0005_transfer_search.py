"""transfer search: one casefolded column for the free-text filter (item, variants, parties, category), carried
by the listing index so a filtered count still reads no row

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 06:10:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE: list[sa.ColumnElement[Any]] = [
    sa.column('rejected'), sa.column('probability').desc(), sa.column('last_reported').desc(), sa.column('id'),
    sa.column('reliability'), sa.column('credibility'), sa.column('stage'), sa.column('category'),
    sa.column('supplier'), sa.column('recipient'), sa.column('item'), sa.column('first_reported'),
]


def upgrade() -> None:
    op.drop_index('ix_transfers_listing', table_name='transfers')
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search', sa.Text(), server_default='', nullable=False))
    op.create_index('ix_transfers_listing', 'transfers', [*BEFORE, sa.column('search')], unique=False)
    # every stored transfer is rebuilt (and so gets its search text) by the next refresh
    op.execute("INSERT INTO stale_pairs (supplier, recipient) SELECT DISTINCT coalesce(supplier, ''), "
               "coalesce(recipient, '') FROM transfers")


def downgrade() -> None:
    op.drop_index('ix_transfers_listing', table_name='transfers')
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.drop_column('search')
    op.create_index('ix_transfers_listing', 'transfers', BEFORE, unique=False)
