"""listing indexes: the transfers list in its default order, covering every filtered column; recipient alone

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 05:45:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LISTING: list[sa.ColumnElement[Any]] = [
    sa.column('rejected'), sa.column('probability').desc(), sa.column('last_reported').desc(), sa.column('id'),
    sa.column('reliability'), sa.column('credibility'), sa.column('stage'), sa.column('category'),
    sa.column('supplier'), sa.column('recipient'), sa.column('item'), sa.column('first_reported'),
]


def upgrade() -> None:
    op.drop_index('ix_transfers_last', table_name='transfers')
    op.create_index('ix_transfers_recipient', 'transfers', ['recipient'], unique=False)
    op.create_index('ix_transfers_listing', 'transfers', LISTING, unique=False)


def downgrade() -> None:
    op.drop_index('ix_transfers_listing', table_name='transfers')
    op.drop_index('ix_transfers_recipient', table_name='transfers')
    op.create_index('ix_transfers_last', 'transfers', ['last_reported'], unique=False)
