"""`/api/v1/audit` and `/api/v1/fixity`: the audit log and the fixity log, for admins."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from service.api.auth import AUTH_ERRORS, Admin, as_admin
from service.api.deps import ArchiveDep, Offset
from service.api.models import API
from service.db.models import as_utc
from service.preservation import audit, fixity
from service.preservation.audit_csv import csv_lines

router = APIRouter(
    prefix=API, tags=["preservation"], dependencies=[Depends(as_admin)], responses=AUTH_ERRORS
)


class AuditOut(BaseModel):
    id: int
    at: datetime
    actor: str
    client: str | None
    action: str
    target: str | None
    detail: Any
    entry_hash: str


class AuditList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[AuditOut]


@router.get("/audit", response_model=None, summary="The audit log, newest first (or as CSV)")
def list_audit(
    archive: ArchiveDep,
    admin: Admin,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Offset = 0,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> AuditList | StreamingResponse:
    query = audit.entries(actor=actor, action=action, target=target, since=since, until=until)
    if format == "csv":
        asked = {"actor": actor, "action": action, "target": target,
                 "since": since.isoformat() if since else None,
                 "until": until.isoformat() if until else None}  # fmt: skip
        with archive.db.write() as session:
            audit.record(session, admin.name, "audit.export", None,
                         {"format": "csv", **{k: v for k, v in asked.items() if v}})  # fmt: skip

        def lines() -> Any:
            with archive.db.read() as session:
                yield from csv_lines(audit.iter_rows(session, query))

        return StreamingResponse(
            lines(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="tdkt-audit.csv"'},
        )
    with archive.db.read() as session:
        total = audit.count(session, query)
        rows = [audit.as_row(e) for e in session.scalars(query.limit(limit).offset(offset))]
    return AuditList(total=total, limit=limit, offset=offset, items=[AuditOut(**r) for r in rows])


class FixityOut(BaseModel):
    id: int
    started_at: datetime
    finished_at: datetime | None
    trigger: str
    checked: int
    missing: list[str]
    changed: list[str]
    untracked: list[str]
    repaired: list[str]
    ok: bool


@router.get("/fixity", response_model=list[FixityOut], summary="Fixity checks, newest first")
def list_fixity(
    archive: ArchiveDep, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> list[FixityOut]:
    with archive.db.read() as session:
        runs = fixity.recent_runs(session, limit)
    return [
        FixityOut(
            id=r.id,
            started_at=as_utc(r.started_at),
            finished_at=as_utc(r.finished_at) if r.finished_at else None,
            trigger=r.trigger,
            checked=r.checked,
            missing=r.missing,
            changed=r.changed,
            untracked=r.untracked,
            repaired=[k for k in r.repaired],
            ok=fixity.run_ok(r),
        )
        for r in runs
    ]
