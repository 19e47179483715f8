"""store state: a transfers version bumped by every rebuild, which listing caches are keyed on

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 07:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('store_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('transfers_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.execute("INSERT INTO store_state (id, transfers_version) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table('store_state')
