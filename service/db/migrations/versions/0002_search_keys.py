"""matching keys on awards, the lexicon of names/units/issuers, review state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Awards get their folded and casefolded name, unit and issuer keys (computed for rows
already stored), documents and awards a review state, and the lexicon of distinct values
with counts is built from the rows present. Names are indexed by their words: an FTS5
table on SQLite, a tsvector table with a GIN index on PostgreSQL. Keys compare byte by byte
on PostgreSQL (collation "C"), as on SQLite.
"""

from collections.abc import Sequence
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from service import lexicon, search_keys
from service.db.column_types import GIN_WITH, key_string

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A filter's columns first, then the facet columns, so counting facets reads the index only.
CODE_FACETS = ("award_code", "year_end", "year_start", "period", "issuer_key", "unit_key")
UNIT_FACETS = ("unit_key", "award_code", "year_end", "year_start", "period", "issuer_key")
ISSUER_FACETS = ("issuer_key", "year_end", "award_code", "year_start", "period", "unit_key")


def upgrade() -> None:
    with op.batch_alter_table("awards", schema=None) as batch_op:
        for column in ("name_fold", "name_key"):
            batch_op.add_column(
                sa.Column(column, sa.String(500), nullable=False, server_default="")
            )
        batch_op.add_column(sa.Column("unit_key", key_string(500), nullable=True))
        batch_op.add_column(sa.Column("issuer_key", key_string(500), nullable=True))
        batch_op.add_column(
            sa.Column("review_state", sa.String(20), nullable=False, server_default="unreviewed")
        )
        batch_op.create_index("ix_awards_name_fold", ["name_fold", "year_end"])
        batch_op.drop_index("ix_awards_code_years")
        batch_op.create_index("ix_awards_code_facets", list(CODE_FACETS))
        batch_op.create_index("ix_awards_unit_facets", list(UNIT_FACETS))
        batch_op.create_index("ix_awards_issuer_facets", list(ISSUER_FACETS))
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("review_state", sa.String(20), nullable=False, server_default="unreviewed")
        )
    op.create_table(
        "lexicon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", key_string(500), nullable=False),
        sa.Column("display", sa.String(500), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "key"),
    )
    op.create_index("ix_lexicon_kind_count", "lexicon", ["kind", "count"])
    op.create_table(
        "facet_pairs",
        sa.Column("dim", sa.String(16), nullable=False),
        sa.Column("value", key_string(500), nullable=False),
        sa.Column("facet", sa.String(16), nullable=False),
        sa.Column("facet_value", key_string(500), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dim", "value", "facet", "facet_value"),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE lexicon_names USING fts5("
            "key, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif op.get_bind().dialect.name == "postgresql":
        op.create_table(
            "lexicon_names",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("words", postgresql.TSVECTOR(), nullable=False),
            sa.ForeignKeyConstraint(["id"], ["lexicon.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(
            "ix_lexicon_names_words",
            "lexicon_names",
            ["words"],
            postgresql_using="gin",
            postgresql_with=GIN_WITH,
        )
    _fill_keys(op.get_bind())


def _fill_keys(connection: sa.Connection) -> None:
    """Keys for rows stored before this revision, then the lexicon counted from them."""
    rows = connection.execute(
        sa.text(
            "SELECT id, name, unit, issuer, award_code, period, year_start, year_end FROM awards"
        )
    ).all()
    keyed = []
    for award_id, name, unit, issuer, award_code, period, year_start, year_end in rows:
        row = SimpleNamespace(
            id=award_id,
            name=name,
            name_fold=search_keys.name_fold(name),
            name_key=search_keys.name_key(name),
            unit=unit,
            unit_key=search_keys.org_key(unit or "") or None,
            issuer=issuer,
            issuer_key=search_keys.org_key(issuer or "") or None,
            award_code=award_code,
            period=period,
            year_start=year_start,
            year_end=year_end,
        )
        keyed.append(row)
    if not keyed:
        return
    connection.execute(
        sa.text(
            "UPDATE awards SET name_fold = :name_fold, name_key = :name_key, "
            "unit_key = :unit_key, issuer_key = :issuer_key WHERE id = :id"
        ),
        [vars(row) for row in keyed],
    )
    lexicon.count_in(connection, keyed)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE lexicon_names")
    elif op.get_bind().dialect.name == "postgresql":
        op.drop_table("lexicon_names")
    op.drop_table("facet_pairs")
    op.drop_index("ix_lexicon_kind_count", "lexicon")
    op.drop_table("lexicon")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("review_state")
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.drop_index("ix_awards_issuer_facets")
        batch_op.drop_index("ix_awards_unit_facets")
        batch_op.drop_index("ix_awards_code_facets")
        batch_op.create_index("ix_awards_code_years", ["award_code", "year_end", "year_start"])
        batch_op.drop_index("ix_awards_name_fold")
        for column in ("review_state", "issuer_key", "unit_key", "name_key", "name_fold"):
            batch_op.drop_column(column)
