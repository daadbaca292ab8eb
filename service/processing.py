"""Processing one document: read, parse, keep the derived files, swap in the rows.

Runs in a worker process (never on the API's event loop). Safe to run twice for the
same document: the second run replaces the first run's rows, it does not add to them.
Any failure leaves the document `failed` with an error code and message; the original
stays in the store for `reprocess`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from extractors.errors import ExtractionError
from extractors.parsing.document import parse_document
from extractors.reader import read_document
from extractors.signed_document import add_signatures
from extractors.trust_roots import TrustRoots, TrustRootsError
from service.archive import Archive, derived_key, original_key
from service.db.models import Document, DocumentStatus, ProcessingEvent, utcnow
from service.records import replace_records

log = logging.getLogger(__name__)


def start(archive: Archive, document_id: int) -> Document | None:
    """Mark the document `processing`; None when it no longer exists."""
    with archive.db.write() as session:
        document = session.get(Document, document_id)
        if document is None:
            return None
        document.status = DocumentStatus.processing
        document.attempts += 1
        session.add(ProcessingEvent(document_id=document_id, event="started"))
        return document


class Stages:
    """Seconds spent per stage of one document, written into its `done` event
    (`fetch=0.01 read=1.52 parse=0.08 store=0.02 index=0.03`) for the ingest benchmark."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._started: dict[str, float] = {}

    def begin(self, stage: str) -> None:
        self._started[stage] = time.perf_counter()

    def end(self, stage: str) -> None:
        began = self._started.pop(stage)
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - began

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        self.begin(stage)
        try:
            yield
        finally:
            self.end(stage)

    def __str__(self) -> str:
        return " ".join(f"{stage}={seconds:.3f}" for stage, seconds in self.seconds.items())


def _claimed(archive: Archive, document_id: int) -> Document | None:
    with archive.db.read() as session:
        return session.get(Document, document_id)


def fail(archive: Archive, document_id: int, code: str, message: str) -> None:
    with archive.db.write() as session:
        document = session.get(Document, document_id)
        if document is None:
            return
        document.status = DocumentStatus.failed
        document.error_code = code
        document.error_message = message
        document.processed_at = utcnow()
        session.add(
            ProcessingEvent(document_id=document_id, event="failed", detail=f"{code}: {message}")
        )


def process_document(
    archive: Archive, document_id: int, *, ocr_workers: int = 1, claimed: bool = False
) -> str:
    """Process a queued document to `done` or `failed`; returns the status it ends in.

    `claimed`: the caller already marked it `processing` (a Celery task claims first).
    """
    began = time.perf_counter()
    document = _claimed(archive, document_id) if claimed else start(archive, document_id)
    if document is None:
        return "missing"
    sha256 = document.sha256
    stages = Stages()
    try:
        with stages.timed("fetch"):
            data = archive.store.get(original_key(sha256))
        with stages.timed("read"):
            text = read_document(data, workers=ocr_workers)
        with stages.timed("parse"):
            extracted = parse_document(text)
        with stages.timed("signatures"):
            roots = TrustRoots(archive.settings.trust_roots)
            extracted = add_signatures(extracted, data, text.media_type, roots)
    except ExtractionError as error:
        fail(archive, document_id, error.code, error.message)
        return DocumentStatus.failed
    except TrustRootsError as error:
        fail(archive, document_id, "trust_roots", str(error))
        return DocumentStatus.failed
    except Exception as error:  # a bug or a broken store must not leave it `processing`
        # A Celery worker's per-page time limit arrives as SoftTimeLimitExceeded.
        code = "timeout" if type(error).__name__ == "SoftTimeLimitExceeded" else "internal_error"
        log.exception("processing document %s failed", document_id)
        fail(archive, document_id, code, f"{type(error).__name__}: {error}")
        return DocumentStatus.failed
    try:
        stages.begin("store")
        archive.store.put(
            derived_key(sha256, "text.txt"),
            text.text().encode("utf-8"),
            content_type="text/plain; charset=utf-8",
        )
        archive.store.put(
            derived_key(sha256, "document_text.json"),
            text.model_dump_json().encode("utf-8"),
            content_type="application/json",
        )
        archive.store.put(
            derived_key(sha256, "extracted.json"),
            json.dumps(extracted.model_dump(mode="json"), ensure_ascii=False).encode("utf-8"),
            content_type="application/json",
        )
        stages.end("store")
        with archive.db.write() as session:
            current = session.get(Document, document_id)
            if current is None:
                return "missing"
            with stages.timed("index"):
                awards = replace_records(session, current, extracted, text)
            session.add(
                ProcessingEvent(
                    document_id=document_id,
                    event="done",
                    detail=f"{len(awards)} awards, {len(text.pages)} pages; {stages}",
                    duration_ms=round((time.perf_counter() - began) * 1000),
                )
            )
    except Exception as error:
        log.exception("storing the results of document %s failed", document_id)
        fail(archive, document_id, "storage_error", f"{type(error).__name__}: {error}")
        return DocumentStatus.failed
    return DocumentStatus.done
