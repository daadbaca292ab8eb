"""The embedded job runner: documents processed in a pool of worker processes.

Each worker opens the archive once and processes one document at a time. In a batch its
pages are OCR'd in that process (single-threaded Tesseract), so `job_workers` documents
are read at once without oversubscribing the cores; a document that arrives alone has its
pages OCR'd in parallel instead, so one multi-page scan is not read on one core.

The queue lives in the database (status `queued`), not in memory: at start, documents
left `queued` or `processing` by a stopped or killed process are queued again, so none
stays stuck.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from service import temp_area
from service.archive import Archive, open_archive
from service.db.models import Document, DocumentStatus, ProcessingEvent
from service.processing import fail, process_document
from service.settings import Settings

log = logging.getLogger(__name__)


class Executor(Protocol):
    """Where documents go to be read: this module's pool, or Celery (`celery_jobs`)."""

    def submit(self, document_id: int) -> Any: ...
    def resume(self) -> list[int]: ...
    def shutdown(self) -> None: ...


MAX_ATTEMPTS = 2  # tries of a document whose reading kills its worker process

_worker_archive: Archive | None = None


def _init_worker(settings: Settings, temp_folder: Path | None) -> None:
    global _worker_archive
    if temp_folder is not None:  # OCR's temp files inside the API's claimed folder
        temp_area.use_for_this_process(temp_folder)
    _worker_archive = open_archive(settings, migrate=False)


def _run(document_id: int, ocr_workers: int) -> str:
    assert _worker_archive is not None, "worker not initialized"
    return process_document(_worker_archive, document_id, ocr_workers=ocr_workers)


def requeue_interrupted(archive: Archive) -> list[int]:
    """Queue again what a stopped process left `processing`; ids of all queued, oldest first."""
    with archive.db.write() as session:
        stuck = session.scalars(
            select(Document).where(Document.status == DocumentStatus.processing)
        ).all()
        for document in stuck:
            document.status = DocumentStatus.queued
            session.add(
                ProcessingEvent(
                    document_id=document.id,
                    event="requeued",
                    detail="the process handling it stopped before it finished",
                )
            )
        return list(
            session.scalars(
                select(Document.id)
                .where(Document.status == DocumentStatus.queued)
                .order_by(Document.id)
            )
        )


OPTIMIZE_EVERY = 200


class JobPool:
    """Queue documents for processing in worker processes; the seam Celery fills at scale."""

    def __init__(self, archive: Archive, workers: int | None = None) -> None:
        self.archive = archive
        self.workers = workers or archive.settings.job_workers
        self.cores = os.cpu_count() or 1
        self._lock = threading.Lock()
        self._pending: set[Future[str]] = set()
        self._settled = 0
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # forkserver: workers start clean, not as forks of a threaded server process.
        context = multiprocessing.get_context("forkserver")
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.archive.settings, temp_area.folder()),
        )

    def submit(self, document_id: int) -> Future[str]:
        with self._lock:
            pool = self._pool
            # A document alone in the queue has its pages OCR'd on every core; in a batch
            # each document keeps to one, and the documents share the cores.
            ocr_workers = self.cores if not self._pending else 1
            future = pool.submit(_run, document_id, ocr_workers)
            self._pending.add(future)
        future.add_done_callback(lambda done: self._finished(document_id, pool, done))
        return future

    def _finished(self, document_id: int, pool: ProcessPoolExecutor, future: Future[str]) -> None:
        try:
            self._settle(document_id, pool, future)
            self._keep_statistics()
        finally:
            # Last, so a retry is pending before this job stops being: never idle between.
            with self._lock:
                self._pending.discard(future)

    def _keep_statistics(self) -> None:
        """Every `OPTIMIZE_EVERY` documents, let the database refresh its planner statistics."""
        with self._lock:
            self._settled += 1
            due = self._settled % OPTIMIZE_EVERY == 0
        if due:
            self.archive.db.optimize()

    def _settle(self, document_id: int, pool: ProcessPoolExecutor, future: Future[str]) -> None:
        if future.cancelled():
            return  # still `queued` in the database: the next start picks it up
        error = future.exception()
        if error is None:
            return
        if not isinstance(error, BrokenProcessPool):
            log.error("job for document %s raised: %r", document_id, error)
            fail(self.archive, document_id, "internal_error", repr(error))
            return
        # A worker died (killed, out of memory): the whole pool goes with it. Documents
        # that had not started, or were on their first try, go round again; one that has
        # already broken a worker before is failed, so it cannot break them forever.
        self._replace_broken(pool)
        if self._retry_after_crash(document_id):
            self.submit(document_id)

    def _replace_broken(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if pool is not self._pool:
                return
            self._pool = self._new_pool()
        pool.shutdown(wait=False, cancel_futures=True)

    def _retry_after_crash(self, document_id: int) -> bool:
        with self.archive.db.write() as session:
            document = session.get(Document, document_id)
            if document is None or document.status not in (
                DocumentStatus.queued,
                DocumentStatus.processing,
            ):
                return False
            if document.status == DocumentStatus.queued or document.attempts < MAX_ATTEMPTS:
                if document.status == DocumentStatus.processing:
                    document.status = DocumentStatus.queued
                    session.add(
                        ProcessingEvent(
                            document_id=document_id,
                            event="requeued",
                            detail="a worker process died while it was being read",
                        )
                    )
                return True
        fail(
            self.archive,
            document_id,
            "worker_crashed",
            f"a worker process died while reading it, {MAX_ATTEMPTS} times",
        )
        return False

    def resume(self) -> list[int]:
        """Queue everything the database says is waiting (after a restart, say)."""
        ids = requeue_interrupted(self.archive)
        for document_id in ids:
            self.submit(document_id)
        return ids

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no job is pending, retries included; False if `timeout` ran out first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                pending = set(self._pending)
            if not pending:
                return True
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            wait(pending, timeout=left)
            time.sleep(0.01)  # let done-callbacks settle

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def shutdown(self) -> None:
        """Stop taking jobs; documents not started stay `queued` for the next start."""
        self._pool.shutdown(wait=True, cancel_futures=True)
