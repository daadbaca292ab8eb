"""digital signatures of documents' PDFs, as checked when each was read

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

Documents read before this revision have no signature rows until they are read again
(`POST /api/v1/documents/{id}/reprocess`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("signer_organization", sa.String(500), nullable=True),
        sa.Column("signer_name", sa.String(500), nullable=True),
        sa.Column("issuer", sa.Text(), nullable=False),
        sa.Column("serial", sa.String(100), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("timestamp_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("covers_whole_file", sa.Boolean(), nullable=False),
        sa.Column("modified_after_signing", sa.Boolean(), nullable=False),
        sa.Column("trust", sa.String(12), nullable=False),
        sa.Column("revocation", sa.String(12), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_document_signatures_document_id", "document_signatures", ["document_id"])
    op.create_index("ix_document_signatures_state", "document_signatures", ["state", "document_id"])


def downgrade() -> None:
    op.drop_table("document_signatures")
