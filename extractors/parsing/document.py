"""From `DocumentText` to `ExtractedDocument`: classify, then parse by kind, then check.

Each step lives in its own module; this one only wires them and turns their findings
into contract records with confidence, evidence and warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from extractors.commendation_method import annotate
from extractors.dates import day_left_blank
from extractors.decision_changes import decision_change
from extractors.decision_numbers import number_left_blank, symbol_looks_cut
from extractors.money import find_amount_vnd
from extractors.nlp import (
    RecipientParts,
    name_doubts,
    recipient_from_cells,
    row_kind,
    split_recipient,
)
from extractors.parsing.articles import Grant, parse_grants, split_articles
from extractors.parsing.award_list import ListRow, parse_list
from extractors.parsing.certificate import parse_certificate, recipient_bbox
from extractors.parsing.classify import classify
from extractors.parsing.field_confidence import add_field_confidence
from extractors.parsing.header import issuer_from_authority, parse_header
from extractors.parsing.issuer import BARE_BODY, FROM_AUTHORITY, is_bare_body
from extractors.parsing.items import Item, LineItem, flatten, lines_of, union_bbox
from extractors.parsing.list_citation import (
    CitedDecision,
    cited_decision,
    cites_decision,
    is_list_title,
)
from extractors.parsing.list_columns import Role
from extractors.parsing.org_names import award_case, organization_case
from extractors.parsing.signature import find_signer
from extractors.parsing.signing_stamp import find_signing_stamp
from extractors.periods import find_period
from extractors.taxonomy import AwardMatch, issuer_level_of, match_award
from extractors.text_normalize import is_all_caps
from schemas import (
    Award,
    AwardCode,
    DeclaredCounts,
    DocumentText,
    DocumentType,
    Evidence,
    ExtractedDocument,
    FieldEvidence,
    OcrInfo,
    Recipient,
    RecipientKind,
)


def parse_document(text: DocumentText) -> ExtractedDocument:
    items = flatten(text)
    lines = lines_of(items)
    kind = classify(lines)
    document = ExtractedDocument(document_type=kind, pages=len(text.pages), ocr=_ocr_info(text))
    document.warnings.extend(text.warnings)  # the reader's: a page whose text layer was OCR'd
    doubts: dict[str, float] = {}
    if kind is DocumentType.certificate:
        _certificate(document, lines, doubts)
    elif kind in (DocumentType.decision, DocumentType.award_list, DocumentType.other):
        _decision(document, items, lines, kind, doubts)
    _drop_nameless(document)
    annotate(document)
    if kind is not DocumentType.certificate:
        document.changes = decision_change(document.subject)
    if document.date is None:
        _date_from_stamp(document, lines, doubts)
    _check(document, doubts)
    if document.number and symbol_looks_cut(document.number):
        doubts["/number"] = min(doubts.get("/number", 1.0), UNREAD_FIELD)
    if document.document_type in (DocumentType.decision, DocumentType.certificate):
        if document.signer.name is None:
            doubts["/signer/name"] = 0.0  # every decision and certificate is signed
        if document.issuer is None:
            doubts["/issuer"] = 0.0
    add_field_confidence(document, text, doubts)
    return document


def _date_from_stamp(
    document: ExtractedDocument, lines: list[LineItem], doubts: dict[str, float]
) -> None:
    """An unreadable date line: the date printed in an e-signature's `Giờ ký` stamp."""
    stamp = find_signing_stamp(lines)
    if stamp is None:
        return
    document.date = stamp.day
    document.field_evidence["/date"] = FieldEvidence(
        page=stamp.line.page, bbox=stamp.line.bbox, text=stamp.line.text, source="signing_stamp"
    )
    doubts.pop("/date", None)  # read after all, from the stamp
    if stamp.line.confidence < 1.0:
        doubts["/date"] = stamp.line.confidence


UNREAD_FIELD = 0.3  # a number or day missing or written by hand unreadably: null, to check


def _ocr_info(text: DocumentText) -> OcrInfo:
    confidences = [p.mean_confidence for p in text.pages if p.mean_confidence is not None]
    return OcrInfo(
        used=text.ocr_used,
        engine=text.ocr_engine,
        mean_confidence=round(sum(confidences) / len(confidences), 1) if confidences else None,
    )


