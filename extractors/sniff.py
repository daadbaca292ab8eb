"""Sniff a document's media type from its magic bytes, never from its name.

Uploads arrive with arbitrary names; the bytes decide which reader runs, and anything
we cannot read is refused up front with `unsupported_type`.
"""

import io
import zipfile

from extractors.errors import EmptyDocumentError, UnsupportedTypeError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"

SUPPORTED = (PDF, DOCX, PNG, JPEG, TIFF)

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_media_type(data: bytes) -> str:
    """Return the media type of `data`, or raise why it cannot be read."""
    if not data:
        raise EmptyDocumentError("the file is empty (0 bytes)")
    head = data[:1024]
    # PDF readers accept a header anywhere in the first KB (some generators prepend junk).
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return DOCX
        raise UnsupportedTypeError("a ZIP archive that is not a Word (.docx) document")
    if data.startswith(_OLE2):
        raise UnsupportedTypeError("old Word/Office (.doc) format; save it as .docx or PDF")
    raise UnsupportedTypeError("not a PDF, DOCX, PNG, JPEG or TIFF file")


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        # A damaged archive whose local headers still name the Word part is a DOCX the
        # reader will report as corrupt, not an unsupported type.
        return b"word/document.xml" in data
