"""Which documents wait for a person, least sure first.

A document enters the queue when tdkt doubts it (a field read below 0.7, a count or date
it could not square: `ReviewState.needs_review`); its place is its least sure field or
award row, so the reviewer's first minutes go where they are most needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from service.db.models import Decision, Document, ReviewState
from service.kept_documents import kept


def least_confidence(record: Mapping[str, Any]) -> float | None:
    """The lowest confidence (0..1) of a stored record's fields and award rows."""
    values = [float(v) for v in (record.get("field_confidence") or {}).values()]
    values += [float(a["confidence"]) for a in record.get("awards") or [] if "confidence" in a]
    return round(min(values), 4) if values else None


def waiting(
    session: Session, limit: int, offset: int
) -> tuple[int, list[tuple[Document, Decision | None]]]:
    """(how many wait, this page of them with their decision), least sure first."""
    condition = and_(Document.review_state == ReviewState.needs_review, kept(Document.id))
    total = session.execute(
        select(func.count()).select_from(Document).where(condition)
    ).scalar_one()
    rows = session.execute(
        select(Document, Decision)
        .outerjoin(Decision, Decision.document_id == Document.id)
        .where(condition)
        .order_by(Document.review_confidence.asc().nulls_last(), Document.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return total, [(document, decision) for document, decision in rows]
