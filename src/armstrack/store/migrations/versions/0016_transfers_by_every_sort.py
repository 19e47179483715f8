"""transfers in any order from an index: a covering index per sort key of the transfers list (that key, then the
latest report, then every column a filter compares), so that a page in any order is a walk that stops after its rows
instead of a sort of every transfer; the stage and category indexes carry what the listing index carries, in its
order, so that a page, a count or a facet count filtered by one reads only those transfers, text filters included;
then planner statistics from every row

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# sort key → its direction in its index: the one the list offers first (a walk backwards serves the other, sorting
# only the transfers that tie on the key); as queries.TRANSFER_SORTS, "grade" being the listing index's own order
SORTS = {"probability": "DESC", "last_reported": "DESC", "first_reported": "DESC", "reports": "DESC",
         "independent_origins": "DESC", "item": "ASC", "supplier": "ASC", "recipient": "ASC"}
# what every index of the listing carries after its order: each column a filter (queries._transfer_conditions) or a
# sort reads, as the listing index does, so that whichever index the planner picks, it never reads a row: SQLite's
# planner, given an equality (a stage, a supplier), seeks it and sorts the matches rather than walking the index of
# the page's order, and a row read is a fetch of timeline and origins JSON
CARRIED = ("reliability", "credibility", "stage", "category", "supplier", "recipient", "item", "first_reported",
           "search", "reports", "independent_origins", "probability")
# as db.sort_key orders them on PostgreSQL: strings by code point, nulls last either way
STRINGS = {"reliability", "stage", "category", "supplier", "recipient", "item", "first_reported", "last_reported"}
NULLABLE = {"supplier", "recipient", "first_reported", "last_reported"}
# the columns whose indexes of 0011 (rejected and the column, for counts) become listings of their own
FILTERS = ("stage", "category")


def _key(column: str, direction: str, postgresql: bool) -> str:
    if not postgresql:
        return f"{column} {direction}"
    collate = ' COLLATE "C"' if column in STRINGS else ""
    return f"{column}{collate} {direction}" + (" NULLS LAST" if column in NULLABLE else "")


def _index(name: str, lead: list[str]) -> str:
    named = {column.split()[0] for column in lead}
    columns = ["rejected", *lead, "id", *(c for c in CARRIED if c not in named)]
    return f"CREATE INDEX {name} ON transfers ({', '.join(columns)})"


def sort_index(key: str, postgresql: bool) -> str:
    """The transfers in one sort order (the listing's ties: the latest report, then id)."""
    order = [_key(key, SORTS[key], postgresql)]
    if key != "last_reported":
        order.append(_key("last_reported", "DESC", postgresql))
    return _index(f"ix_transfers_by_{key}", order)


def filter_index(column: str, postgresql: bool) -> str:
    """The transfers of each value of a column, in the listing's default order (by grade, then the latest report)."""
    return _index(f"ix_transfers_{column}", [column, _key("reliability", "ASC", postgresql), "credibility",
                                             _key("last_reported", "DESC", postgresql)])


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for key in SORTS:
        op.execute(sort_index(key, postgresql))
    for column in FILTERS:
        op.drop_index(f'ix_transfers_{column}', table_name='transfers')
        op.execute(filter_index(column, postgresql))
    if not postgresql:
        op.execute("PRAGMA analysis_limit=0")  # every row, as db.analyze: the new indexes weighed by true counts
    op.execute("ANALYZE transfers")


def downgrade() -> None:
    for key in SORTS:
        op.drop_index(f'ix_transfers_by_{key}', table_name='transfers')
    for column in FILTERS:
        op.drop_index(f'ix_transfers_{column}', table_name='transfers')
        op.create_index(f'ix_transfers_{column}', 'transfers', ['rejected', column], unique=False)
