"""People's corrections to award rows, approvals, and the audit log they leave.

A correction changes the row at once (search finds the new spelling) and is kept as an
`AwardChange` with who, when and the value before. A re-read of the document replaces
what tdkt read, never what a person wrote: `reapply` puts every field's latest
correction back over the new reading, matched by the row's place in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from schemas.award_codes import AwardCode
from service import award_index, lexicon, search_keys
from service.award_keys import set_keys
from service.db.models import (
    Award,
    AwardChange,
    Decision,
    Document,
    ProcessingEvent,
    ReviewState,
    as_utc,
    utcnow,
)
from service.preservation import audit

SYSTEM_USER = "tdkt"
# Decision fields a person may correct; the award rows carry copies of the first three.
DOCUMENT_FIELDS = ("number", "date", "issuer", "signer_name", "signer_title", "subject")
TEXT_FIELDS = ("name", "honorific", "position", "unit", "award_text", "reason")
EDITABLE = (*TEXT_FIELDS, "award_code", "award_class", "period", "amount_vnd")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


# A sane length for what a person types into one field; longer texts were not typed.
MAX_TEXT_CHARS = 1000
MAX_LONG_TEXT_CHARS = 5000
LONG_TEXT_FIELDS = ("reason", "award_text", "subject")
MAX_AMOUNT_VND = 10**12  # a thousand billion đồng: far above any award, inside BIGINT
# Unicode categories no field may hold: control characters (NUL…) and lone surrogates,
# which no database stores as text.
_REFUSED_CATEGORIES = ("Cc", "Cs")


class CorrectionError(ValueError):
    """A value that cannot be stored; `code` says what kind of wrong for a client."""

    def __init__(self, field: str, message: str, code: str = "invalid_correction") -> None:
        super().__init__(f"{field[:60]}: {message}")
        self.field = field
        self.code = code


def _clean_text(field: str, value: str) -> str:
    """NFC, runs of whitespace as one space; refused when too long or holding control
    characters."""
    limit = MAX_LONG_TEXT_CHARS if field in LONG_TEXT_FIELDS else MAX_TEXT_CHARS
    if len(value) > limit:
        raise CorrectionError(
            field, f"{len(value)} characters, more than {limit}", "value_too_long"
        )
    text = " ".join(unicodedata.normalize("NFC", value).split())
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in text):
        raise CorrectionError(field, "holds a control character (such as NUL)", "invalid_character")
    return text


def clean_value(field: str, value: Any) -> Any:
    """The value as it will be stored, or `CorrectionError` saying what is wrong with it."""
    if field not in EDITABLE:
        raise CorrectionError(field, f"not a field that can be corrected ({', '.join(EDITABLE)})")
    if field in TEXT_FIELDS:
        if value is None:
            if field == "name":
                raise CorrectionError(field, "a recipient needs a name")
            return None
        if not isinstance(value, str):
            raise CorrectionError(field, "must be text")
        text = _clean_text(field, value)
        if field == "name" and not text:
            raise CorrectionError(field, "a recipient needs a name")
        return text or None
    if field == "award_code":
        try:
            return AwardCode(value).value
        except ValueError:
            raise CorrectionError(field, f"unknown award code {str(value)[:60]!r}") from None
    if field == "period":
        if value in (None, ""):
            return None
        match = _PERIOD.match(str(value).strip())
        if not match or (match[2] and int(match[2]) != int(match[1]) + 1):
            raise CorrectionError(field, "a year (2019) or a school year (2019-2020)")
        return match[0]
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise CorrectionError(field, "must be a whole number")
    if field == "award_class" and not 1 <= value <= 3:
        raise CorrectionError(field, "a class is 1, 2 or 3")
    if field == "amount_vnd" and value < 0:
        raise CorrectionError(field, "cannot be negative")
    if field == "amount_vnd" and value > MAX_AMOUNT_VND:
        raise CorrectionError(
            field, f"more than {MAX_AMOUNT_VND:,} đồng".replace(",", "."), "value_out_of_range"
        )
    return value


def _some(changes: Mapping[str, Any]) -> None:
    if not changes:
        raise CorrectionError("changes", "send at least one field to change")


def correct(
    session: Session, award: Award, changes: Mapping[str, Any], user: str, note: str | None = None
) -> list[AwardChange]:
    """Apply a person's changes to one row (unchanged values are skipped) and log them."""
    _some(changes)
    cleaned = {field: clean_value(field, value) for field, value in changes.items()}
    changed = {f: v for f, v in cleaned.items() if getattr(award, f) != v}
    if not changed:
        return []
    lexicon.count_out(session, [award])
    entries = []
    for field, value in changed.items():
        entries.append(
            AwardChange(
                document_id=award.document_id,
                seq=award.seq,
                action="corrected",
                field=field,
                old_value=getattr(award, field),
                new_value=value,
                user_name=user,
                note=note,
            )
        )
        setattr(award, field, value)
    set_keys(award, award.decision_date.year if award.decision_date else None)
    session.add_all(entries)
    session.flush()
    lexicon.count_in(session, [award])
    _reindex(session, award.document_id)
    audit.record(session, user, "award.correct", f"award:{award.id}", _changes(entries))
    return entries


