"""`create_app()`: settings read, archive opened, jobs resumed when the app starts."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response

from service.accounts import first_admin
from service.api import (
    accounts,
    awards,
    batches,
    documents,
    health,
    pages,
    people,
    preservation,
    reports,
    review,
)
from service.api.body_limit import BodyLimit
from service.api.errors import install_error_handlers
from service.api.security_headers import install_security_headers
from service.archive import Archive, open_archive
from service.batch_receiver import BatchReceiver
from service.celery_jobs import CeleryJobs
from service.jobs import Executor, JobPool
from service.login_throttle import LoginThrottle
from service.preservation import audit
from service.preservation.schedule import FixitySchedule
from service.settings import Settings
from service.temp_area import process_temp_dir
from service.web.pages import install_pages

log = logging.getLogger(__name__)

DESCRIPTION = """
Vietnamese emulation-and-reward records (hồ sơ thi đua, khen thưởng), digitized.

Upload a decision, certificate or award list (PDF, DOCX, PNG, JPEG, TIFF) to
`POST /api/v1/documents`; it is read (OCR where needed) in the background; then
`GET /api/v1/awards?name=nguyen thi thanh xuan` finds its recipients with or without
diacritics. Errors answer `{"error": {"code", "message"}}`.
"""


def announce_first_admin(archive: Archive) -> None:
    """An archive with no accounts gets `admin`; its password is printed this once."""
    configured = archive.settings.admin_password
    with archive.db.write() as session:
        created = first_admin(session, configured.get_secret_value() if configured else None)
    if created is None:
        return
    name, password = created
    shown = "(TDKT_ADMIN_PASSWORD)" if configured else password
    where = f"http://{archive.settings.host}:{archive.settings.port}/"
    print(
        f"tdkt: first start, account created. Đăng nhập tại {where} — "
        f"tài khoản: {name}, mật khẩu: {shown}\n"
        f"tdkt: sign in at {where} as {name} with password {shown}; "
        "add people with `tdkt user add NAME --role viewer|archivist|admin`",
        file=sys.stderr,
        flush=True,
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API app; `settings` default to the `TDKT_*` environment, read now."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with process_temp_dir(settings.resolved_temp_dir):
            async with _serving(app):
                yield

    @asynccontextmanager
    async def _serving(app: FastAPI) -> AsyncIterator[None]:
        archive = open_archive(settings)
        jobs: Executor = CeleryJobs(archive) if settings.queue_url else JobPool(archive)
        app.state.archive = archive
        app.state.jobs = jobs
        receiver = BatchReceiver(archive, jobs)
        app.state.batches = receiver
        announce_first_admin(archive)
        resumed = jobs.resume()
        if resumed:
            log.info("resumed %d queued documents", len(resumed))
        if batches_resumed := receiver.resume():
            log.info("resumed admitting batches %s", batches_resumed)
        fixity = FixitySchedule(archive)
        fixity.start()
        try:
            yield
        finally:
            fixity.stop()
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
    app.add_middleware(BodyLimit)  # inside the headers' middleware: its 413 has them too
    install_security_headers(app)

    @app.middleware("http")
    async def _client_address(request: Request, call_next: Any) -> Response:
        """The audit log's `client`: who sent the request being served."""
        audit.client_address.set(request.client.host if request.client else None)
        response: Response = await call_next(request)
        return response

    app.state.login_throttle = LoginThrottle()
    app.include_router(health.router)
    app.include_router(documents.router)
    app.include_router(pages.router)
    app.include_router(awards.router)
    app.include_router(people.router)
    app.include_router(reports.router)
    app.include_router(batches.router)
    app.include_router(review.router)
    app.include_router(accounts.router)
    app.include_router(accounts.admin_router)
    app.include_router(preservation.router)
    install_pages(app)
    return app
