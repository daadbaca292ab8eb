"""The Celery executor: one task per document, on `tdkt worker` processes fed from Redis.

Set `TDKT_QUEUE_URL=redis://…` and the API hands each document to the queue instead of
its own worker processes. Tasks are acknowledged only when finished (`acks_late`), and
a task whose worker dies is handed to another worker once the broker's visibility
timeout passes. The database stays the truth, which makes tasks idempotent: a task
first claims its document in one transaction — skipping it when it is already done or
failed, or `processing` under a live lease (the visibility timeout) of another worker —
so a document delivered twice is read once and has one set of rows. A failure that may
pass (the store or database unreachable) is retried with backoff; a document that keeps
failing, or keeps killing its worker, ends in the dead letter: `failed` with code
`dead_letter` and the last reason. Each task's time limit grows with its pages.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from celery import Celery, Task
from sqlalchemy import select

from service import temp_area
from service.archive import Archive, open_archive
from service.db.models import Document, DocumentStatus, ProcessingEvent, as_utc, utcnow
from service.processing import fail, process_document
from service.settings import Settings
from service.temp_area import TempArea

log = logging.getLogger(__name__)

TASK = "tdkt.process_document"
TRANSIENT_CODES = frozenset({"storage_error"})
MAX_DELIVERIES = 3  # a document that kills its worker this many times is given up
BASE_SECONDS = 30.0


def make_celery(settings: Settings) -> Celery:
    if not settings.queue_url:
        raise ValueError("TDKT_QUEUE_URL is not set")
    app = Celery("tdkt", broker=settings.queue_url, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=settings.queue_name,
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        broker_transport_options={
            "visibility_timeout": settings.queue_visibility_timeout,
            "global_keyprefix": f"{settings.queue_name}:",
            # Look for a dead worker's tasks about as often as the timeout lets them go,
            # not kombu's default of every ~100 s whatever the timeout.
            "unacked_restore_interval": max(1, min(10, settings.queue_visibility_timeout // 4)),
            "unacked_restore_throttle": 1,
        },
    )
    app.conf.tdkt_settings = settings
    app.task(bind=True, name=TASK, max_retries=settings.task_retries)(_process)
    return app


_archive: Archive | None = None


_temp_area: TempArea | None = None


def _worker_archive(settings: Settings) -> Archive:
    global _archive
    if _archive is None:
        _claim_temp_dir(settings)
        _archive = open_archive(settings, migrate=False)
    return _archive


def _claim_temp_dir(settings: Settings) -> None:
    """A worker process's temp files in a folder of its own, swept of the dead's at start
    (`service.temp_area`); held until the process ends."""
    global _temp_area
    if _temp_area is None:
        _temp_area = temp_area.claim(settings.resolved_temp_dir)
        temp_area.use_for_this_process(_temp_area.folder)


def claim(archive: Archive, document_id: int, lease_seconds: int) -> str:
    """`run` when this task may read the document now, `skip`, or `dead` (gave up)."""
    with archive.db.write() as session:
        document = session.get(Document, document_id)
        if document is None or document.status in (DocumentStatus.done, DocumentStatus.failed):
            return "skip"
        if document.status == DocumentStatus.processing:
            held_until = as_utc(document.updated_at) + timedelta(seconds=lease_seconds)
            if held_until > utcnow():
                return "skip"  # another worker is reading it
            session.add(
                ProcessingEvent(
                    document_id=document_id,
                    event="requeued",
                    detail="the worker reading it stopped answering",
                )
            )
        if document.attempts >= MAX_DELIVERIES:
            return "dead"
        document.status = DocumentStatus.processing
        document.attempts += 1
        document.updated_at = utcnow()
        session.add(ProcessingEvent(document_id=document_id, event="started"))
        return "run"


def _process(task: Task, document_id: int) -> str:
    settings: Settings = task.app.conf.tdkt_settings
    archive = _worker_archive(settings)
    decision = claim(archive, document_id, settings.queue_visibility_timeout)
    if decision == "skip":
        return "skipped"
    if decision == "dead":
        fail(archive, document_id, "dead_letter", f"gave up after {MAX_DELIVERIES} tries")
        return DocumentStatus.failed
    status = process_document(archive, document_id, claimed=True)
    if status != DocumentStatus.failed:
        return status
    with archive.db.write() as session:
        document = session.get(Document, document_id)
        if document is None or document.error_code not in TRANSIENT_CODES:
            return status
        if task.request.retries >= settings.task_retries:
            document.error_message = (
                f"gave up after {task.request.retries + 1} tries: {document.error_message}"
            )
            document.error_code = "dead_letter"
            return status
        document.status = DocumentStatus.queued
        document.attempts = max(document.attempts - 1, 0)  # a retry is not a crash
        session.add(ProcessingEvent(document_id=document_id, event="retry"))
    raise task.retry(countdown=2 ** (task.request.retries + 1))


class CeleryJobs:
    """The executor the API uses when a queue is configured: `submit` sends a task."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.celery = make_celery(archive.settings)

    def submit(self, document_id: int) -> Any:
        with self.archive.db.read() as session:
            pages = session.scalars(
                select(Document.pages).where(Document.id == document_id)
            ).first()
        limit = BASE_SECONDS + self.archive.settings.page_time_limit * (pages or 1)
        return self.celery.send_task(
            TASK, args=[document_id], soft_time_limit=limit, time_limit=limit + 30
        )

    def resume(self) -> list[int]:
        """Send again what is queued; documents `processing` may be on a worker right now,
        and the broker hands them on if that worker died."""
        with self.archive.db.read() as session:
            ids = list(
                session.scalars(
                    select(Document.id)
                    .where(Document.status == DocumentStatus.queued)
                    .order_by(Document.id)
                )
            )
        for document_id in ids:
            self.submit(document_id)
        return ids

    def shutdown(self) -> None:
        self.celery.close()


def run_worker(settings: Settings, concurrency: int) -> None:
    """`tdkt worker`: take documents from the queue until stopped."""
    open_archive(settings).close()  # migrate first, once, before any task runs
    app = make_celery(settings)
    app.worker_main(
        [
            "worker",
            f"--concurrency={concurrency}",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            f"--queues={settings.queue_name}",
        ]
    )
