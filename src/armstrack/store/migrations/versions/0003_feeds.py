"""feeds

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 05:43:37.214478
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('feeds',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('polled', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('feed_items',
    sa.Column('feed_id', sa.String(length=16), nullable=False),
    sa.Column('item_id', sa.String(length=40), nullable=False),
    sa.Column('link', sa.Text(), nullable=True),
    sa.Column('document_id', sa.String(length=200), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('seen', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['feed_id'], ['feeds.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('feed_id', 'item_id')
    )


def downgrade() -> None:
    op.drop_table('feed_items')
    op.drop_table('feeds')
