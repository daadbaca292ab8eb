"""Deleting a document, restoring it, and purging it for good.

A deleted document stays whole (rows, original, corrections) but leaves every read of the
archive: searches and their counts, people, exports, reports, the review queue, the
document lists, and the decisions that revoke others (`state_records.lifecycle`). Every
such read says so with the one condition of `service.kept_documents` (`kept`, or
`KEPT_AWARDS` in hand-written SQL), never with its own copy of it. The counts and word
index a search answers from without reading rows (`service.lexicon`, the search backend)
have the document's rows taken out at deletion and put back at restoration, so those
answers agree with the condition.

A purge (admins only, of a deleted document) removes the original and what was derived
from it from the store, and the document's rows from the database; what it was, who purged
it and why stays in the audit log. A document still within its retention period
(`service.retention`) is purged only when forced with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service import award_index, lexicon
from service.archive import Archive, original_key
from service.db.models import Award, Decision, Document, DocumentStatus, utcnow
from service.preservation import audit
from service.retention import Retention, retention_of
from service.state_records import lifecycle


class DeletionError(Exception):
    """A deletion, restoration or purge refused; `code` is the API's error code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _awards(session: Session, document_id: int) -> list[Award]:
    return list(session.scalars(select(Award).where(Award.document_id == document_id)))


def delete_document(session: Session, document: Document, user: str, reason: str | None) -> None:
    """Take a read (or failed) document out of every read; nothing is removed."""
    if document.deleted_at is not None:
        raise DeletionError(409, "already_deleted", f"document {document.id} is deleted")
    if document.status in (DocumentStatus.queued, DocumentStatus.processing):
        raise DeletionError(
            409, "not_ready", f"document {document.id} is {document.status}; delete it after"
        )
    awards = _awards(session, document.id)
    lexicon.count_out(session, awards)
    award_index.unindex_document(session, document.id)
    document.deleted_at = utcnow()
    document.deleted_by = user
    document.delete_reason = reason
    lifecycle.resettle(session, document.id)
    audit.record(
        session, user, "document.delete", f"document:{document.id}",
        {"reason": reason, "awards": len(awards)},
    )  # fmt: skip


def restore_document(session: Session, document: Document, user: str) -> None:
    """Bring a deleted document back into every read, as it was."""
    if document.deleted_at is None:
        raise DeletionError(409, "not_deleted", f"document {document.id} is not deleted")
    awards = _awards(session, document.id)
    subject = session.scalars(
        select(Decision.subject).where(Decision.document_id == document.id)
    ).first()
    award_index.index_awards(session, awards, subject)
    lexicon.count_in(session, awards)
    document.deleted_at = document.deleted_by = document.delete_reason = None
    lifecycle.resettle(session, document.id)
    audit.record(
        session, user, "document.restore", f"document:{document.id}", {"awards": len(awards)}
    )


@dataclass(frozen=True)
class Purged:
    document_id: int
    sha256: str
    objects: int
    retention: Retention


def purge_document(
    archive: Archive, document_id: int, user: str, reason: str | None, force: bool = False
) -> Purged:
    """Remove a deleted document for good: its objects, then its rows, audited.

    All in one write transaction, so no restoration can come between the checks and the
    removal. Objects go first: a purge stopped half way leaves a deleted document whose
    original is missing, which `tdkt fsck` reports and a second purge finishes.
    """
    reason = (reason or "").strip() or None
    with archive.db.write() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise DeletionError(404, "not_found", f"no document {document_id}")
        if document.deleted_at is None:
            raise DeletionError(
                409, "not_deleted", f"document {document_id} must be deleted before it is purged"
            )
        decision = session.scalars(
            select(Decision).where(Decision.document_id == document_id)
        ).first()
        retention = retention_of(archive.settings.retention, document, decision)
        if not retention.expired() and not (force and reason):
            raise DeletionError(
                409,
                "retention_unexpired",
                f"document {document_id} is kept {retention.label}; an admin may purge it "
                "earlier only when forcing it with a reason",
            )
        sha256 = document.sha256
        detail: dict[str, Any] = {
            "reason": reason,
            "forced": force,
            "sha256": sha256,
            "filename": document.filename,
            "number": decision.number if decision else None,
            "date": decision.date.isoformat() if decision and decision.date else None,
            "issuer": decision.issuer if decision else None,
            "retention": retention.label,
            "deleted_by": document.deleted_by,
            "deleted_at": document.deleted_at.isoformat(),
        }
        derived = [info.key for info in archive.store.iter(f"derived/{sha256}/")]
        keys = [original_key(sha256), *derived]
        for key in keys:
            if archive.store.exists(key):
                archive.store.delete(key)
        session.execute(delete(Document).where(Document.id == document_id))
        audit.record(session, user, "document.purge", f"document:{document_id}", detail)
    return Purged(document_id, sha256, len(keys), retention)
