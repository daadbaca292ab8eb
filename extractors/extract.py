"""The extraction core's one entry point: file bytes in, `ExtractedDocument` out."""

from __future__ import annotations

from extractors.ocr_engine import OcrEngine
from extractors.parsing.document import parse_document
from extractors.reader import read_document
from extractors.signed_document import add_signatures
from extractors.trust_roots import TrustRoots
from schemas import ExtractedDocument


def extract_document(
    data: bytes,
    *,
    ocr: OcrEngine | None = None,
    workers: int | None = None,
    trust_roots: TrustRoots | None = None,
) -> ExtractedDocument:
    """Read and parse a document, and check a PDF's digital signatures against
    `trust_roots` (none: integrity only); raises an `ExtractionError` subclass on bad
    input, `TrustRootsError` when the trust roots can't be read."""
    text = read_document(data, ocr=ocr, workers=workers)
    return add_signatures(parse_document(text), data, text.media_type, trust_roots or TrustRoots())
