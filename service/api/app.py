"""`create_app()`: settings read, archive opened, jobs resumed when the app starts."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from service.api import awards, batches, documents, health, pages, people
from service.api.errors import install_error_handlers
from service.archive import open_archive
from service.batch_receiver import BatchReceiver
from service.celery_jobs import CeleryJobs
from service.jobs import Executor, JobPool
from service.settings import Settings

log = logging.getLogger(__name__)

DESCRIPTION = """
Vietnamese emulation-and-reward records (hồ sơ thi đua, khen thưởng), digitized.

Upload a decision, certificate or award list (PDF, DOCX, PNG, JPEG, TIFF) to
`POST /api/v1/documents`; it is read (OCR where needed) in the background; then
`GET /api/v1/awards?name=nguyen thi thanh xuan` finds its recipients with or without
diacritics. Errors answer `{"error": {"code", "message"}}`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API app; `settings` default to the `TDKT_*` environment, read now."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        archive = open_archive(settings)
        jobs: Executor = CeleryJobs(archive) if settings.queue_url else JobPool(archive)
        app.state.archive = archive
        app.state.jobs = jobs
        receiver = BatchReceiver(archive, jobs)
        app.state.batches = receiver
        resumed = jobs.resume()
        if resumed:
            log.info("resumed %d queued documents", len(resumed))
        if batches_resumed := receiver.resume():
            log.info("resumed admitting batches %s", batches_resumed)
        try:
            yield
        finally:
            receiver.shutdown()
            jobs.shutdown()
            archive.close()

    app = FastAPI(
        title="tdkt",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(documents.router)
    app.include_router(pages.router)
    app.include_router(awards.router)
    app.include_router(people.router)
    app.include_router(batches.router)
    return app
