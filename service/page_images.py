"""Page pictures for the web page, made from the original on first request and kept.

A picture is kept under `derived/<sha256>/pages/<n>.jpg`, tagged with the reading it
was made for (the document's `processed_at`): reprocessing may turn or flatten a page
differently, and a picture of the old reading would put the highlight in the wrong place.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from extractors.page_view import page_view
from schemas.document_text import DocumentText, Page
from service.archive import Archive, derived_key, original_key
from service.storage import ObjectNotFoundError

JPEG_QUALITY = 80
_READING = "reading"  # metadata key: which reading a kept picture belongs to


def reading_version(processed_at: datetime) -> str:
    """A short, stable name for one reading of a document, for keys and ETags."""
    if processed_at.tzinfo is not None:  # PostgreSQL answers aware, SQLite naive (UTC)
        processed_at = processed_at.astimezone(UTC).replace(tzinfo=None)
    return processed_at.strftime("%Y%m%dT%H%M%S%f")


def page_key(sha256: str, number: int) -> str:
    return derived_key(sha256, f"pages/{number}.jpg")


def document_text(archive: Archive, sha256: str) -> DocumentText:
    """What the readers saw, as processing stored it; ObjectNotFoundError when absent."""
    stored = archive.store.get(derived_key(sha256, "document_text.json"))
    return DocumentText.model_validate_json(stored)


def kept_page_jpeg(archive: Archive, sha256: str, number: int, reading: str) -> bytes | None:
    """The kept picture of that page for that reading, or None."""
    key = page_key(sha256, number)
    try:
        if archive.store.stat(key).metadata.get(_READING) != reading:
            return None
        return archive.store.get(key)
    except ObjectNotFoundError:
        return None


def make_page_jpeg(archive: Archive, sha256: str, page: Page, reading: str) -> bytes:
    """Draw the page from the original, keep it, and return it.

    Raises `NoPageImageError` for a Word page, ObjectNotFoundError without the original.
    """
    image = page_view(archive.store.get(original_key(sha256)), page)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    jpeg = buffer.getvalue()
    archive.store.put(
        page_key(sha256, page.number),
        jpeg,
        content_type="image/jpeg",
        metadata={_READING: reading},
    )
    return jpeg
