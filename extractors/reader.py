"""`read_document`: file bytes to `DocumentText`, whatever the file type.

Text layers and DOCX are read directly; scans go through the OCR engine, one page per
worker process (single-threaded engine each), pages never OCR'd twice or when a text
layer exists.
"""

from extractors import sniff
from extractors.docx_reader import read_docx
from extractors.errors import EmptyDocumentError
from extractors.image_reader import load_images
from extractors.ocr_engine import OcrEngine
from extractors.ocr_pages import PageJob, ocr_pages
from extractors.pdf_reader import MAX_PAGES, scan_pdf
from schemas.document_text import DocumentText, Page


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
    jobs: list[PageJob] = []
    if media_type == sniff.PDF:
        scanned = scan_pdf(data, max_pages=max_pages)
        pages, jobs = scanned.pages, scanned.ocr_jobs
    elif media_type == sniff.DOCX:
        pages = read_docx(data)
    else:
        pages, jobs = [], load_images(data, max_frames=max_pages)
    engine_name: str | None = None
    if jobs:
        if ocr is None:
            from extractors.tesseract import TesseractEngine

            ocr = TesseractEngine()
        pages = sorted([*pages, *ocr_pages(jobs, ocr, workers)], key=lambda p: p.number)
        engine_name = ocr.name
    if not any(page.text().strip() for page in pages):
        raise EmptyDocumentError("no text found on any page")
    return DocumentText(media_type=media_type, pages=pages, ocr_engine=engine_name)
