"""Receiving a file: spooled to a temp file while hashed and measured, checked, stored once.

The same bytes twice are one document: the second upload gets the first one back. A
file is stored under its hash before its row exists, so a row never points at nothing;
a crash between the two leaves an unreferenced original that the next upload of the
same bytes reuses.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from extractors.errors import TooLargeError
from extractors.inspect_file import inspect_file
from service import temp_area
from service.archive import Archive, original_key
from service.db.models import Document, DocumentStatus, ProcessingEvent
from service.preservation import audit

CHUNK = 1024 * 1024


class UploadTooLargeError(TooLargeError):
    """More bytes than `TDKT_MAX_UPLOAD_MB` allows; nothing was stored."""


class Spool:
    """A temp file that hashes what is written to it and refuses more than `limit` bytes."""

    def __init__(self, limit: int, directory: Path | None = None) -> None:
        self.limit = limit
        self.size = 0
        self._hash = hashlib.sha256()
        self._file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in close()
            prefix="tdkt-upload-", dir=directory or temp_area.folder(), delete=False
        )
        self.path = Path(self._file.name)

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise UploadTooLargeError(
                f"the file is larger than the upload limit of {self.limit / 1024 / 1024:g} MB"
            )
        self._hash.update(chunk)
        self._file.write(chunk)

    def finish(self) -> str:
        """The SHA-256 of everything written; the file is complete on disk after this."""
        self._file.flush()
        return self._hash.hexdigest()

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def spool_file(path: Path, limit: int) -> Spool:
    """A spool holding a copy of a local file (the CLI's way in)."""
    spool = Spool(limit)
    try:
        with path.open("rb") as source:
            while chunk := source.read(CHUNK):
                spool.write(chunk)
    except BaseException:
        spool.close()
        raise
    return spool


@dataclass(frozen=True)
class Admitted:
    document: Document
    created: bool


def admit(
    archive: Archive, spool: Spool, filename: str, uploaded_by: str | None = None
) -> Admitted:
    """Store the spooled file as a queued document, or return the document it already is.

    Raises an `ExtractionError` (unsupported_type, empty_document, corrupt_file,
    encrypted_pdf, too_large) for a file that can never be read; nothing is stored then.
    """
    sha256 = spool.finish()
    existing = find_by_hash(archive, sha256)
    if existing is not None:
        return Admitted(existing, created=False)
    data = spool.path.read_bytes()
    facts = inspect_file(data)
    filename = _clean_filename(filename)
    metadata = {"filename": filename}
    if uploaded_by:
        metadata["uploaded_by"] = uploaded_by
    key = original_key(sha256)
    if not archive.store.exists(key):
        with spool.path.open("rb") as stream:
            archive.store.put(key, stream, content_type=facts.media_type, metadata=metadata)
    try:
        with archive.db.write() as session:
            document = Document(
                sha256=sha256,
                filename=filename,
                media_type=facts.media_type,
                size_bytes=spool.size,
                pages=facts.pages,
                status=DocumentStatus.queued,
                uploaded_by=uploaded_by,
            )
            session.add(document)
            session.flush()
            session.add(
                ProcessingEvent(
                    document_id=document.id, event="received", detail=f"{spool.size} bytes"
                )
            )
            audit.record(
                session,
                uploaded_by or "tdkt",
                "document.upload",
                f"document:{document.id}",
                {"sha256": sha256, "filename": filename},
            )
    except IntegrityError:
        # The same bytes arrived at the same moment through another request.
        raced = find_by_hash(archive, sha256)
        if raced is None:
            raise
        return Admitted(raced, created=False)
    return Admitted(document, created=True)


def find_by_hash(archive: Archive, sha256: str) -> Document | None:
    with archive.db.read() as session:
        return session.scalars(select(Document).where(Document.sha256 == sha256)).first()


def _clean_filename(name: str) -> str:
    """The file's own name, without any folder a client sent, NFC, at most 255 characters."""
    base = os.path.basename(name.replace("\\", "/")).strip() or "upload"
    base = "".join(c for c in base if c.isprintable())
    return unicodedata.normalize("NFC", base)[:255]
