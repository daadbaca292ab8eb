"""`/healthz` (the process answers) and `/readyz` (the database and the store answer too)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from service.api.deps import ArchiveDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the database and the object store answer")
def readyz(archive: ArchiveDep) -> JSONResponse:
    checks: dict[str, Any] = {}
    try:
        with archive.db.read() as session:
            session.execute(text("SELECT 1")).scalar_one()
        checks["database"] = "ok"
    except Exception as error:
        checks["database"] = f"{type(error).__name__}: {error}"
    try:
        archive.store.exists("readyz")
        checks["store"] = "ok"
    except Exception as error:
        checks["store"] = f"{type(error).__name__}: {error}"
    if all(value == "ok" for value in checks.values()):
        return JSONResponse({"status": "ready", "checks": checks})
    failing = ", ".join(name for name, value in checks.items() if value != "ok")
    return JSONResponse(
        {"error": {"code": "not_ready", "message": f"not answering: {failing}", "checks": checks}},
        status_code=503,
    )
