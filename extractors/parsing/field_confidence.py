"""How sure the OCR was of each important field, so reviewers look at the doubtful first.

A field's confidence is that of its least sure word, found where the field was read: in a
line or table cell of an OCR'd page whose text contains the field's value. Text layers
and DOCX are exact and get no entry; a value not found as printed gets none either.

A name whose marks tone repair changed is a guess, however sure the engine was of its
letters: a different mark is a different person (`Thụ`, `Thu`). Such a name gets at most
`REPAIRED_NAME` and so is listed for review, with what OCR read kept beside it
(`ocr_readings`), unless it was also read elsewhere without any repair.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.parsing.org_names import GENERIC_WORDS
from extractors.roman_numerals import is_numeral_reading
from extractors.text_normalize import fold
from schemas import DocumentText, ExtractedDocument, RecipientKind
from schemas.document_text import Page, PageSource

LOW_CONFIDENCE = 0.7
REPAIRED_NAME = 0.6  # below LOW_CONFIDENCE: a repaired name is always shown for review
_PUNCTUATION = ".,;:()[]\"'-"


@dataclass(frozen=True)
class Reading:
    """One place a field's value was read: how sure OCR was, and what it read there
    when repair changed a word of the value (None when the words stand as read)."""

    confidence: float
    raw: str | None = None


def _key(word: str) -> str:
    return fold(word).strip(_PUNCTUATION)


def _run(keys: list[str], wanted: list[str]) -> range | None:
    """Where the value's words stand one after another among a line's words."""
    size = len(wanted)
    for start in range(len(keys) - size + 1):
        if keys[start : start + size] == wanted:
            return range(start, start + size)
    return None


def _repaired(texts: list[str], raws: list[str], exempt: frozenset[str]) -> str | None:
    """The words as OCR read them, when repair changed more than their case, a school's
    numeral (`ll` → `II`) or a word of the `exempt` vocabulary."""
    if all(
        raw.lower() == text.lower() or _key(text) in exempt or is_numeral_reading(raw, text)
        for text, raw in zip(texts, raws, strict=True)
    ):
        return None
    return " ".join(raws).strip(_PUNCTUATION + " ")


def _readings(pages: list[Page], value: str, exempt: frozenset[str]) -> list[Reading]:
    wanted = fold(value)
    tokens = [_key(token) for token in wanted.split()]
    found: list[Reading] = []
    for page in pages:
        for line in page.lines:
            if wanted not in fold(line.text):
                continue
            keys = [_key(w.text) for w in line.words]
            run = _run(keys, tokens)
            words = (
                [line.words[i] for i in run]
                if run
                else [w for w, k in zip(line.words, keys, strict=True) if k in tokens]
            )
            confidence = min((w.confidence for w in words), default=line.confidence)
            raw = _repaired([w.text for w in words], [w.raw or w.text for w in words], exempt)
            found.append(Reading(confidence, raw))
        for table in page.tables:
            for row in table.rows:
                for cell in row.cells:
                    if wanted not in fold(cell.text):
                        continue
                    raw = None
                    texts, raws = cell.text.split(), (cell.raw or cell.text).split()
                    if cell.raw is not None and len(texts) == len(raws):
                        run = _run([_key(t) for t in texts], tokens)
                        if run:
                            raw = _repaired([texts[i] for i in run], [raws[i] for i in run], exempt)
                    found.append(Reading(cell.confidence, raw))
    return found


def _reading(
    pages: list[Page], value: str | None, *, name: bool = False, collective: bool = False
) -> Reading | None:
    """The best place the value was read; for a name, a repaired reading counts as doubtful
    (for a collective's, only where repair changed more than the words of its kind:
    `Trường Tiếu học` is `Trường Tiểu học` beyond doubt, `Thần Nhân Trung` is not)."""
    if not value:
        return None
    readings = _readings(pages, value, GENERIC_WORDS if collective else frozenset())
    if not readings:
        return None

    def trust(reading: Reading) -> float:
        if name and reading.raw is not None:
            return min(reading.confidence, REPAIRED_NAME)
        return reading.confidence

    best = max(readings, key=trust)
    return Reading(round(trust(best), 3), best.raw if name else None)


def _structural(document: ExtractedDocument, doubts: dict[str, float]) -> dict[str, float]:
    """Doubts that come from how a field was parsed, not how it was read: a record whose
    confidence fell below the threshold (fallback path, odd name, kind against its
    section), an issuer that is only a place, a number or day left blank."""
    found = {p: c for p, c in doubts.items() if c < LOW_CONFIDENCE}
    for index, award in enumerate(document.awards):
        if award.confidence < LOW_CONFIDENCE:
            found[f"/awards/{index}/recipient/name"] = award.confidence
    return found


def add_field_confidence(
    document: ExtractedDocument, text: DocumentText, doubts: dict[str, float] | None = None
) -> None:
    """Fill `field_confidence`, `low_confidence` and `ocr_readings`: fields read by OCR,
    and on any page the fields whose parsing gives reason to doubt them."""
    structural = _structural(document, doubts or {})
    ocr_pages = [page for page in text.pages if page.source is PageSource.ocr]
    if not ocr_pages:
        document.field_confidence = dict(structural)
        document.low_confidence = list(structural)
        return
    by_number = {page.number: page for page in ocr_pages}
    fields: dict[str, Reading | None] = {
        "/number": _reading(ocr_pages, document.number),
        "/signer/name": _reading(ocr_pages, document.signer.name, name=True),
    }
    for index, award in enumerate(document.awards):
        page = by_number.get(award.evidence.page or 0)
        where = [page] if page else ocr_pages
        fields[f"/awards/{index}/recipient/name"] = _reading(
            where,
            award.recipient.name,
            name=True,
            collective=award.recipient.kind is RecipientKind.collective,
        )
    found = {pointer: reading for pointer, reading in fields.items() if reading is not None}
    confidence = {pointer: r.confidence for pointer, r in found.items()}
    for pointer, value in structural.items():
        confidence[pointer] = min(value, confidence.get(pointer, 1.0))
    document.field_confidence = confidence
    document.low_confidence = [p for p, value in confidence.items() if value < LOW_CONFIDENCE]
    document.ocr_readings = {pointer: r.raw for pointer, r in found.items() if r.raw}
