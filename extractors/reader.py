"""`read_document`: file bytes to `DocumentText`, whatever the file type.

Text layers and DOCX are read directly; scans go through the OCR engine, one page per
worker process (single-threaded engine each), pages never OCR'd twice or when a text
layer exists. Page images are made one at a time as workers are ready for them, so a
100-page scan needs no more memory than a 10-page one.
"""

from collections.abc import Iterator
from itertools import chain

from extractors import sniff
from extractors.docx_reader import read_docx
from extractors.errors import EmptyDocumentError
from extractors.image_reader import image_pages
from extractors.mixed_pages import merge
from extractors.ocr_engine import OcrEngine
from extractors.ocr_pages import PageJob, ocr_pages
from extractors.pdf_reader import MAX_PAGES, pdf_pages
from schemas.document_text import BBox, DocumentText, Page


def read_document(
    data: bytes,
    *,
    ocr: OcrEngine | None = None,
    workers: int | None = None,
    max_pages: int = MAX_PAGES,
) -> DocumentText:
    """Read any supported file into pages of lines and tables in reading order.

    Raises the `extractors.errors` family: unsupported_type, corrupt_file,
    encrypted_pdf, empty_document (also when no page has any text), too_large, ocr_failed.
    """
    media_type = sniff.sniff_media_type(data)
    pages: list[Page]
    jobs: Iterator[PageJob] = iter(())
    warnings: list[str] = []
    mixed: dict[int, list[BBox]] = {}
    if media_type == sniff.PDF:
        pages, jobs = pdf_pages(data, max_pages=max_pages, warnings=warnings, mixed=mixed)
    elif media_type == sniff.DOCX:
        pages = read_docx(data)
    else:
        pages, jobs = [], image_pages(data, max_frames=max_pages)
    engine_name: str | None = None
    first = next(jobs, None)
    if first is not None:
        if ocr is None:
            from extractors.tesseract import TesseractEngine

            ocr = TesseractEngine()
        scanned = ocr_pages(chain([first], jobs), ocr, workers)  # images made as needed
        typed = {page.number: page for page in pages if page.number in mixed}
        scanned = [
            merge(typed[p.number], p, mixed[p.number]) if p.number in typed else p for p in scanned
        ]
        pages = [p for p in pages if p.number not in typed]
        pages = sorted([*pages, *scanned], key=lambda p: p.number)
        engine_name = ocr.name
    if not any(page.text().strip() for page in pages):
        raise EmptyDocumentError("no text found on any page")
    return DocumentText(
        media_type=media_type, pages=pages, ocr_engine=engine_name, warnings=warnings
    )