def _certificate(
    document: ExtractedDocument, lines: list[LineItem], doubts: dict[str, float]
) -> None:
    cert = parse_certificate(lines)
    if cert.issuer is None:
        doubts["/issuer"] = 0.0
    document.issuer, document.issuer_level = cert.issuer, cert.issuer_level
    document.number, document.place, document.signer = cert.number, cert.place, cert.signer
    document.date = cert.date if isinstance(cert.date, date) else None
    if document.date is None and cert.date_unread:
        doubts["/date"] = UNREAD_FIELD
    if cert.recipient is None:
        document.warnings.append("no recipient found on the certificate")
        return
    base = min((line.confidence for line in cert.recipient_lines), default=1.0)
    document.awards.append(
        Award(
            recipient=cert.recipient,
            award_code=cert.award.code if cert.award else AwardCode.other,
            award_text=award_case(cert.award.text) if cert.award else None,
            award_class=cert.award.award_class if cert.award else None,
            period=cert.period,
            reason=cert.reason,
            confidence=_confidence(base, _parts_of(cert.recipient), cert.award, cert.doubts),
            evidence=Evidence(
                page=cert.recipient_lines[0].page,
                bbox=recipient_bbox(cert.recipient_lines),
                text=" ".join(line.text for line in cert.recipient_lines),
            ),
        )
    )


def _decision(
    document: ExtractedDocument,
    items: list[Item],
    lines: list[LineItem],
    kind: DocumentType,
    doubts: dict[str, float],
) -> None:
    header = parse_header(lines, ("danh sach",) if kind is DocumentType.award_list else ())
    document.issuer, document.issuer_parent = header.issuer, header.issuer_parent
    document.number, document.place, document.date = header.number, header.place, header.date
    document.subject = header.subject
    issuer_confidence = header.issuer_confidence
    if header.authority and (document.issuer is None or issuer_confidence < 0.7):
        # the authority line names the body in full (`CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG X`)
        from_authority = issuer_from_authority(header.authority)
        if from_authority:
            sure = BARE_BODY if is_bare_body(from_authority) else FROM_AUTHORITY
            document.issuer, issuer_confidence = from_authority, sure
    if document.issuer is None:
        issuer_confidence = 0.0
    doubts["/issuer"] = issuer_confidence
    # Null either way; only what is there but could not be read waits for review: a
    # number or day printed blank is what the page says.
    if document.number is None and not number_left_blank(header.number_line):
        doubts["/number"] = UNREAD_FIELD
    if (
        document.date is None
        and kind is DocumentType.decision
        and not day_left_blank(header.date_line)
    ):
        doubts["/date"] = UNREAD_FIELD
    document.issuer_level = issuer_level_of(document.issuer) if document.issuer else None

    articles, body_end = split_articles(lines, header.body_start)
    grants = parse_grants(articles, header.subject, document.issuer_level)
    list_at = next((i for i in range(body_end, len(lines)) if is_list_title(lines[i])), len(lines))
    if kind is DocumentType.award_list:
        list_at = _list_title_at(lines, header.body_start if header.body_start else 0)
        _from_cited_decision(document, cited_decision(lines, list_at), doubts)
    document.signer = find_signer(lines, body_end, list_at if list_at > body_end else None)

    declared: dict[RecipientKind, int] = {}
    for grant in grants:
        for k, n in grant.declared.items():
            declared[k] = declared.get(k, 0) + n
    document.declared_counts = DeclaredCounts(
        collective=declared.get(RecipientKind.collective),
        individual=declared.get(RecipientKind.individual),
    )
    inline_total = sum(len(g.inline) for g in grants)
    for grant in grants:
        for inline in grant.inline:
            kind_hint = inline.section or (
                next(iter(grant.kinds)) if grant.kinds and len(grant.kinds) == 1 else None
            )
            own = row_kind(inline.text)
            parts = split_recipient(inline.text, own or kind_hint)
            if not parts.name:
                continue
            base = min((line.confidence for line in inline.lines), default=1.0)
            row_doubts = _kind_doubts(own, kind_hint)
            award = grant.award_for(parts.kind)
            document.awards.append(
                _award(
                    parts, grant, award, base, inline.lines, inline.text, inline_total, row_doubts
                )
            )
    list_items = _items_from(items, lines[list_at] if list_at < len(lines) else None, kind)
    if kind is DocumentType.decision and list_at >= len(lines):
        # no `DANH SÁCH` title: only tables after the articles count as the list
        list_items = [i for i in list_items if not isinstance(i, LineItem)]
    if list_items and (
        any(g.has_list for g in grants) or kind is DocumentType.award_list or not inline_total
    ):
        rows = parse_list(list_items)
        titled = _list_title(lines, list_at, document)
        for row in rows:
            document.awards.append(_row_award(row, grants, document, len(rows), titled))


