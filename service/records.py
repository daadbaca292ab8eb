"""A document's extracted record written as rows, replacing what an earlier run wrote.

Everything a run produces for one document (decision, awards, pages, index entries,
status) is written in the caller's one transaction, so a search sees the old rows or the
new ones, never half of each.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from schemas import ExtractedDocument
from schemas.document_text import DocumentText
from service import award_index, corrections, lexicon, search_keys
from service.award_keys import period_years
from service.db.models import (
    Award,
    Decision,
    Document,
    DocumentSignature,
    DocumentStatus,
    PageText,
    ReviewState,
    utcnow,
)
from service.review_queue import least_confidence
from service.signature_records import signature_rows
from service.state_records import lifecycle

UNPLACED_CORRECTIONS = "corrections made by people could not be placed on this reading"


def review_state_of(extracted: ExtractedDocument) -> str:
    """A document tdkt doubts (a low-confidence field, a count or date it could not square)
    waits for review; the rest are simply not reviewed yet."""
    if extracted.needs_review():
        return ReviewState.needs_review
    return ReviewState.unreviewed


def clear_records(session: Session, document_id: int) -> dict[int, int]:
    """Remove the document's rows; returns the old award ids by seq, for reuse."""
    old = session.scalars(select(Award).where(Award.document_id == document_id)).all()
    ids = {award.seq: award.id for award in old}
    lexicon.count_out(session, old)
    award_index.unindex_document(session, document_id)
    for table in (Award, Decision, PageText, DocumentSignature):
        session.execute(delete(table).where(table.document_id == document_id))
    return ids


def replace_records(
    session: Session, document: Document, extracted: ExtractedDocument, text: DocumentText
) -> list[Award]:
    """Swap in the document's new decision, awards, pages and index entries; mark it done.

    A row keeps its id across a re-read (links to it stay good), and what people
    corrected on it is applied again over what was read (`service.corrections`).
    """
    previous = session.scalars(select(Decision).where(Decision.document_id == document.id)).first()
    old_record = previous.record if previous is not None else None
    old_ids = clear_records(session, document.id)
    record = extracted.model_dump(mode="json")
    decision = Decision(
        document_id=document.id,
        document_type=extracted.document_type.value,
        issuer=extracted.issuer,
        issuer_parent=extracted.issuer_parent,
        issuer_level=extracted.issuer_level.value if extracted.issuer_level else None,
        number=extracted.number,
        date=extracted.date,
        place=extracted.place,
        subject=extracted.subject,
        signer_name=extracted.signer.name,
        signer_title=extracted.signer.title,
        signer_authority=extracted.signer.authority,
        declared_collective=extracted.declared_counts.collective,
        declared_individual=extracted.declared_counts.individual,
        ocr_used=extracted.ocr.used,
        ocr_engine=extracted.ocr.engine,
        ocr_mean_confidence=extracted.ocr.mean_confidence,
        warnings=list(extracted.warnings),
        record=record,
    )
    session.add(decision)
    session.add_all(signature_rows(document.id, extracted.signatures))
    session.flush()
    date_year = extracted.date.year if extracted.date else None
    review_state = review_state_of(extracted)
    if document.review_state == ReviewState.reviewed and old_record == record:
        review_state = ReviewState.reviewed  # read again to the same values: still approved
    issuer_key = search_keys.org_key(extracted.issuer or "") or None
    awards: list[Award] = []
    for seq, item in enumerate(extracted.awards, start=1):
        first, last = period_years(item.period, date_year)
        awards.append(
            Award(
                id=old_ids.get(seq),
                document_id=document.id,
                decision_id=decision.id,
                seq=seq,
                recipient_kind=item.recipient.kind.value,
                name=item.recipient.name,
                name_fold=search_keys.name_fold(item.recipient.name),
                name_key=search_keys.name_key(item.recipient.name),
                honorific=item.recipient.honorific,
                position=item.recipient.position,
                unit=item.recipient.unit,
                unit_key=search_keys.org_key(item.recipient.unit or "") or None,
                award_code=item.award_code.value,
                award_text=item.award_text,
                award_class=item.award_class,
                period=item.period,
                year_start=first,
                year_end=last,
                reason=item.reason,
                amount_vnd=item.amount_vnd,
                confidence=item.confidence,
                evidence_page=item.evidence.page,
                evidence_bbox=list(item.evidence.bbox) if item.evidence.bbox else None,
                evidence_text=item.evidence.text,
                document_type=decision.document_type,
                issuer=extracted.issuer,
                issuer_key=issuer_key,
                issuer_level=decision.issuer_level,
                number=extracted.number,
                decision_date=extracted.date,
                review_state=review_state,
                commendation_method=(
                    item.commendation_method.value if item.commendation_method else None
                ),
                rank=item.recipient.rank.value if item.recipient.rank else None,
            )
        )
    kept, lost = corrections.reapply(session, document.id, decision, awards, date_year, old_record)
    if old_record is not None:
        corrections.note_reread(session, document.id, kept, lost)
    if lost:
        review_state = ReviewState.needs_review
        decision.warnings = [*decision.warnings, UNPLACED_CORRECTIONS]
        for award in awards:
            award.review_state = review_state
    session.add_all(awards)
    session.add_all(
        PageText(
            document_id=document.id,
            number=page.number,
            source=page.source.value,
            text=page.text(),
            mean_confidence=page.mean_confidence,
        )
        for page in text.pages
    )
    session.flush()
    award_index.index_awards(session, awards, extracted.subject)
    lexicon.count_in(session, awards)
    document.review_state = review_state
    document.review_confidence = least_confidence(record)
    if review_state != ReviewState.reviewed:
        document.reviewed_by = document.reviewed_at = None
    document.status = DocumentStatus.done
    document.document_type = decision.document_type
    document.pages = extracted.pages or document.pages
    document.error_code = None
    document.error_message = None
    document.processed_at = utcnow()
    lifecycle.settle(session, document.id, extracted, awards)
    return awards
