"""review queue: each claim's place in its transfer carries how far rejecting it would move the transfer's probability
and the grade it would leave, so the queue shows first the claims whose judgement matters most (an index walk in that
order, which replaces ix_claims_review, least confident first). Stored transfers get it at their next rebuild; until
then their claims count as moving nothing.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('claim_transfers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('impact', sa.Float(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('grade_without', sa.String(length=2), server_default='', nullable=False))
    op.create_index('ix_claim_transfers_review', 'claim_transfers', [sa.text('impact DESC'), 'claim_id'],
                    unique=False)
    op.drop_index('ix_claims_review', table_name='claims')


def downgrade() -> None:
    newest = "published DESC" if op.get_bind().dialect.name == 'sqlite' else '(published COLLATE "C") DESC NULLS LAST'
    op.execute(f"CREATE INDEX ix_claims_review ON claims (confidence, {newest}, id)")
    op.drop_index('ix_claim_transfers_review', table_name='claim_transfers')
    with op.batch_alter_table('claim_transfers', schema=None) as batch_op:
        batch_op.drop_column('grade_without')
        batch_op.drop_column('impact')
