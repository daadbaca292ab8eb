"""`/api/v1/batches`: a ZIP or a server folder digitized as one batch; progress; report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from extractors.errors import ExtractionError
from service import batches
from service.api.auth import AUTH_ERRORS, Archivist, as_viewer
from service.api.deps import ArchiveDep, DbId
from service.api.errors import ApiError, error_responses
from service.api.models import API, BatchOut
from service.api.upload import receive_upload, upload_body
from service.batch_receiver import BatchReceiver
from service.csv_stream import csv_chunks
from service.document_files import find_files

router = APIRouter(
    prefix=API, tags=["batches"], dependencies=[Depends(as_viewer)], responses=AUTH_ERRORS
)


def get_receiver(request: Request) -> BatchReceiver:
    receiver: BatchReceiver = request.app.state.batches
    return receiver


ReceiverDep = Annotated[BatchReceiver, Depends(get_receiver)]


class FolderBatch(BaseModel):
    folder: str | None = Field(
        default=None,
        description="A folder on the server inside one of TDKT_BATCH_FOLDERS",
        examples=["/srv/scans/2019"],
    )
    prefix: str | None = Field(
        default=None,
        description="A key prefix of the object store under one of TDKT_BATCH_PREFIXES "
        "(a scanner's S3 inbox)",
        examples=["inbox/2019/"],
    )


_BATCH_BODY = upload_body(
    "A ZIP of PDF, DOCX, PNG, JPEG or TIFF files",
    **{"application/json": {"schema": FolderBatch.model_json_schema()}},
)


def _out(archive: ArchiveDep, batch_id: int) -> BatchOut:
    found = batches.progress(archive, batch_id)
    if found is None:
        raise ApiError(404, "not_found", f"no batch {batch_id}")
    return BatchOut.of(found)


def _allowed_prefix(archive: ArchiveDep, prefix: str) -> str:
    if ".." in prefix.split("/") or prefix.startswith("/"):
        raise ApiError(403, "prefix_not_allowed", f"{prefix} is not under TDKT_BATCH_PREFIXES")
    if not any(prefix.startswith(allowed) for allowed in archive.settings.batch_prefixes):
        raise ApiError(403, "prefix_not_allowed", f"{prefix} is not under TDKT_BATCH_PREFIXES")
    return prefix


def _allowed_folder(archive: ArchiveDep, folder: str) -> Path:
    path = Path(folder).expanduser()
    try:
        resolved = path.resolve(strict=True)
    except OSError:
        raise ApiError(404, "not_found", f"no such folder: {folder}") from None
    roots = [root.resolve() for root in archive.settings.batch_folders]
    if not any(resolved == root or resolved.is_relative_to(root) for root in roots):
        raise ApiError(403, "folder_not_allowed", f"{folder} is not under TDKT_BATCH_FOLDERS")
    if not resolved.is_dir():
        raise ApiError(422, "not_a_folder", f"{folder} is not a folder")
    return resolved


@router.post(
    "/batches",
    status_code=202,
    response_model=BatchOut,
    summary="Start a batch: upload a ZIP (multipart `file`), or name a server folder or an "
    "object-store prefix (JSON)",
    openapi_extra=_BATCH_BODY,
    responses=error_responses(400, 403, 404, 413, 415, 422),
)
async def create_batch(
    request: Request, archive: ArchiveDep, receiver: ReceiverDep, user: Archivist
) -> BatchOut:
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            body = FolderBatch.model_validate_json(await request.body())
        except ValueError:
            body = FolderBatch()
        if body.prefix is not None and body.folder is None:
            prefix = _allowed_prefix(archive, body.prefix)
            found = await run_in_threadpool(batches.create_prefix_batch, archive, prefix, user.name)
            if found is None:
                raise ApiError(422, "empty_document", f"{prefix} holds no documents")
            receiver.submit(found)
            return await run_in_threadpool(_out, archive, found)
        if body.folder is None or body.prefix is not None:
            raise ApiError(422, "invalid_request", 'send {"folder": "…"} or {"prefix": "…"}')
        folder = _allowed_folder(archive, body.folder)
        files = await run_in_threadpool(lambda: list(find_files([folder])))
        if not files:
            raise ApiError(422, "empty_document", f"{body.folder} holds no documents")
        batch_id = await run_in_threadpool(
            batches.create_folder_batch, archive, str(folder), files, user.name
        )
    else:
        spool, filename = await receive_upload(request, archive.settings.max_batch_bytes)
        try:
            batch_id = await run_in_threadpool(
                batches.create_zip_batch, archive, spool, filename, user.name
            )
        except ExtractionError as error:
            raise ApiError.from_extraction(error) from None
        finally:
            spool.close()
    receiver.submit(batch_id)
    return await run_in_threadpool(_out, archive, batch_id)


@router.get(
    "/batches/{batch_id}",
    response_model=BatchOut,
    summary="A batch's files counted by state, files per second and time left",
    responses=error_responses(404),
)
def get_batch(batch_id: DbId, archive: ArchiveDep) -> BatchOut:
    return _out(archive, batch_id)


@router.get(
    "/batches/{batch_id}/report",
    summary="Every file of the batch: hash, status, document, error code and message (CSV)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}, **error_responses(404)},
)
def batch_report(batch_id: DbId, archive: ArchiveDep) -> StreamingResponse:
    _out(archive, batch_id)

    rows = (
        (r.file, r.sha256, r.status, r.document_id, r.error_code, r.message)
        for r in batches.report(archive, batch_id)
    )
    header = ["file", "sha256", "status", "document_id", "error_code", "message"]
    return StreamingResponse(
        csv_chunks(header, rows, rows_per_chunk=1000),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="batch-{batch_id}-report.csv"'},
    )
