"""saved searches with alerts: each user's saved transfer filters (with a feed key and the last visit), and when each
transfer was first built and its grade last moved, filled for the existing transfers from their grade history

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 08:30:00.000000
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def dated(history: Sequence[Any], grade: str) -> tuple[datetime, datetime]:
    """(first seen, grade last moved) from one transfer's history rows (grade, computed), oldest first: the grade
    moved when the trailing run of rows with its present grade began."""
    if not history:
        now = datetime.now(UTC)
        return now, now
    changed = history[-1].computed
    for row in reversed(history):
        if row.grade != grade:
            break
        changed = row.computed
    return history[0].computed, changed


def upgrade() -> None:
    changes = op.create_table('transfer_changes',
    sa.Column('transfer_id', sa.String(length=16), nullable=False),
    sa.Column('grade', sa.String(length=2), nullable=False),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('transfer_id')
    )
    op.create_index(op.f('ix_transfer_changes_changed'), 'transfer_changes', ['changed'], unique=False)
    op.create_table('saved_searches',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('feed_key', sa.String(length=64), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_visit', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user'], ['users.name'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_saved_searches_user'), 'saved_searches', ['user'], unique=False)
    bind = op.get_bind()
    grades = {r.id: f"{r.reliability}{r.credibility}"
              for r in bind.execute(sa.text("SELECT id, reliability, credibility FROM transfers"))}
    history: dict[str, list[Any]] = {}
    rows_of_history = sa.text("SELECT transfer_id, grade, computed FROM grade_history ORDER BY id").columns(
        computed=sa.DateTime(timezone=True))  # typed, so SQLite's stored text comes back a datetime
    for r in bind.execute(rows_of_history):
        history.setdefault(r.transfer_id, []).append(r)
    rows = [{"transfer_id": tid, "grade": grade, **dict(zip(("first_seen", "changed"),
                                                            dated(history.get(tid, []), grade), strict=True))}
            for tid, grade in sorted(grades.items())]
    for i in range(0, len(rows), 500):
        op.bulk_insert(changes, rows[i:i + 500])


def downgrade() -> None:
    op.drop_index(op.f('ix_saved_searches_user'), table_name='saved_searches')
    op.drop_table('saved_searches')
    op.drop_index(op.f('ix_transfer_changes_changed'), table_name='transfer_changes')
    op.drop_table('transfer_changes')