def _changes(entries: Sequence[AwardChange]) -> dict[str, Any]:
    return {e.field or "": {"old": e.old_value, "new": e.new_value} for e in entries}


def clean_document_value(field: str, value: Any) -> Any:
    if field not in DOCUMENT_FIELDS:
        raise CorrectionError(
            field, f"not a field that can be corrected ({', '.join(DOCUMENT_FIELDS)})"
        )
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise CorrectionError(field, "must be text")
    value = _clean_text(field, value)
    if field == "date":
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise CorrectionError(field, "a date as YYYY-MM-DD") from None
        if not 1945 <= day.year <= 2100:
            raise CorrectionError(field, "a date between 1945 and 2100")
        return day.isoformat()
    return value or None


def correct_document(
    session: Session, decision: Decision, changes: Mapping[str, Any], user: str
) -> list[AwardChange]:
    """Correct the decision's own fields (number, date, issuer, signer, subject); its award
    rows' copies follow, and every row's history shows the change."""
    _some(changes)
    cleaned = {f: clean_document_value(f, v) for f, v in changes.items()}
    changed = {f: v for f, v in cleaned.items() if _decision_value(decision, f) != v}
    if not changed:
        return []
    entries = [
        AwardChange(
            document_id=decision.document_id,
            action="corrected",
            field=field,
            old_value=_decision_value(decision, field),
            new_value=value,
            user_name=user,
        )
        for field, value in changed.items()
    ]
    awards = session.scalars(select(Award).where(Award.document_id == decision.document_id)).all()
    lexicon.count_out(session, awards)
    _set_decision(decision, awards, changed)
    session.add_all(entries)
    session.flush()
    lexicon.count_in(session, awards)
    _reindex(session, decision.document_id)
    audit.record(
        session, user, "document.correct", f"document:{decision.document_id}", _changes(entries)
    )
    return entries


def _decision_value(decision: Decision, field: str) -> Any:
    value = getattr(decision, field)
    return value.isoformat() if isinstance(value, date) else value


def _set_decision(decision: Decision, awards: Sequence[Award], values: Mapping[str, Any]) -> None:
    for field, value in values.items():
        setattr(decision, field, date.fromisoformat(value) if field == "date" and value else value)
    for award in awards:
        award.number = decision.number
        award.issuer = decision.issuer
        award.issuer_key = search_keys.org_key(decision.issuer or "") or None
        award.decision_date = decision.date
        set_keys(award, decision.date.year if decision.date else None)


def _reindex(session: Session, document_id: int) -> None:
    subject = session.scalars(
        select(Decision.subject).where(Decision.document_id == document_id)
    ).first()
    rows = session.scalars(select(Award).where(Award.document_id == document_id)).all()
    award_index.unindex_document(session, document_id)
    award_index.index_awards(session, rows, subject)


def approve(session: Session, document: Document, user: str, note: str | None = None) -> None:
    """Mark the document's reading as checked by a person."""
    now = utcnow()
    document.review_state = ReviewState.reviewed
    document.reviewed_by = user
    document.reviewed_at = now
    session.execute(
        update(Award)
        .where(Award.document_id == document.id)
        .values(review_state=ReviewState.reviewed)
    )
    session.add(
        AwardChange(
            document_id=document.id,
            action="approved",
            old_value=None,
            new_value=ReviewState.reviewed,
            user_name=user,
            at=now,
            note=note,
        )
    )
    audit.record(session, user, "document.approve", f"document:{document.id}", note)


def latest(session: Session, document_id: int) -> dict[tuple[int | None, str], Any]:
    """Each (row, field)'s value as people last wrote it; row None is the decision's own."""
    found: dict[tuple[int | None, str], Any] = {}
    for seq, field, value in session.execute(
        select(AwardChange.seq, AwardChange.field, AwardChange.new_value)
        .where(AwardChange.document_id == document_id, AwardChange.action == "corrected")
        .order_by(AwardChange.id)
    ):
        found[(seq, field)] = value
    return found


