"""claim denial and transfer joins: the parties whose denial covers a claim and their words, which a grade
quotes; why claims of another item joined a transfer (a generic reading of its item)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.add_column(sa.Column('denied_by', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('denial', sa.Text(), nullable=True))
    with op.batch_alter_table('transfers') as batch:
        batch.add_column(sa.Column('joins', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('transfers') as batch:
        batch.drop_column('joins')
    with op.batch_alter_table('claims') as batch:
        batch.drop_column('denial')
        batch.drop_column('denied_by')
