"""accounts (users, API tokens, sign-in sessions), the audit log, review columns,
people linked by hand

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Documents get the confidence the review queue sorts by (computed for documents already
read, from their stored record) and who approved them when.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from service.review_queue import least_confidence

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_confidence", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_by", sa.String(200), nullable=True))
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_documents_review", "documents", ["review_state", "review_confidence", "id"])
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    for table in ("api_tokens", "login_sessions"):
        extra: list[Any] = (
            [
                sa.Column("label", sa.String(200), nullable=False),
                sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
            ]
            if table == "api_tokens"
            else [
                sa.Column("csrf_token", sa.String(64), nullable=False),
                sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
            ]
        )
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("user_id", sa.Integer(), nullable=False),
            sa.Column("token_hash", sa.String(64), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            *extra,
            sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("token_hash"),
        )
        op.create_index(f"ix_{table}_user_id", table, ["user_id"])
    op.create_table(
        "award_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(40), nullable=True),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_award_changes_row", "award_changes", ["document_id", "seq", "id"])
    op.create_table(
        "person_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(1100), nullable=False),
        sa.Column("linked_to", sa.String(1100), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_by", sa.String(100), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_person_links_people", "person_links", ["person_id", "linked_to"])
    _backfill_review_confidence()


def _backfill_review_confidence() -> None:
    connection = op.get_bind()
    documents = sa.table(
        "documents", sa.column("id", sa.Integer), sa.column("review_confidence", sa.Float)
    )
    decisions = sa.table("decisions", sa.column("document_id", sa.Integer), sa.column("record"))
    rows = connection.execute(sa.select(decisions.c.document_id, decisions.c.record)).all()
    for document_id, record in rows:
        value = least_confidence(record if isinstance(record, dict) else {})
        connection.execute(
            sa.update(documents)
            .where(documents.c.id == document_id)
            .values(review_confidence=value)
        )


def downgrade() -> None:
    op.drop_index("ix_person_links_people", "person_links")
    op.drop_table("person_links")
    op.drop_index("ix_award_changes_row", "award_changes")
    op.drop_table("award_changes")
    for table in ("login_sessions", "api_tokens"):
        op.drop_index(f"ix_{table}_user_id", table)
        op.drop_table(table)
    op.drop_table("users")
    op.drop_index("ix_documents_review", "documents")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        for column in ("reviewed_at", "reviewed_by", "review_confidence"):
            batch_op.drop_column(column)
