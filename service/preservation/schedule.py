"""The service's own fixity check: every `TDKT_FIXITY_DAYS` days (0 = never), in a thread.

The last run's time comes from the fixity log, so a restarted service does not check
again at once, and two API processes rarely both run one (each run is logged anyway).
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import func, select

from service.archive import Archive, open_replica
from service.db.models import FixityRun, as_utc, utcnow
from service.preservation.fixity import fsck

log = logging.getLogger(__name__)
POLL_SECONDS = 3600.0


class FixitySchedule:
    def __init__(self, archive: Archive, poll_seconds: float = POLL_SECONDS) -> None:
        self.archive = archive
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def due(self) -> bool:
        days = self.archive.settings.fixity_days
        if days <= 0:
            return False
        with self.archive.db.read() as session:
            last = session.execute(select(func.max(FixityRun.started_at))).scalar_one()
        return last is None or utcnow() - as_utc(last) >= timedelta(days=days)

    def run_once(self) -> None:
        copies = [open_replica(self.archive.settings)] if self.archive.settings.replica_url else []
        report = fsck(self.archive, copies, trigger="schedule")
        if not report.ok:
            log.error("fixity check found problems: %s", report)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                if self.due():
                    self.run_once()
            except Exception:
                log.exception("the scheduled fixity check failed")
            self._stop.wait(self.poll_seconds)

    def start(self) -> None:
        if self.archive.settings.fixity_days > 0:
            self._thread = threading.Thread(target=self._loop, name="fixity", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=30)
