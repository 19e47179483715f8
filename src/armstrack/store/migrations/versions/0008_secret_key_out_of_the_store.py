"""the session-signing key leaves the store (ARMSTRACK_SECRET_KEY or the settings file): app_secrets dropped,
web sessions signed with the old key ended

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 06:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a store is shared (handed to a colleague, attached to a report): it must not carry the key that signs
    # sessions. Cookies signed with the old key no longer verify, so their sessions end: users sign in again.
    op.drop_table('app_secrets')
    op.execute(sa.text("DELETE FROM web_sessions"))


def downgrade() -> None:
    op.create_table('app_secrets',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
