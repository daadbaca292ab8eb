"""Review: the queue of documents tdkt doubts, corrections to award rows, their history,
and approval. Changes need the archivist role; every one is logged with its author."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date as date_type
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service import corrections, review_queue
from service.api.auth import AUTH_ERRORS, Archivist, as_viewer
from service.api.deps import ArchiveDep, DbId, Offset
from service.api.errors import ApiError, error_responses
from service.api.models import API, AwardOut, DocumentOut
from service.db.models import Award, Decision, Document, DocumentStatus
from service.kept_documents import kept_award, kept_document

router = APIRouter(
    prefix=API, tags=["review"], dependencies=[Depends(as_viewer)], responses=AUTH_ERRORS
)


class ReviewItem(BaseModel):
    document: DocumentOut
    confidence: float | None = Field(description="The least sure field or row, 0..1")
    low_confidence: list[str] = Field(description="Pointers of the fields read below 0.7")
    warnings: list[str]
    number: str | None
    issuer: str | None
    award_count: int


class ReviewList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ReviewItem]


class HistoryEntry(BaseModel):
    at: datetime
    user: str = Field(description="Who: a user name, or `tdkt` for what the program read")
    action: str = Field(
        examples=["corrected"], description="extracted, corrected, approved, reprocessed"
    )
    field: str | None = None
    old_value: Any = None
    new_value: Any = None
    note: str | None = None


class Approval(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


def _done(session: Session, document_id: int) -> Document:
    """The document, read to the end (only then are there rows to correct or approve)."""
    document = kept_document(session, document_id)
    if document is None:
        raise ApiError(404, "not_found", f"no document {document_id}")
    if document.status != DocumentStatus.done:
        raise ApiError(409, "not_ready", f"document {document_id} is {document.status}")
    return document


def _award(session: Session, award_id: int) -> Award:
    award = kept_award(session, award_id)
    if award is None:
        raise ApiError(404, "not_found", f"no award {award_id}")
    return award


@contextmanager
def _refused_corrections() -> Iterator[None]:
    try:
        yield
    except corrections.CorrectionError as error:
        raise ApiError(422, error.code, str(error)) from None


CORRECTION_EXAMPLE = {"name": "Nguyễn Thị Thanh Xuân", "period": "2019-2020"}


def _low_fields(decision: Decision | None) -> list[str]:
    return list((decision.record or {}).get("low_confidence", [])) if decision else []


@router.get(
    "/review",
    response_model=ReviewList,
    summary="Documents waiting for review, least sure first",
)
def review_list(
    archive: ArchiveDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Offset = 0,
) -> ReviewList:
    with archive.db.read() as session:
        total, rows = review_queue.waiting(session, limit, offset)
        ids = [document.id for document, _ in rows]
        counts = (
            dict(
                session.execute(
                    select(Award.document_id, func.count())
                    .where(Award.document_id.in_(ids))
                    .group_by(Award.document_id)
                ).all()
            )
            if ids
            else {}
        )
        items = [
            ReviewItem(
                document=DocumentOut.of(document),
                confidence=document.review_confidence,
                low_confidence=list((decision.record or {}).get("low_confidence", []))
                if decision
                else [],
                warnings=list(decision.warnings or []) if decision else [],
                number=decision.number if decision else None,
                issuer=decision.issuer if decision else None,
                award_count=counts.get(document.id, 0),
            )
            for document, decision in rows
        ]
    return ReviewList(total=total, limit=limit, offset=offset, items=items)


@router.patch(
    "/awards/{award_id}",
    response_model=AwardOut,
    summary="Correct an award row: send the fields to change; each change is logged",
    responses=error_responses(404, 409, 422),
)
def correct_award(
    award_id: DbId,
    archive: ArchiveDep,
    user: Archivist,
    changes: Annotated[
        dict[str, Any],
        Body(
            description=f"Fields to change: {', '.join(corrections.EDITABLE)}",
            examples=[CORRECTION_EXAMPLE],
        ),
    ],
) -> AwardOut:
    with archive.db.write() as session, _refused_corrections():
        award = _award(session, award_id)
        _done(session, award.document_id)
        corrections.correct(session, award, changes, user.name)
        session.flush()
        return AwardOut.of(award)


class DecisionFields(BaseModel):
    """The decision's fields as they stand (corrections included)."""

    document_id: int
    number: str | None
    date: date_type | None
    issuer: str | None
    signer_name: str | None
    signer_title: str | None
    subject: str | None


@router.patch(
    "/documents/{document_id}",
    response_model=DecisionFields,
    summary="Correct the decision's own fields (number, date, issuer, signer, subject); "
    "its award rows follow and the change is logged on each",
    responses=error_responses(404, 409, 422),
)
def correct_document(
    document_id: DbId,
    archive: ArchiveDep,
    user: Archivist,
    changes: Annotated[
        dict[str, Any],
        Body(
            description=f"Fields to change: {', '.join(corrections.DOCUMENT_FIELDS)}",
            examples=[{"number": "1234/QĐ-SGDĐT", "date": "2020-05-28"}],
        ),
    ],
) -> DecisionFields:
    with archive.db.write() as session, _refused_corrections():
        _done(session, document_id)
        decision = session.scalars(
            select(Decision).where(Decision.document_id == document_id)
        ).one()
        corrections.correct_document(session, decision, changes, user.name)
        return DecisionFields(
            document_id=document_id,
            number=decision.number,
            date=decision.date,
            issuer=decision.issuer,
            signer_name=decision.signer_name,
            signer_title=decision.signer_title,
            subject=decision.subject,
        )


@router.get(
    "/awards/{award_id}/history",
    response_model=list[HistoryEntry],
    summary="Every change to an award row: read by tdkt, corrected, approved, read again",
    responses=error_responses(404),
)
def award_history(award_id: DbId, archive: ArchiveDep) -> list[HistoryEntry]:
    with archive.db.read() as session:
        award = _award(session, award_id)
        return [HistoryEntry(**entry) for entry in corrections.history(session, award)]


@router.post(
    "/documents/{document_id}/approve",
    response_model=DocumentOut,
    summary="Approve a document's reading (marks it and its rows reviewed)",
    responses=error_responses(404, 409),
)
def approve_document(
    document_id: DbId,
    archive: ArchiveDep,
    user: Archivist,
    body: Annotated[Approval | None, Body()] = None,
) -> DocumentOut:
    with archive.db.write() as session:
        document = _done(session, document_id)
        corrections.approve(session, document, user.name, body.note if body else None)
        session.flush()
        return DocumentOut.of(document)
