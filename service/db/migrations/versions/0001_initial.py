"""documents, decisions, awards, pages, events, award search

Revision ID: 0001
Revises:
Create Date: 2026-11-23

The award search index is an FTS5 table on SQLite (tokens folded by `unicode61
remove_diacritics 2`; the application folds `đ` to `d` itself, which the tokenizer does not),
and on PostgreSQL a table of tsvectors the application writes from the same folded words
(`service.search_backends.postgres_tsvector`), with GIN indexes. Values that search
results are ordered by compare byte by byte on PostgreSQL (collation "C"), as SQLite
compares them, so ties come out in the same order on both.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from service.db.column_types import GIN_WITH, key_string

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("document_type", sa.String(length=20), nullable=True),
        sa.Column("error_code", sa.String(length=64), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("uploaded_by", sa.String(length=200), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_status"), ["status"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("document_type", sa.String(length=20), nullable=False),
        sa.Column("issuer", sa.String(length=500), nullable=True),
        sa.Column("issuer_parent", sa.String(length=500), nullable=True),
        sa.Column("issuer_level", sa.String(length=20), nullable=True),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("signer_name", sa.String(length=200), nullable=True),
        sa.Column("signer_title", sa.String(length=200), nullable=True),
        sa.Column("signer_authority", sa.String(length=200), nullable=True),
        sa.Column("declared_collective", sa.Integer(), nullable=True),
        sa.Column("declared_individual", sa.Integer(), nullable=True),
        sa.Column("ocr_used", sa.Boolean(), nullable=False),
        sa.Column("ocr_engine", sa.String(length=100), nullable=True),
        sa.Column("ocr_mean_confidence", sa.Float(), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id"),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_number"), ["number"], unique=False)

    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("mean_confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pages_document_id"), ["document_id"], unique=False)

    op.create_table(
        "processing_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("processing_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_processing_events_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "awards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("recipient_kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("honorific", sa.String(length=50), nullable=True),
        sa.Column("position", sa.String(length=300), nullable=True),
        sa.Column("unit", sa.String(length=500), nullable=True),
        sa.Column("award_code", key_string(60), nullable=False),
        sa.Column("award_text", sa.String(length=500), nullable=True),
        sa.Column("award_class", sa.Integer(), nullable=True),
        sa.Column("period", key_string(9), nullable=True),
        sa.Column("year_start", sa.Integer(), nullable=True),
        sa.Column("year_end", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("amount_vnd", sa.BigInteger(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence_page", sa.Integer(), nullable=True),
        sa.Column("evidence_bbox", sa.JSON(), nullable=True),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("document_type", sa.String(length=20), nullable=False),
        sa.Column("issuer", sa.String(length=500), nullable=True),
        sa.Column("issuer_level", sa.String(length=20), nullable=True),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.create_index(
            "ix_awards_code_years", ["award_code", "year_end", "year_start"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_awards_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_awards_issuer"), ["issuer"], unique=False)
        batch_op.create_index(batch_op.f("ix_awards_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_awards_period"), ["period"], unique=False)
        batch_op.create_index("ix_awards_years", ["year_end", "year_start"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE awards_fts USING fts5("
            "name, unit, position, award_text, issuer, subject, number, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif op.get_bind().dialect.name == "postgresql":
        # every indexed column in `words`; the columns a search names, weighted, in `fields`
        op.create_table(
            "award_words",
            sa.Column("award_id", sa.Integer(), nullable=False),
            sa.Column("words", postgresql.TSVECTOR(), nullable=False),
            sa.Column("fields", postgresql.TSVECTOR(), nullable=False),
            sa.ForeignKeyConstraint(["award_id"], ["awards.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("award_id"),
        )
        op.create_index(
            "ix_award_words_words",
            "award_words",
            ["words"],
            postgresql_using="gin",
            postgresql_with=GIN_WITH,
        )
        op.create_index(
            "ix_award_words_fields",
            "award_words",
            ["fields"],
            postgresql_using="gin",
            postgresql_with=GIN_WITH,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE awards_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.drop_table("award_words")
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.drop_index("ix_awards_years")
        batch_op.drop_index(batch_op.f("ix_awards_period"))
        batch_op.drop_index(batch_op.f("ix_awards_number"))
        batch_op.drop_index(batch_op.f("ix_awards_issuer"))
        batch_op.drop_index(batch_op.f("ix_awards_document_id"))
        batch_op.drop_index("ix_awards_code_years")

    op.drop_table("awards")
    with op.batch_alter_table("processing_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processing_events_document_id"))

    op.drop_table("processing_events")
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pages_document_id"))

    op.drop_table("pages")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_number"))

    op.drop_table("decisions")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_status"))

    op.drop_table("documents")
