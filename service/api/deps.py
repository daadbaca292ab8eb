"""What routes get from the running app: the archive and the job pool; rows or 404."""

from __future__ import annotations

from typing import Annotated, TypeVar

from fastapi import Depends, Path, Query, Request
from sqlalchemy.orm import Session

from service.api.errors import ApiError
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

MAX_DB_INT = 2**63 - 1
"""The database's integer range: a larger id or offset is a bad request (422), not a 500."""

DbId = Annotated[int, Path(le=MAX_DB_INT)]
DbIdQuery = Annotated[int | None, Query(le=MAX_DB_INT)]
Offset = Annotated[int, Query(ge=0, le=MAX_DB_INT)]


Row = TypeVar("Row")


def get_or_404(session: Session, model: type[Row], key: int, what: str) -> Row:
    """The row with this key, or the API's 404 `not_found` naming it (`no award 7`)."""
    row = session.get(model, key)
    if row is None:
        raise ApiError(404, "not_found", f"no {what} {key}")
    return row