def reapply(
    session: Session,
    document_id: int,
    decision: Decision,
    awards: Sequence[Award],
    date_year: int | None,
    old_record: Mapping[str, Any] | None,
) -> tuple[int, int]:
    """Put people's corrections back over a new reading: (fields kept, fields that found
    no row). A corrected row is found again by what tdkt read on it (name and unit), at
    its old place or, if the reading moved it, at the one new place that reads the same;
    its log entries move with it. A row no longer read, or read twice, keeps its
    corrections in the log but gets none of them, and the document is sent to review."""
    values = latest(session, document_id)
    by_seq = {award.seq: award for award in awards}
    kept = lost = 0
    own = {field: v for (seq, field), v in values.items() if seq is None}
    own = {field: v for field, v in own.items() if field in DOCUMENT_FIELDS}
    if own:
        _set_decision(decision, awards, own)
        date_year = decision.date.year if decision.date else None
        kept += len(own)
    moves = _row_moves(old_record, by_seq, {seq for seq, _ in values if seq is not None})
    _move_log(session, document_id, moves)
    for (seq, field), value in values.items():
        if seq is None:
            continue
        target = moves.get(seq, seq)
        award = by_seq.get(target) if target is not None else None
        if award is None or field not in EDITABLE:
            lost += 1
            continue
        setattr(award, field, value)
        kept += 1
    for seq in {moves.get(seq, seq) for seq, _ in values if seq is not None}:
        if seq is not None and seq in by_seq:
            set_keys(by_seq[seq], date_year)
    return kept, lost


def _reading(name: str | None, unit: str | None) -> tuple[str, str]:
    return search_keys.name_fold(name or ""), search_keys.org_key(unit or "")


def _row_moves(
    old_record: Mapping[str, Any] | None, by_seq: Mapping[int, Award], seqs: set[int]
) -> dict[int, int | None]:
    """Old seq → new seq of each corrected row whose place changed (None: not found)."""
    old_awards = list((old_record or {}).get("awards") or [])
    moves: dict[int, int | None] = {}
    taken: set[int] = set()
    for seq in sorted(seqs):
        if not 1 <= seq <= len(old_awards):
            continue  # no earlier reading to compare with: it stays where it was
        recipient = old_awards[seq - 1].get("recipient") or {}
        read = _reading(recipient.get("name"), recipient.get("unit"))
        here = by_seq.get(seq)
        if here is not None and _reading(here.name, here.unit) == read:
            continue
        same = [s for s, a in by_seq.items() if _reading(a.name, a.unit) == read and s not in taken]
        moves[seq] = same[0] if len(same) == 1 else None
        if len(same) == 1:
            taken.add(same[0])
    return moves


def _move_log(session: Session, document_id: int, moves: Mapping[int, int | None]) -> None:
    """Log entries follow their row to its new place (through negative seqs, so two rows
    that swapped places do not collide)."""
    moved = {old: new for old, new in moves.items() if new is not None and new != old}
    for old, new in moved.items():
        session.execute(
            update(AwardChange)
            .where(AwardChange.document_id == document_id, AwardChange.seq == old)
            .values(seq=-new)
        )
    if moved:
        session.execute(
            update(AwardChange)
            .where(AwardChange.document_id == document_id, AwardChange.seq < 0)
            .values(seq=-AwardChange.seq)
        )


def note_reread(session: Session, document_id: int, kept: int, lost: int) -> None:
    note = f"read again; {kept} corrected fields kept"
    if lost:
        note += f"; {lost} could not be placed (their rows read differently now): check them"
    session.add(
        AwardChange(
            document_id=document_id,
            action="reprocessed",
            old_value=None,
            new_value=None,
            user_name=SYSTEM_USER,
            note=note,
        )
    )


def history(session: Session, award: Award) -> list[dict[str, Any]]:
    """Everything that happened to one row, oldest first: its first reading, each
    correction of the row, each approval and re-reading of its document."""
    entries: list[dict[str, Any]] = []
    first_reading = session.scalars(
        select(ProcessingEvent)
        .where(ProcessingEvent.document_id == award.document_id, ProcessingEvent.event == "done")
        .order_by(ProcessingEvent.id)
        .limit(1)
    ).first()
    for event in [first_reading] if first_reading else []:
        entries.append(
            {
                "at": as_utc(event.at),
                "user": SYSTEM_USER,
                "action": "extracted",
                "field": None,
                "old_value": None,
                "new_value": None,
                "note": event.detail,
            }
        )
    for change in session.scalars(
        select(AwardChange)
        .where(
            AwardChange.document_id == award.document_id,
            (AwardChange.seq == award.seq) | AwardChange.seq.is_(None),
        )
        .order_by(AwardChange.id)
    ):
        entries.append(
            {
                "at": as_utc(change.at),
                "user": change.user_name,
                "action": change.action,
                "field": change.field,
                "old_value": change.old_value,
                "new_value": change.new_value,
                "note": change.note,
            }
        )
    entries.sort(key=lambda e: e["at"])
    return entries
