"""awards newest first from indexes (all, one award code's, one unit's); facet cells
(award code with a span of years, award code with a unit) counted from the rows present

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

The pair counts are deleted and counted again from every award row, so an archive made
before this revision has the cells a search for one award code over some years, or at
some schools, reads its number and facets from.
"""

from collections.abc import Sequence
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op

from service import lexicon

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000


# A page of rows newest first (`year_end DESC NULLS LAST, id DESC`) read in index order:
# all rows, one award code's, one unit's. SQLite's implied rowid ends each index.
NEWEST = {
    "ix_awards_newest": [],
    "ix_awards_code_newest": ["award_code"],
    "ix_awards_unit_newest": ["unit_key"],
}


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for name, leading in NEWEST.items():
        if postgresql:
            columns = ", ".join([*leading, "year_end DESC NULLS LAST", "id DESC"])
            op.execute(f"CREATE INDEX {name} ON awards ({columns})")
        else:
            op.create_index(name, "awards", [*leading, "year_end"])
    _recount_pairs(op.get_bind())


def _recount_pairs(connection: sa.Connection) -> None:
    connection.execute(sa.text("DELETE FROM facet_pairs"))
    last = 0
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT id, award_code, period, issuer_key, unit_key, year_start, year_end "
                "FROM awards WHERE id > :last ORDER BY id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            return
        lexicon.count_pairs_in(connection, [SimpleNamespace(**row._mapping) for row in rows])
        last = rows[-1].id


def downgrade() -> None:
    for name in NEWEST:
        op.drop_index(name, "awards")
    connection = op.get_bind()
    for cell in (lexicon.CODE_SPAN, lexicon.CODE_UNIT):
        connection.execute(sa.text("DELETE FROM facet_pairs WHERE dim = :dim"), {"dim": cell})
