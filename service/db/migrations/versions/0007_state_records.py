"""what the state asks of the records: commendation method and rank on award rows, their
status (active, revoked, change) and decisions that correct, amend or annul others

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Rows read before this revision get no method or rank until their documents are read
again (`POST /api/v1/documents/{id}/reprocess`); every row starts `active`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("commendation_method", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("rank", sa.String(30), nullable=True))
        batch_op.add_column(
            sa.Column("status", sa.String(12), nullable=False, server_default="active")
        )
        batch_op.add_column(sa.Column("revoked_by_document_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_awards_revoked_by", "documents", ["revoked_by_document_id"], ["id"],
            ondelete="SET NULL",
        )  # fmt: skip
    op.create_index("ix_awards_decided", "awards", ["decision_date", "award_code"])
    op.create_table(
        "decision_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("cited_number", sa.String(100), nullable=False),
        sa.Column("cited_key", sa.String(100), nullable=False),
        sa.Column("cited_date", sa.Date(), nullable=True),
        sa.Column("target_document_id", sa.Integer(), nullable=True),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_document_id"], ["documents.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_decision_links_cited", "decision_links", ["cited_key", "cited_date"])
    op.create_index("ix_decision_links_document_id", "decision_links", ["document_id"])
    op.create_index(
        "ix_decision_links_target_document_id", "decision_links", ["target_document_id"]
    )


def downgrade() -> None:
    op.drop_table("decision_links")
    op.drop_index("ix_awards_decided", table_name="awards")
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.drop_constraint("fk_awards_revoked_by", type_="foreignkey")
        for column in ("revoked_by_document_id", "status", "rank", "commendation_method"):
            batch_op.drop_column(column)
