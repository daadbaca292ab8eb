"""The extraction core's one entry point: file bytes in, `ExtractedDocument` out."""

from __future__ import annotations

from extractors.ocr_engine import OcrEngine
from extractors.parsing.document import parse_document
from extractors.reader import read_document
from schemas import ExtractedDocument


def extract_document(
    data: bytes, *, ocr: OcrEngine | None = None, workers: int | None = None
) -> ExtractedDocument:
    """Read and parse a document; raises an `ExtractionError` subclass on bad input."""
    return parse_document(read_document(data, ocr=ocr, workers=workers))