def _list_title_at(lines: list[LineItem], fallback: int) -> int:
    """The `DANH SÁCH` line of a list archived on its own: its rows follow its title."""
    return next((i for i, line in enumerate(lines[:25]) if is_list_title(line)), fallback)


def _from_cited_decision(
    document: ExtractedDocument, cited: CitedDecision | None, doubts: dict[str, float]
) -> None:
    """A list's number, date and issuer are those of the decision it is attached to,
    where its own header does not print them."""
    if cited is None:
        return
    if document.number is None and cited.number:
        document.number = cited.number
        doubts.pop("/number", None)
    document.date = document.date or cited.date
    if cited.issuer and (document.issuer is None or doubts.get("/issuer", 0.0) < 0.7):
        document.issuer = cited.issuer
        doubts["/issuer"] = FROM_AUTHORITY
        document.issuer_level = issuer_level_of(document.issuer)


def _items_from(items: list[Item], first: LineItem | None, kind: DocumentType) -> list[Item]:
    if first is None:
        return []
    for index, item in enumerate(items):
        if item is first:
            return items[index + 1 :]
    return []


def _grant_for(kind: RecipientKind | None, grants: list[Grant]) -> Grant | None:
    for grant in grants:
        if kind is not None and grant.kinds and kind in grant.kinds:
            return grant
    return grants[0] if grants else None


@dataclass(frozen=True)
class _ListTitle:
    """What a list's title says of all its rows (`… được tặng Giấy khen … năm học 2022-2023`)."""

    award: AwardMatch | None = None
    period: str | None = None


def _list_title(lines: list[LineItem], list_at: int, document: ExtractedDocument) -> _ListTitle:
    """The award and school year the list's title names, for rows whose article did not
    say them (unread, or no decision at all): its lines up to `(Kèm theo …)`."""
    award, period = None, None
    for line in lines[list_at : list_at + 8]:  # the list's own header may come between
        if cites_decision(line) or line.folded[:1].isdigit():
            break
        found = match_award(line.text, document.issuer_level)
        if award is None and found is not None and found.code is not AwardCode.other:
            award = found
        period = period or find_period(line.text)
    return _ListTitle(award, period)


def _row_award(
    row: ListRow,
    grants: list[Grant],
    document: ExtractedDocument,
    rows: int,
    titled: _ListTitle | None = None,
) -> Award:
    cells = row.cells
    own = row_kind(cells.get(Role.combined) or cells.get(Role.name, ""))
    kind = own or row.kind
    if Role.combined in cells:
        parts = split_recipient(cells[Role.combined], kind)
    else:
        parts = recipient_from_cells(
            cells.get(Role.name, ""), cells.get(Role.position), cells.get(Role.unit), kind
        )
    doubts = [*row.doubts, *_kind_doubts(own, row.kind)]
    if row.group and parts.kind is RecipientKind.individual and parts.unit is None:
        parts = replace(parts, unit=row.group)  # the unit heading the row stands under
    award: AwardMatch | None = None
    if cells.get(Role.award):
        written = " ".join(cells[Role.award].split())
        award = match_award(written, document.issuer_level)
        if award is None or award.code is AwardCode.other:
            # a prize or wording outside the taxonomy: keep it as printed
            award = AwardMatch(AwardCode.other, written, None, 0, len(written))
    if award is None and row.section:
        award = match_award(row.section, document.issuer_level)
    grant = _grant_for(parts.kind, grants)
    if award is None and grant is not None:
        award = grant.award_for(parts.kind)
    if award is None and titled is not None:
        award = titled.award
    result = _award(parts, grant, award, row.confidence, [], row.text, rows, doubts)
    result.evidence = Evidence(page=row.page, bbox=row.bbox, text=row.text)
    if cells.get(Role.amount):
        result.amount_vnd = find_amount_vnd(cells[Role.amount] + " đồng") or result.amount_vnd
    if cells.get(Role.period):
        result.period = find_period(cells[Role.period]) or result.period
    if result.period is None and grant is None:
        # no article read: the school year of the list's title, or of the subject
        result.period = (titled.period if titled else None) or (
            find_period(document.subject) if document.subject else None
        )
    return result


def _body_case(text: str) -> str:
    """A body printed in capitals (`TRƯỜNG THCS KIM ĐỒNG`, a list in capitals) as it is
    written in running text; a name already in proper case is kept."""
    return organization_case(text) if is_all_caps(text) else text


