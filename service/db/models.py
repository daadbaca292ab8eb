"""Tables: documents, their decision record and award rows, pages, processing events.

Award rows repeat the few decision fields that searches filter on (issuer, number, date,
document type), so a search never joins; a document's rows are written and replaced
together in one transaction, so the copies cannot drift.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class DocumentStatus:
    queued = "queued"
    processing = "processing"
    done = "done"
    failed = "failed"
    ALL = (queued, processing, done, failed)


class ReviewState:
    """Whether people have checked what was read: `needs_review` when tdkt itself doubts it."""

    unreviewed = "unreviewed"
    needs_review = "needs_review"
    reviewed = "reviewed"
    ALL = (unreviewed, needs_review, reviewed)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_review", "review_state", "review_confidence", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True, default=DocumentStatus.queued)
    document_type: Mapped[str | None] = mapped_column(String(20))
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    uploaded_by: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    review_state: Mapped[str] = mapped_column(String(20), default=ReviewState.unreviewed)
    # The least sure field or row (0..1): the review queue shows the least sure first.
    review_confidence: Mapped[float | None] = mapped_column(Float)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when an archivist deletes the document (`service.deleted_documents`): its rows
    # leave every read until it is restored; its original stays until an admin purges it.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    deleted_by: Mapped[str | None] = mapped_column(String(200))
    delete_reason: Mapped[str | None] = mapped_column(Text)


class Decision(Base):
    """The document-level record of an `ExtractedDocument` (decision, certificate or list)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), unique=True
    )
    document_type: Mapped[str] = mapped_column(String(20))
    issuer: Mapped[str | None] = mapped_column(String(500))
    issuer_parent: Mapped[str | None] = mapped_column(String(500))
    issuer_level: Mapped[str | None] = mapped_column(String(20))
    number: Mapped[str | None] = mapped_column(String(100), index=True)
    date: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str | None] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_title: Mapped[str | None] = mapped_column(String(200))
    signer_authority: Mapped[str | None] = mapped_column(String(200))
    declared_collective: Mapped[int | None] = mapped_column(Integer)
    declared_individual: Mapped[int | None] = mapped_column(Integer)
    ocr_used: Mapped[bool] = mapped_column(Boolean, default=False)
    ocr_engine: Mapped[str | None] = mapped_column(String(100))
    ocr_mean_confidence: Mapped[float | None] = mapped_column(Float)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class Award(Base):
    """One recipient's award, with every contract field and its evidence."""

    __tablename__ = "awards"
    __table_args__ = (
        # Filters lead, facet columns follow: counting a filter's matches by award code,
        # period, issuer and unit reads the index alone.
        Index(
            "ix_awards_code_facets",
            "award_code",
            "year_end",
            "year_start",
            "period",
            "issuer_key",
            "unit_key",
        ),
        Index("ix_awards_years", "year_end", "year_start"),
        # Newest first in the index's order: all rows, one award code's, one unit's
        # (PostgreSQL's say `year_end DESC NULLS LAST, id DESC`; SQLite's rowid ends them).
        Index("ix_awards_newest", "year_end"),
        Index("ix_awards_code_newest", "award_code", "year_end"),
        Index("ix_awards_unit_newest", "unit_key", "year_end"),
        Index("ix_awards_name_fold", "name_fold", "year_end"),
        Index(
            "ix_awards_unit_facets",
            "unit_key",
            "award_code",
            "year_end",
            "year_start",
            "period",
            "issuer_key",
        ),
        # The yearly statistics forms count one year's decisions by award code.
        Index("ix_awards_decided", "decision_date", "award_code"),
        Index(
            "ix_awards_issuer_facets",
            "issuer_key",
            "year_end",
            "award_code",
            "year_start",
            "period",
            "unit_key",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    recipient_kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(500))
    name_fold: Mapped[str] = mapped_column(String(500), default="")
    name_key: Mapped[str] = mapped_column(String(500), default="")
    honorific: Mapped[str | None] = mapped_column(String(50))
    position: Mapped[str | None] = mapped_column(String(300))
    unit: Mapped[str | None] = mapped_column(String(500))
    unit_key: Mapped[str | None] = mapped_column(String(500))
    award_code: Mapped[str] = mapped_column(String(60))
    award_text: Mapped[str | None] = mapped_column(String(500))
    award_class: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str | None] = mapped_column(String(9), index=True)
    year_start: Mapped[int | None] = mapped_column(Integer)
    year_end: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    amount_vnd: Mapped[int | None] = mapped_column(BigInteger)
    confidence: Mapped[float] = mapped_column(Float)
    evidence_page: Mapped[int | None] = mapped_column(Integer)
    evidence_bbox: Mapped[list[float] | None] = mapped_column(JSON)
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    document_type: Mapped[str] = mapped_column(String(20))
    issuer: Mapped[str | None] = mapped_column(String(500), index=True)
    issuer_key: Mapped[str | None] = mapped_column(String(500))
    issuer_level: Mapped[str | None] = mapped_column(String(20))
    number: Mapped[str | None] = mapped_column(String(100), index=True)
    decision_date: Mapped[date | None] = mapped_column(Date)
    review_state: Mapped[str] = mapped_column(String(20), default=ReviewState.unreviewed)
    commendation_method: Mapped[str | None] = mapped_column(String(20))
    rank: Mapped[str | None] = mapped_column(String(30))
    # `service.lifecycle`: active, revoked by a later decision, or a row of a decision
    # that changes another (it names whose award changes; it is no award itself).
    status: Mapped[str] = mapped_column(String(12), default="active", server_default="active")
    revoked_by_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL")
    )


