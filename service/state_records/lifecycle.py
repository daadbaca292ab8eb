"""Decisions that change others: links by cited number and date, and award rows revoked.

A decision whose subject corrects, amends or annuls an earlier one (`ExtractedDocument.
changes`) gets a link to the number and date it cites. The earlier decision — and the
certificates printed from it, which carry its number and date — may be archived before
or after; whichever comes second settles the link, so either order ends the same.
An annulment revokes the earlier awards (all of them, or only those of the recipients
it names) — they stay in the archive marked `revoked`, with the decision that revoked
them; a correction or amendment links the two and changes no row (the corrected values
are for an archivist to apply). Rows of a changing decision itself are `change`: they
name whose award changes, they are no new awards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from extractors.text_normalize import fold
from schemas import ChangeAction, DocumentType, ExtractedDocument
from service.db.models import Award, AwardStatus, Decision, DecisionLink
from service.kept_documents import kept

Target = tuple[str, date | None]


def number_key(number: str | None) -> str:
    """`123/QĐ-UBND`, `123/QD-UBND`, `123 / QĐ - UBND` → one key."""
    return re.sub(r"[^0-9a-z]", "", fold(number or ""))


def _number_prefix(number: str) -> str:
    digits = re.match(r"\d+", number.strip())
    return digits.group(0) if digits else number


def settle(
    session: Session, document_id: int, extracted: ExtractedDocument, awards: Sequence[Award]
) -> None:
    """Bring links and row states up to date after `document_id` was (re)written."""
    old = session.scalars(select(DecisionLink).where(DecisionLink.document_id == document_id))
    touched: set[Target] = {(link.cited_key, link.cited_date) for link in old}
    session.execute(delete(DecisionLink).where(DecisionLink.document_id == document_id))
    change = extracted.changes if extracted.document_type.value != "certificate" else None
    if change is not None:
        names = sorted({a.name_fold for a in awards if a.name_fold})
        link = DecisionLink(
            document_id=document_id,
            action=change.action.value,
            cited_number=change.number,
            cited_key=number_key(change.number),
            cited_date=change.date,
            recipients=names if change.action is ChangeAction.annuls else [],
        )
        session.add(link)
        touched.add((link.cited_key, link.cited_date))
        for award in awards:
            award.status = AwardStatus.change
    own_key = number_key(extracted.number)
    if own_key:
        touched.add((own_key, extracted.date))
    session.flush()
    for key, day in touched:
        _resolve(session, key, day)


def resettle(session: Session, document_id: int) -> None:
    """Links and row states again after `document_id` was deleted or restored: a deleted
    decision annuls nothing and is annulled by nothing."""
    decision = session.scalars(select(Decision).where(Decision.document_id == document_id)).first()
    if decision is None:
        return
    made = session.scalars(select(DecisionLink).where(DecisionLink.document_id == document_id))
    touched = {(link.cited_key, link.cited_date) for link in made}
    touched.add((number_key(decision.number), decision.date))
    session.flush()
    for key, day in touched:
        _resolve(session, key, day)


def _decisions_with(session: Session, key: str, day: date | None) -> list[Decision]:
    """Archived decisions (not certificates) with this number (and date, when cited)."""
    prefix = _number_prefix(key)
    query = select(Decision).where(
        kept(Decision.document_id),
        Decision.document_type != DocumentType.certificate.value,
        or_(Decision.number.like(f"{prefix}%"), Decision.number.like(f"{prefix} %")),
    )
    if day is not None:
        query = query.where(Decision.date == day)
    return [d for d in session.scalars(query) if number_key(d.number) == key]


def _rows_with(session: Session, key: str, day: date | None) -> list[Award]:
    """Award rows of the decision with this number and date, and of its certificates."""
    prefix = _number_prefix(key)
    query = select(Award).where(Award.number.like(f"{prefix}%"), kept(Award.document_id))
    if day is not None:
        query = query.where(Award.decision_date == day)
    return [a for a in session.scalars(query) if number_key(a.number) == key]


def _links_citing(session: Session, key: str, day: date | None) -> list[DecisionLink]:
    query = select(DecisionLink).where(
        DecisionLink.cited_key == key, kept(DecisionLink.document_id)
    )
    links = list(session.scalars(query))
    # a link that cites no date applies to the number whatever its date
    return [link for link in links if link.cited_date in (None, day) or day is None]


def _resolve(session: Session, key: str, day: date | None) -> None:
    """Links citing (key, day) pointed at the archived decision; its rows' states set."""
    if not key:
        return
    links = _links_citing(session, key, day)
    targets = _decisions_with(session, key, day)
    target_id = targets[0].document_id if len(targets) == 1 else None
    for link in links:
        if link.cited_date == day or day is None:
            link.target_document_id = target_id if link.document_id != target_id else None
    changing = {link.document_id for link in links}
    dates = {day} if day is not None else {link.cited_date for link in links}
    rows = [r for d in dates for r in _rows_with(session, key, d)]
    annulments = [link for link in links if link.action == ChangeAction.annuls.value]
    for row in rows:
        if row.document_id in changing or row.status == AwardStatus.change:
            continue
        row.status, row.revoked_by_document_id = AwardStatus.active, None
        for link in annulments:
            if link.cited_date not in (None, row.decision_date):
                continue
            if not link.recipients or row.name_fold in link.recipients:
                row.status, row.revoked_by_document_id = AwardStatus.revoked, link.document_id


def links_of(session: Session, document_id: int) -> tuple[list[DecisionLink], list[DecisionLink]]:
    """The links a document makes (to decisions it changes) and those made to it."""
    made = list(
        session.scalars(select(DecisionLink).where(DecisionLink.document_id == document_id))
    )
    received = list(
        session.scalars(select(DecisionLink).where(DecisionLink.target_document_id == document_id))
    )
    return made, received


def in_force(awards: Iterable[Award]) -> list[Award]:
    """The awards that count (reports, eligibility): neither revoked nor a change notice."""
    return [a for a in awards if a.status == AwardStatus.active]