def _award(
    parts: RecipientParts,
    grant: Grant | None,
    award: AwardMatch | None,
    base: float,
    lines: list[LineItem],
    text: str,
    recipients: int,
    doubts: list[str] | None = None,
) -> Award:
    recipient = Recipient(
        kind=parts.kind,
        name=_body_case(parts.name) if parts.kind is RecipientKind.collective else parts.name,
        honorific=parts.honorific,
        position=parts.position,
        unit=_body_case(parts.unit) if parts.unit else None,
    )
    return Award(
        recipient=recipient,
        award_code=award.code if award else AwardCode.other,
        award_text=award_case(award.text) if award else None,
        award_class=award.award_class if award else None,
        period=grant.period if grant else None,
        reason=grant.reason if grant else None,
        amount_vnd=grant.amount_for(parts.kind, recipients) if grant else None,
        confidence=_confidence(base, parts, award, doubts or []),
        evidence=Evidence(
            page=lines[0].page if lines else None,
            bbox=union_bbox([line.bbox for line in lines]),
            text=" ".join(text.split()),
        ),
    )


def _kind_doubts(own: RecipientKind | None, hint: RecipientKind | None) -> list[str]:
    """The row's kind against what its section or article says."""
    if own is None:
        return [] if hint is not None else ["kind decided by default"]
    if hint is not None and hint is not own:
        return ["the row's kind differs from its section's"]
    return []


def _parts_of(recipient: Recipient) -> RecipientParts:
    return RecipientParts(
        kind=recipient.kind,
        name=recipient.name,
        honorific=recipient.honorific,
        position=recipient.position,
        unit=recipient.unit,
    )


# How much each doubt about a record lowers its confidence; any one of the strong ones
# puts the record below the review threshold (0.7) on its own.
_DOUBT_FACTORS = {
    "a label inside the name": 0.5,
    "a person's name that does not look like one": 0.6,
    "an organization word inside a person's name": 0.6,
    "a name word with marks no syllable has": 0.6,
    "a collective named like a person": 0.6,
    "an honorific inside a collective's name": 0.5,
    "the row's kind differs from its section's": 0.65,
    "kind decided by default": 0.9,
}
_OTHER_DOUBT = 0.65
OCR_SURE = 0.9
OCR_DOUBT = 0.85


def _confidence(
    base: float, parts: RecipientParts, award: AwardMatch | None, doubts: list[str]
) -> float:
    """How far to trust a record: the reading's confidence, lowered by what looks off."""
    score = max(0.0, min(1.0, base))
    if score < OCR_SURE:
        # a reading OCR itself doubted is right less often than its score says
        score *= OCR_DOUBT
    for doubt in [*doubts, *name_doubts(parts)]:
        score *= _DOUBT_FACTORS.get(doubt, _OTHER_DOUBT)
    if award is None:
        score *= 0.65
    if parts.kind is RecipientKind.individual and parts.unit is None:
        score *= 0.95
    return round(score, 3)


_NAME_WORD = re.compile(r"[^\W\d_]{2,}")


def _drop_nameless(document: ExtractedDocument) -> None:
    """Rows whose recipient has no word at all (`1" 5 5 6`, ``) are OCR debris, not people."""
    kept = [a for a in document.awards if _NAME_WORD.search(a.recipient.name)]
    dropped = len(document.awards) - len(kept)
    if dropped:
        document.awards = kept
        document.warnings.append(f"{dropped} rows without a readable recipient name left out")


def _check(document: ExtractedDocument, doubts: dict[str, float]) -> None:
    """Declared counts against parsed rows, dates, and empty results, as warnings."""
    counts = {
        RecipientKind.collective: sum(
            1 for a in document.awards if a.recipient.kind is RecipientKind.collective
        ),
        RecipientKind.individual: sum(
            1 for a in document.awards if a.recipient.kind is RecipientKind.individual
        ),
    }
    for kind, declared in (
        (RecipientKind.collective, document.declared_counts.collective),
        (RecipientKind.individual, document.declared_counts.individual),
    ):
        noun = "collectives" if kind is RecipientKind.collective else "individuals"
        if declared is not None and declared != counts[kind]:
            document.warnings.append(f"declared {declared} {noun}, parsed {counts[kind]}")
    if (
        document.document_type in (DocumentType.decision, DocumentType.certificate)
        and not document.awards
    ):
        document.warnings.append("no award records found")
    if document.date is not None and document.date > date.today():
        document.warnings.append(f"date {document.date.isoformat()} is in the future")
    if (
        document.number is None
        and document.document_type is DocumentType.decision
        and "/number" in doubts
    ):
        document.warnings.append("no decision number found")
