"""How sure the OCR was of each important field, so reviewers look at the doubtful first.

A field's confidence is that of its least sure word, found where the field was read: in a
line or table cell of an OCR'd page whose text contains the field's value. Text layers
and DOCX are exact and get no entry; a value not found as printed gets none either.
"""

from __future__ import annotations

from extractors.text_normalize import fold
from schemas import DocumentText, ExtractedDocument
from schemas.document_text import Page, PageSource

LOW_CONFIDENCE = 0.7


def _reading_confidence(pages: list[Page], value: str | None) -> float | None:
    if not value:
        return None
    wanted = fold(value)
    tokens = set(wanted.split())
    found: list[float] = []
    for page in pages:
        for line in page.lines:
            if wanted in fold(line.text):
                confidences = [w.confidence for w in line.words if fold(w.text) in tokens]
                found.append(min(confidences, default=line.confidence))
        for table in page.tables:
            for row in table.rows:
                found += [cell.confidence for cell in row.cells if wanted in fold(cell.text)]
    return round(max(found), 3) if found else None  # the best place it was read


def add_field_confidence(document: ExtractedDocument, text: DocumentText) -> None:
    """Fill `field_confidence` and `low_confidence` for the fields read by OCR."""
    ocr_pages = [page for page in text.pages if page.source is PageSource.ocr]
    if not ocr_pages:
        return
    by_number = {page.number: page for page in ocr_pages}
    fields: dict[str, float | None] = {
        "/number": _reading_confidence(ocr_pages, document.number),
        "/signer/name": _reading_confidence(ocr_pages, document.signer.name),
    }
    for index, award in enumerate(document.awards):
        page = by_number.get(award.evidence.page or 0)
        where = [page] if page else ocr_pages
        fields[f"/awards/{index}/recipient/name"] = _reading_confidence(where, award.recipient.name)
    document.field_confidence = {k: v for k, v in fields.items() if v is not None}
    document.low_confidence = [
        pointer for pointer, value in document.field_confidence.items() if value < LOW_CONFIDENCE
    ]
