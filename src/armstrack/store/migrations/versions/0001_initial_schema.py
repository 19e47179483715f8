"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-06 04:45:43.178734
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=40), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('fetched', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('publisher', sa.String(length=200), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('extractor_version', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('sketch', sa.JSON(), nullable=False),
    sa.Column('entities', sa.JSON(), nullable=False),
    sa.Column('wire', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('grade_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('transfer_id', sa.String(length=16), nullable=False),
    sa.Column('grade', sa.String(length=2), nullable=False),
    sa.Column('probability', sa.Float(), nullable=False),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.Column('independent_origins', sa.Integer(), nullable=False),
    sa.Column('computed', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('grade_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grade_history_transfer_id'), ['transfer_id'], unique=False)

    op.create_table('judgements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('transfer_id', sa.String(length=16), nullable=False),
    sa.Column('other_id', sa.String(length=16), nullable=True),
    sa.Column('claim_ids', sa.JSON(), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=True),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undone', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sources',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('domains', sa.JSON(), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('wire', sa.Boolean(), nullable=False),
    sa.Column('state_affiliated', sa.Boolean(), nullable=False),
    sa.Column('sanctioned', sa.Boolean(), nullable=False),
    sa.Column('reliability', sa.String(length=1), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('stale_pairs',
    sa.Column('supplier', sa.String(length=100), nullable=False),
    sa.Column('recipient', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('supplier', 'recipient')
    )
    op.create_table('transfers',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('supplier', sa.String(length=100), nullable=True),
    sa.Column('recipient', sa.String(length=100), nullable=True),
    sa.Column('item', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('stage', sa.String(length=30), nullable=False),
    sa.Column('timeline', sa.JSON(), nullable=False),
    sa.Column('quantity_min', sa.Float(), nullable=True),
    sa.Column('quantity_max', sa.Float(), nullable=True),
    sa.Column('first_reported', sa.String(length=10), nullable=True),
    sa.Column('last_reported', sa.String(length=10), nullable=True),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.Column('independent_origins', sa.Integer(), nullable=False),
    sa.Column('origins', sa.JSON(), nullable=False),
    sa.Column('reliability', sa.String(length=1), nullable=False),
    sa.Column('credibility', sa.Integer(), nullable=False),
    sa.Column('probability', sa.Float(), nullable=False),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('claim_ids', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.create_index('ix_transfers_last', ['last_reported'], unique=False)
        batch_op.create_index('ix_transfers_pair', ['supplier', 'recipient'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('document_id', sa.String(length=200), nullable=False),
    sa.Column('supplier', sa.String(length=100), nullable=True),
    sa.Column('recipient', sa.String(length=100), nullable=True),
    sa.Column('item', sa.Text(), nullable=False),
    sa.Column('system_id', sa.String(length=100), nullable=True),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('item_mentions', sa.JSON(), nullable=False),
    sa.Column('quantity_value', sa.Float(), nullable=True),
    sa.Column('quantity_qualifier', sa.String(length=10), nullable=True),
    sa.Column('quantity_max', sa.Float(), nullable=True),
    sa.Column('stage', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=True),
    sa.Column('attributed_to', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('evidence_spans', sa.JSON(), nullable=False),
    sa.Column('route', sa.Text(), nullable=True),
    sa.Column('carrier', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('extractor_version', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_claims_pair', ['supplier', 'recipient'], unique=False)

    op.create_table('claim_transfers',
    sa.Column('claim_id', sa.String(length=16), nullable=False),
    sa.Column('transfer_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id')
    )
    with op.batch_alter_table('claim_transfers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_transfers_transfer_id'), ['transfer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('claim_transfers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_transfers_transfer_id'))

    op.drop_table('claim_transfers')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_pair')
        batch_op.drop_index(batch_op.f('ix_claims_document_id'))

    op.drop_table('claims')
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.drop_index('ix_transfers_pair')
        batch_op.drop_index('ix_transfers_last')

    op.drop_table('transfers')
    op.drop_table('stale_pairs')
    op.drop_table('sources')
    op.drop_table('judgements')
    with op.batch_alter_table('grade_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grade_history_transfer_id'))

    op.drop_table('grade_history')
    op.drop_table('documents')
