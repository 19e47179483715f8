"""exact 'if rejected' grades: each claim's grade_without and impact in claim_transfers were estimated (origins not
found again, an analyst's regrade ignored); a rebuild now stores the grade a rejection gives, so every stored
transfer is rebuilt by the next refresh

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 14:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("INSERT INTO stale_pairs (supplier, recipient) SELECT DISTINCT coalesce(supplier, ''), "
               "coalesce(recipient, '') FROM transfers WHERE NOT EXISTS (SELECT 1 FROM stale_pairs s WHERE "
               "s.supplier = coalesce(transfers.supplier, '') AND s.recipient = coalesce(transfers.recipient, ''))")


def downgrade() -> None:
    pass  # the estimates are not worth restoring: the exact values stand under the older code too
