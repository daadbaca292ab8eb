"""A quick look at a file before it is accepted: its type, page count, and that it opens.

Uploads are refused at the door when they can never be read (wrong type, empty, corrupt
or encrypted PDF, a decompression bomb), instead of being stored and failing later; the
full read, with OCR, happens in a job.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors import sniff
from extractors.docx_reader import open_docx
from extractors.errors import EmptyDocumentError, TooLargeError
from extractors.image_reader import open_image
from extractors.pdf_reader import MAX_PAGES, open_pdf


@dataclass(frozen=True)
class FileFacts:
    media_type: str
    pages: int | None  # None where only a full read can tell (DOCX)


def inspect_file(data: bytes, *, max_pages: int = MAX_PAGES) -> FileFacts:
    """Raises the `extractors.errors` family, like `read_document`, without OCR."""
    media_type = sniff.sniff_media_type(data)
    pages: int | None
    if media_type == sniff.PDF:
        document = open_pdf(data)
        try:
            pages = len(document)
        finally:
            document.close()
    elif media_type == sniff.DOCX:
        open_docx(data)
        pages = None
    else:
        pages = _image_frames(data)
    if pages == 0:
        raise EmptyDocumentError("the file has no pages")
    if pages is not None and pages > max_pages:
        raise TooLargeError(f"the file has {pages} pages; the limit is {max_pages}")
    return FileFacts(media_type, pages)


def _image_frames(data: bytes) -> int:
    with open_image(data) as image:
        image.load()  # a truncated file fails here, not in the job
        return int(getattr(image, "n_frames", 1))
