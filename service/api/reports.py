"""`/api/v1/reports/{form}`: the yearly statistics forms 0602.N and 0603.N counted from
the archive, as JSON (each cell with the search behind it), XLSX or PDF."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from service.api.auth import AUTH_ERRORS, as_viewer
from service.api.deps import ArchiveDep
from service.api.errors import ApiError, error_responses
from service.api.models import API
from service.query_limits import MAX_QUERY_CHARS, QueryTooLong
from service.state_records.report_files import notes, pdf_bytes, xlsx_bytes
from service.state_records.reports import Report, UnknownForm, build_report, header_cells

router = APIRouter(
    prefix=API, tags=["reports"], dependencies=[Depends(as_viewer)], responses=AUTH_ERRORS
)
MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def report_json(report: Report) -> dict[str, Any]:
    depth, heads = header_cells(report.columns)
    return {
        "form": report.form.code,
        "title": report.title,
        "year": report.year,
        "issuer": report.issuer,
        "reporting_unit": report.reporting_unit,
        "reviewed_only": report.reviewed_only,
        "total": report.total,
        "unreviewed": report.unreviewed,
        "header_rows": depth,
        "headers": [h.__dict__ for h in heads],
        "columns": [
            {"number": c.number, "path": list(c.path), "codes": list(c.codes), "kind": c.kind}
            for c in report.columns
        ],
        "rows": [
            {
                "code": r.row.code,
                "label": r.row.label,
                "unit": r.row.unit,
                "section": r.row.section,
                "cells": [c.__dict__ for c in r.cells],
            }
            for r in report.rows
        ],
        "notes": notes(report),
    }


@router.get(
    "/reports/{form}",
    summary="A yearly statistics form (0602.N, 0603.N of Thông tư 02/2023/TT-BNV) counted "
    "from the archive; format=xlsx|pdf for the file",
    responses={200: {"content": {m: {} for m in MEDIA.values()}}, **error_responses(404, 422)},
)
def get_report(
    form: str,
    archive: ArchiveDep,
    year: Annotated[int, Query(ge=1945, le=2100, description="Decisions signed this year")],
    issuer: Annotated[
        str | None,
        Query(
            description="Only this body's decisions",
            examples=["UBND tỉnh"],
            max_length=MAX_QUERY_CHARS,
        ),
    ] = None,
    reviewed_only: Annotated[
        bool, Query(description="Count only approved rows (else all, unreviewed shown)")
    ] = False,
    reporting_unit: Annotated[
        str | None, Query(description="Đơn vị báo cáo", max_length=MAX_QUERY_CHARS)
    ] = None,
    format: Literal["json", "xlsx", "pdf"] = "json",
) -> Any:
    with archive.db.read() as session:
        try:
            report = build_report(session, form, year, issuer, reviewed_only, reporting_unit)
        except UnknownForm as error:
            raise ApiError(404, "not_found", str(error)) from error
        except QueryTooLong as error:
            raise ApiError(422, error.code, str(error)) from None
    if format == "json":
        return report_json(report)
    body = xlsx_bytes(report) if format == "xlsx" else pdf_bytes(report)
    name = f"bieu-{report.form.code}-{year}.{format}"
    return Response(
        body,
        media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