class AwardStatus:
    active = "active"
    revoked = "revoked"
    change = "change"
    ALL = (active, revoked, change)


class DecisionLink(Base):
    """A decision that corrects, amends or annuls an earlier one, by the number and date
    it cites; `target_document_id` is the earlier decision once it is archived."""

    __tablename__ = "decision_links"
    __table_args__ = (Index("ix_decision_links_cited", "cited_key", "cited_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(12))  # corrects | amends | annuls
    cited_number: Mapped[str] = mapped_column(String(100))
    cited_key: Mapped[str] = mapped_column(String(100))
    cited_date: Mapped[date | None] = mapped_column(Date)
    target_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    # Folded names the changing decision lists: only their awards change; empty = all.
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)


class DocumentSignature(Base):
    """One digital signature of a document's PDF as checked when it was read; the full
    evidence is in the decision's record (`signatures`), this row is what searches filter."""

    __tablename__ = "document_signatures"
    __table_args__ = (Index("ix_document_signatures_state", "state", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12))  # schemas.SignatureState
    signer_organization: Mapped[str | None] = mapped_column(String(500))
    signer_name: Mapped[str | None] = mapped_column(String(500))
    issuer: Mapped[str] = mapped_column(Text, default="")
    serial: Mapped[str] = mapped_column(String(100), default="")
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    timestamp_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    covers_whole_file: Mapped[bool] = mapped_column(Boolean, default=False)
    modified_after_signing: Mapped[bool] = mapped_column(Boolean, default=False)
    trust: Mapped[str] = mapped_column(String(12))
    revocation: Mapped[str] = mapped_column(String(12))


class PageText(Base):
    """A page's text as read (text layer, DOCX or OCR), for display and re-parsing."""

    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    mean_confidence: Mapped[float | None] = mapped_column(Float)


class ProcessingEvent(Base):
    """What happened to a document and when: received, queued, started, done, failed."""

    __tablename__ = "processing_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    event: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[int | None] = mapped_column(Integer)


class LexiconEntry(Base):
    """One distinct name, name word, unit, issuer, award code or period, and its row count."""

    __tablename__ = "lexicon"
    __table_args__ = (
        UniqueConstraint("kind", "key"),
        Index("ix_lexicon_kind_count", "kind", "count"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(500))
    display: Mapped[str] = mapped_column(String(500))
    count: Mapped[int] = mapped_column(Integer, default=0)


class FacetPair(Base):
    """How many awards with one value (award code, period, issuer or unit) carry another:
    the facets of a search filtered on that one value, without reading its rows."""

    __tablename__ = "facet_pairs"

    dim: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(500), primary_key=True)
    facet: Mapped[str] = mapped_column(String(16), primary_key=True)
    facet_value: Mapped[str] = mapped_column(String(500), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class BatchItemStatus:
    """An item before its document exists: waiting to be read in, or refused at the door.

    Once admitted, the item points at its document, whose status tells the rest
    (queued, processing, done, failed); `duplicate` marks a document archived before.
    """

    pending = "pending"
    admitted = "admitted"
    duplicate = "duplicate"
    rejected = "rejected"


class Batch(Base):
    """Many files digitized together: a ZIP upload or a folder, with one item per file."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_kind: Mapped[str] = mapped_column(String(16))  # zip | folder
    source: Mapped[str] = mapped_column(String(1000))  # the ZIP's stored key, or the folder
    name: Mapped[str] = mapped_column(String(500))
    receiving: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class BatchItem(Base):
    __tablename__ = "batch_items"
    __table_args__ = (UniqueConstraint("batch_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(16), default=BatchItemStatus.pending)
    sha256: Mapped[str | None] = mapped_column(String(64))
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)


class Role:
    """What a user may do; each role may do everything the ones before it may."""

    viewer = "viewer"  # search and read
    archivist = "archivist"  # upload, correct, approve
    admin = "admin"  # users and settings
    ALL = (viewer, archivist, admin)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    # None: the account has no password and signs in only with API tokens (a script).
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """A script's credential: only the token's SHA-256 is kept, the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginSession(Base):
    """A browser's sign-in: the cookie holds a random id whose SHA-256 is kept here, with
    the CSRF token the page must send back on every change."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AwardChange(Base):
    """The audit log: every human change to an award row, and every approval and re-read
    of its document, with who, when, and the value before.

    Rows are addressed by (document, seq), which survive a re-read; `field` is None for
    an entry about the whole document (approved, read again).
    """

    __tablename__ = "award_changes"
    __table_args__ = (Index("ix_award_changes_row", "document_id", "seq", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    seq: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # corrected | approved | reprocessed
    field: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[Any] = mapped_column(JSON)
    new_value: Mapped[Any] = mapped_column(JSON)
    user_name: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class PersonLink(Base):
    """A person's judgement that two groups of award rows are one person (a teacher who
    moved schools). Kept after it is undone, with who undid it and when."""

    __tablename__ = "person_links"
    __table_args__ = (Index("ix_person_links_people", "person_id", "linked_to"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String(1100))
    linked_to: Mapped[str] = mapped_column(String(1100))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    removed_by: Mapped[str | None] = mapped_column(String(100))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One change anywhere in the archive, chained to the entry before it by hash.

    `entry_hash` is SHA-256 over the previous entry's hash and this entry's canonical
    JSON (see `service.preservation.audit`), so an edited or removed entry breaks the
    chain from there on. Rows are only ever added.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    client: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[Any] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


class FixityRun(Base):
    """One fixity check of the store against the database: what was wrong, what was mended."""

    __tablename__ = "fixity_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    trigger: Mapped[str] = mapped_column(String(20))  # cli | schedule
    checked: Mapped[int] = mapped_column(Integer, default=0)
    missing: Mapped[list[str]] = mapped_column(JSON, default=list)
    changed: Mapped[list[str]] = mapped_column(JSON, default=list)
    untracked: Mapped[list[str]] = mapped_column(JSON, default=list)
    repaired: Mapped[list[str]] = mapped_column(JSON, default=list)
