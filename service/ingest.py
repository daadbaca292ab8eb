"""Ingesting files from disk into the archive, as a batch: admit each, then process what
is new.

The CLI's `tdkt ingest` runs this on the archive the settings name, through the same
batch machinery as `POST /api/v1/batches` (so its report is kept too); a file already
archived is a duplicate (nothing copied, nothing read again); documents an earlier run
left queued or unfinished are processed now.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from service import batches
from service.archive import Archive
from service.db.models import Document, DocumentStatus
from service.jobs import JobPool, requeue_interrupted

Outcome = str  # done | duplicate | failed


@dataclass
class FileResult:
    path: Path
    outcome: Outcome
    document_id: int | None = None
    code: str | None = None
    message: str | None = None


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == "failed"]


def ingest_files(
    archive: Archive,
    files: list[Path],
    *,
    workers: int | None = None,
    on_result: Callable[[FileResult], None] = lambda _result: None,
) -> IngestReport:
    """Ingest files as one batch (`service.batches`): each admitted, then read."""
    report = IngestReport()
    requeue_interrupted(archive)  # what a killed earlier run left `processing`
    name = ", ".join(str(p) for p in files[:3]) + (" …" if len(files) > 3 else "")
    batch_id = batches.create_folder_batch(archive, name, files)
    batches.receive_items(archive, batch_id)
    to_process: dict[int, Path] = {}
    for row in batches.report(archive, batch_id):
        path = Path(row.file)
        if row.status in ("queued", "processing") and row.document_id is not None:
            to_process[row.document_id] = path
            continue
        outcome = {"rejected": "failed", "duplicate": "duplicate"}.get(row.status, row.status)
        _report(report, on_result, FileResult(path, outcome, row.document_id, row.error_code,
                                              row.message))  # fmt: skip
    if not to_process:
        return report
    if archive.settings.queue_url:
        _process_on_workers(archive, to_process, report, on_result)
    else:
        _process_here(archive, to_process, report, on_result, workers)
    return report


def _process_here(
    archive: Archive,
    to_process: dict[int, Path],
    report: IngestReport,
    on_result: Callable[[FileResult], None],
    workers: int | None,
) -> None:
    """The embedded way: this command's own worker processes read the documents."""
    jobs = JobPool(archive, workers=min(workers or archive.settings.job_workers, len(to_process)))
    try:
        futures = {jobs.submit(document_id): document_id for document_id in to_process}
        retried: list[int] = []
        for future in as_completed(futures):
            document_id = futures[future]
            if future.exception() is not None:
                retried.append(document_id)  # the pool recorded why, and may be retrying
                continue
            _report(report, on_result, _final(archive, document_id, to_process[document_id]))
        jobs.wait_idle()
        for document_id in retried:
            _report(report, on_result, _final(archive, document_id, to_process[document_id]))
    finally:
        jobs.shutdown()


def _process_on_workers(
    archive: Archive,
    to_process: dict[int, Path],
    report: IngestReport,
    on_result: Callable[[FileResult], None],
    poll_seconds: float = 0.5,
) -> None:
    """With a queue configured, `tdkt worker` processes read them; wait for each to settle."""
    from service.celery_jobs import CeleryJobs

    jobs = CeleryJobs(archive)
    try:
        for document_id in to_process:
            jobs.submit(document_id)
        waiting = set(to_process)
        while waiting:
            with archive.db.read() as session:
                settled = set(
                    session.scalars(
                        select(Document.id).where(
                            Document.id.in_(waiting),
                            Document.status.in_((DocumentStatus.done, DocumentStatus.failed)),
                        )
                    )
                )
            for document_id in sorted(settled):
                _report(report, on_result, _final(archive, document_id, to_process[document_id]))
            waiting -= settled
            if waiting:
                time.sleep(poll_seconds)
    finally:
        jobs.shutdown()


def _report(
    report: IngestReport, on_result: Callable[[FileResult], None], result: FileResult
) -> None:
    report.results.append(result)
    on_result(result)


def _final(archive: Archive, document_id: int, path: Path) -> FileResult:
    with archive.db.read() as session:
        document = session.scalars(select(Document).where(Document.id == document_id)).one()
    if document.status == DocumentStatus.done:
        return FileResult(path, "done", document_id)
    return FileResult(
        path, "failed", document_id, document.error_code or "unfinished", document.error_message
    )
