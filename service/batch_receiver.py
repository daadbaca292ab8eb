"""Admitting batches' files in the background of the API, one batch at a time.

An upload returns as soon as the batch is written down; its files are admitted here and
each new document goes to the job pool. At start, batches a stop cut off carry on.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from service.archive import Archive
from service.batches import receive_items, unfinished_batches
from service.jobs import Executor

log = logging.getLogger(__name__)


class BatchReceiver:
    def __init__(self, archive: Archive, jobs: Executor) -> None:
        self.archive = archive
        self.jobs = jobs
        self._stopping = threading.Event()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tdkt-batch")

    def submit(self, batch_id: int) -> Future[None]:
        return self._executor.submit(self._receive, batch_id)

    def resume(self) -> list[int]:
        batches = unfinished_batches(self.archive)
        for batch_id in batches:
            self.submit(batch_id)
        return batches

    def _receive(self, batch_id: int) -> None:
        try:
            receive_items(
                self.archive,
                batch_id,
                on_new_document=self.jobs.submit,
                should_stop=self._stopping.is_set,
            )
        except Exception:
            log.exception("batch %s stopped while its files were admitted", batch_id)

    def shutdown(self) -> None:
        """Stop between two files; what is left is admitted at the next start."""
        self._stopping.set()
        self._executor.shutdown(wait=True, cancel_futures=True)
