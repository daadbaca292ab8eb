"""What routes get from the running app: the archive and the job pool."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from service.archive import Archive
from service.jobs import Executor


def get_archive(request: Request) -> Archive:
    archive: Archive = request.app.state.archive
    return archive


def get_jobs(request: Request) -> Executor:
    jobs: Executor = request.app.state.jobs
    return jobs


ArchiveDep = Annotated[Archive, Depends(get_archive)]
JobsDep = Annotated[Executor, Depends(get_jobs)]
