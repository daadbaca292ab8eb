"""Batches: many files digitized together, resumable at any point, reported file by file.

A batch is written down before any of its files is touched: the ZIP is stored (or the
folder, or the object store's prefix such as a scanner's S3 inbox, named) and one item
per file is recorded `pending`. Items are then admitted one
at a time, each in its own transaction, through the same door as a single upload
(`service.receive.admit`: sniffed, checked, stored under its hash, deduplicated). Stop
everything at any moment and start again: the batch carries on from its first pending
item; files already admitted are not read again, and their documents are processed by
the job queue like any other (the database is the queue).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from extractors.errors import EmptyDocumentError, ExtractionError
from service import temp_area
from service.archive import Archive
from service.db.models import Batch, BatchItem, BatchItemStatus, Document, as_utc, utcnow
from service.document_files import is_document
from service.preservation import audit
from service.receive import CHUNK, Spool, admit
from service.storage import InvalidKeyError, ObjectNotFoundError
from service.zip_source import Member, ZipLimits, list_members, read_member

SETTLED_STATES = ("rejected", "duplicate", "done", "failed")


def zip_limits(archive: Archive) -> ZipLimits:
    settings = archive.settings
    return ZipLimits(
        max_member_bytes=settings.max_upload_bytes,
        max_total_bytes=int(settings.max_batch_expanded_gb * 1024**3),
        max_ratio=settings.max_zip_ratio,
    )


def create_zip_batch(
    archive: Archive, spool: Spool, name: str, created_by: str | None = None
) -> int:
    """Record a batch for a spooled ZIP and store the ZIP; raises for a ZIP refused whole."""
    sha256 = spool.finish()
    members = list_members(spool.path, zip_limits(archive))
    if not members:
        raise EmptyDocumentError("the ZIP holds no PDF, DOCX, PNG, JPEG or TIFF files")
    key = f"batches/{sha256}.zip"
    stored_now = not archive.store.exists(key)
    if stored_now:
        with spool.path.open("rb") as stream:
            archive.store.put(
                key, stream, content_type="application/zip", metadata={"filename": name}
            )
    try:
        return _record_zip_batch(archive, key, name, members, created_by)
    except BaseException:
        if stored_now:  # a ZIP no batch row names would stay in the store for ever
            archive.store.delete(key)
        raise


def _record_zip_batch(
    archive: Archive, key: str, name: str, members: list[Member], created_by: str | None
) -> int:
    with archive.db.write() as session:
        batch = Batch(source_kind="zip", source=key, name=name, created_by=created_by)
        session.add(batch)
        session.flush()
        audit.record(
            session, created_by or "tdkt", "batch.create", f"batch:{batch.id}", batch.source
        )
        session.add_all(
            BatchItem(
                batch_id=batch.id,
                path=member.path,
                size_bytes=member.size,
                status=BatchItemStatus.rejected if member.problem else BatchItemStatus.pending,
                error_code=member.problem[0] if member.problem else None,
                error_message=member.problem[1] if member.problem else None,
            )
            for member in members
        )
        return batch.id


def create_folder_batch(
    archive: Archive, name: str, files: list[Path], created_by: str | None = None
) -> int:
    """Record a batch of files on this machine (a folder the settings allow, or the CLI's)."""
    with archive.db.write() as session:
        batch = Batch(source_kind="folder", source=name, name=name, created_by=created_by)
        session.add(batch)
        session.flush()
        audit.record(
            session, created_by or "tdkt", "batch.create", f"batch:{batch.id}", batch.source
        )
        seen: set[str] = set()
        for path in files:
            key = str(path.resolve())
            if key not in seen:
                seen.add(key)
                session.add(BatchItem(batch_id=batch.id, path=key))
        return batch.id


def create_prefix_batch(archive: Archive, prefix: str, created_by: str | None = None) -> int | None:
    """Record a batch of the store's documents under `prefix` (a scanner's S3 inbox);
    None when it holds none."""
    keys = [
        info.key
        for info in archive.store.iter(prefix)
        if is_document(info.key[len(prefix) :].split("/"))
    ]
    if not keys:
        return None
    with archive.db.write() as session:
        batch = Batch(source_kind="prefix", source=prefix, name=prefix, created_by=created_by)
        session.add(batch)
        session.flush()
        audit.record(
            session, created_by or "tdkt", "batch.create", f"batch:{batch.id}", batch.source
        )
        session.add_all(BatchItem(batch_id=batch.id, path=key) for key in keys)
        return batch.id


@contextmanager
def _zip_copy(archive: Archive, key: str) -> Iterator[Path]:
    """The stored ZIP as a local file (the store may be S3)."""
    with tempfile.NamedTemporaryFile(
        prefix="tdkt-batch-", suffix=".zip", dir=temp_area.folder()
    ) as local:
        with archive.store.open(key) as stream:
            shutil.copyfileobj(stream, local, CHUNK)
        local.flush()
        yield Path(local.name)


def _chunks(
    archive: Archive, batch: Batch, item: BatchItem, zip_path: Path | None
) -> Iterator[bytes]:
    if zip_path is not None:
        yield from read_member(zip_path, item.path, item.size_bytes or 0)
        return
    if batch.source_kind == "prefix":
        with archive.store.open(item.path) as stored:
            while chunk := stored.read(CHUNK):
                yield chunk
        return
    with Path(item.path).open("rb") as stream:
        while chunk := stream.read(CHUNK):
            yield chunk


def receive_items(
    archive: Archive,
    batch_id: int,
    on_new_document: Callable[[int], Any] = lambda _document_id: None,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Admit the batch's pending items in order; each outcome is committed as it comes."""
    with archive.db.read() as session:
        batch = session.get(Batch, batch_id)
        if batch is None or not batch.receiving:
            return
        pending = list(
            session.scalars(
                select(BatchItem)
                .where(BatchItem.batch_id == batch_id, BatchItem.status == BatchItemStatus.pending)
                .order_by(BatchItem.id)
            )
        )
    with _zip_copy(archive, batch.source) if batch.source_kind == "zip" else _nothing() as zip_path:
        for item in pending:
            if should_stop():
                return
            _receive(archive, batch, item, zip_path, on_new_document)
    with archive.db.write() as session:
        stored = session.get(Batch, batch_id)
        if stored is not None:
            stored.receiving = False
            stored.received_at = utcnow()


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def _receive(
    archive: Archive,
    batch: Batch,
    item: BatchItem,
    zip_path: Path | None,
    on_new_document: Callable[[int], Any],
) -> None:
    status, document_id, sha256, size = BatchItemStatus.rejected, None, None, None
    code: str | None = None
    message: str | None = None
    new = False
    try:
        with Spool(archive.settings.max_upload_bytes) as spool:
            for chunk in _chunks(archive, batch, item, zip_path):
                spool.write(chunk)
            admitted = admit(archive, spool, Path(item.path).name, batch.created_by)
            sha256, size = admitted.document.sha256, spool.size
        document = admitted.document
        document_id = document.id
        ours = admitted.created or _admitted_before_a_stop(archive, batch, item, document)
        status = BatchItemStatus.admitted if ours else BatchItemStatus.duplicate
        new = admitted.created
    except ExtractionError as error:
        code, message = error.code, error.message
    except (OSError, zipfile.BadZipFile, ObjectNotFoundError, InvalidKeyError) as error:
        code, message = "unreadable", str(getattr(error, "strerror", None) or error)
    with archive.db.write() as session:
        stored = session.get(BatchItem, item.id)
        if stored is not None:
            stored.status, stored.document_id = status, document_id
            stored.sha256, stored.size_bytes = sha256, size or stored.size_bytes
            stored.error_code, stored.error_message = code, message
    if new and document_id is not None:
        on_new_document(document_id)


def _admitted_before_a_stop(
    archive: Archive, batch: Batch, item: BatchItem, document: Document
) -> bool:
    """The document is new since the batch began and no other item of it holds it: this
    item admitted it just before a stop, which cut off the item's own update."""
    if as_utc(document.created_at) < as_utc(batch.created_at):
        return False
    with archive.db.read() as session:
        other = session.scalars(
            select(BatchItem.id).where(
                BatchItem.batch_id == batch.id,
                BatchItem.document_id == document.id,
                BatchItem.id != item.id,
            )
        ).first()
    return other is None


@dataclass
class BatchProgress:
    batch: Batch
    total: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def settled(self) -> int:
        return sum(self.counts.get(state, 0) for state in SETTLED_STATES)

    @property
    def finished(self) -> bool:
        return not self.batch.receiving and self.settled == self.total

    def files_per_second(self, now: datetime | None = None) -> float:
        elapsed = ((now or utcnow()) - as_utc(self.batch.created_at)).total_seconds()
        return self.settled / elapsed if elapsed > 0 else 0.0

    def eta_seconds(self) -> float | None:
        rate = self.files_per_second()
        if self.finished:
            return 0.0
        return (self.total - self.settled) / rate if rate > 0 else None


def item_state(item_status: str, document_status: str | None) -> str:
    """One word for where a file is: pending, rejected, duplicate, queued … done, failed."""
    if item_status in (BatchItemStatus.pending, BatchItemStatus.rejected):
        return item_status
    if document_status == "failed":
        return "failed"
    if item_status == BatchItemStatus.duplicate:
        return "duplicate"
    return document_status or "queued"


def progress(archive: Archive, batch_id: int) -> BatchProgress | None:
    with archive.db.read() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            return None
        rows = session.execute(
            select(BatchItem.status, Document.status, func.count())
            .select_from(BatchItem)
            .outerjoin(Document, Document.id == BatchItem.document_id)
            .where(BatchItem.batch_id == batch_id)
            .group_by(BatchItem.status, Document.status)
        ).all()
    counts: dict[str, int] = {}
    for item_status, document_status, n in rows:
        state = item_state(item_status, document_status)
        counts[state] = counts.get(state, 0) + n
    return BatchProgress(batch, sum(counts.values()), counts)


@dataclass(frozen=True)
class ReportRow:
    file: str
    sha256: str | None
    status: str
    document_id: int | None
    error_code: str | None
    message: str | None


def report(archive: Archive, batch_id: int) -> Iterator[ReportRow]:
    """Every file of the batch with where it ended and why, in the batch's order."""
    with archive.db.read() as session:
        rows = session.execute(
            select(BatchItem, Document.status, Document.error_code, Document.error_message)
            .outerjoin(Document, Document.id == BatchItem.document_id)
            .where(BatchItem.batch_id == batch_id)
            .order_by(BatchItem.id)
        ).all()
    for item, document_status, document_code, document_message in rows:
        state = item_state(item.status, document_status)
        yield ReportRow(
            file=item.path,
            sha256=item.sha256,
            status=state,
            document_id=item.document_id,
            error_code=item.error_code or (document_code if state == "failed" else None),
            message=item.error_message or (document_message if state == "failed" else None),
        )


def unfinished_batches(archive: Archive) -> list[int]:
    """Batches a stop cut off while their files were being admitted."""
    with archive.db.read() as session:
        return list(
            session.scalars(select(Batch.id).where(Batch.receiving.is_(True)).order_by(Batch.id))
        )
