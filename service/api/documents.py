"""`/api/v1/documents`: upload, list, status and record, original, reprocess; delete,
restore and purge (`service.deleted_documents`).

A deleted document is out of the lists and answers 404 to viewers; archivists still see
it (`deleted_at` set) and its original, to decide whether to restore it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, TextClause, func, select, text
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from extractors.errors import ExtractionError
from schemas import ExtractedDocument, SignatureState
from service.accounts import Principal
from service.api.auth import AUTH_ERRORS, Admin, Archivist, Viewer, as_viewer
from service.api.deps import ArchiveDep, DbId, JobsDep, Offset, get_or_404
from service.api.errors import ApiError, error_responses
from service.api.models import (
    API,
    DocumentDetail,
    DocumentList,
    DocumentOut,
    EventOut,
    RetentionOut,
    SignatureOut,
)
from service.api.upload import receive_upload, upload_body
from service.archive import Archive, original_key
from service.db.models import (
    Award,
    Decision,
    Document,
    DocumentStatus,
    ProcessingEvent,
    Role,
)
from service.deleted_documents import (
    DeletionError,
    delete_document,
    purge_document,
    restore_document,
)
from service.kept_documents import kept, kept_document
from service.preservation import audit
from service.receive import admit
from service.retention import retention_of
from service.signature_records import signature_conditions
from service.storage import ObjectNotFoundError

router = APIRouter(
    prefix=API, tags=["documents"], dependencies=[Depends(as_viewer)], responses=AUTH_ERRORS
)

_UPLOAD_BODY = upload_body("A PDF, DOCX, PNG, JPEG or TIFF file.")


@router.post(
    "/documents",
    status_code=201,
    response_model=DocumentOut,
    summary="Upload a document (201 new, 200 when the same bytes are already archived)",
    openapi_extra=_UPLOAD_BODY,
    responses={
        200: {"model": DocumentOut, "description": "Already archived: the existing document."},
        **error_responses(400, 413, 415, 422),
    },
)
async def upload_document(
    request: Request, response: Response, archive: ArchiveDep, jobs: JobsDep, user: Archivist
) -> DocumentOut:
    spool, filename = await receive_upload(request, archive.settings.max_upload_bytes)
    try:
        admitted = await run_in_threadpool(admit, archive, spool, filename, user.name)
    except ExtractionError as error:
        raise ApiError.from_extraction(error) from None
    finally:
        spool.close()
    document = admitted.document
    if admitted.created:
        jobs.submit(document.id)
    response.status_code = 201 if admitted.created else 200
    response.headers["Location"] = f"{API}/documents/{document.id}"
    return DocumentOut.of(document)


@router.get("/documents", response_model=DocumentList, summary="List documents, newest first")
def list_documents(
    archive: ArchiveDep,
    status: Annotated[str | None, Query(pattern="^(queued|processing|done|failed)$")] = None,
    signed: Annotated[
        bool | None, Query(description="true: digitally signed PDFs; false: the rest")
    ] = None,
    signature_state: Annotated[
        SignatureState | None, Query(description="One of the file's signatures is in this state")
    ] = None,
    deleted: Annotated[
        bool, Query(description="true: only the deleted documents (archivists), to restore")
    ] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Offset = 0,
    *,
    user: Viewer,
) -> DocumentList:
    state = signature_state.value if signature_state else None
    where, params = signature_conditions("documents.id", signed, state)
    conditions: list[ColumnElement[bool] | TextClause] = [
        text(w).bindparams(**params) if ":" in w else text(w) for w in where
    ]
    if deleted:
        _archivist_sees_deleted(user)
        conditions.append(~kept(Document.id))
    else:
        conditions.append(kept(Document.id))
    if status:
        conditions.append(Document.status == status)
    with archive.db.read() as session:
        count = select(func.count()).select_from(Document)
        rows = select(Document).order_by(Document.id.desc()).limit(limit).offset(offset)
        count, rows = count.where(*conditions), rows.where(*conditions)
        total = session.execute(count).scalar_one()
        items = [DocumentOut.of(d) for d in session.scalars(rows)]
    return DocumentList(total=total, limit=limit, offset=offset, items=items)


def _archivist_sees_deleted(user: Principal) -> None:
    if not user.may(Role.archivist):
        raise ApiError(
            403,
            "forbidden",
            f"deleted documents need the archivist role; {user.name} is {user.role}",
        )


def visible(session: Session, document_id: int, user: Principal) -> Document:
    """The document; a deleted one only for archivists (404 to everyone else)."""
    document = (
        get_or_404(session, Document, document_id, "document")
        if user.may(Role.archivist)
        else kept_document(session, document_id)
    )
    if document is None:
        raise ApiError(404, "not_found", f"no document {document_id}")
    return document


def _document(archive: Archive, document_id: int, user: Principal) -> Document:
    with archive.db.read() as session:
        return visible(session, document_id, user)


@router.get(
    "/documents/{document_id}",
    response_model=DocumentDetail,
    summary="A document's status, processing events and extracted record",
    responses=error_responses(404),
)
def get_document(document_id: DbId, archive: ArchiveDep, user: Viewer) -> DocumentDetail:
    with archive.db.read() as session:
        document = visible(session, document_id, user)
        decision = session.scalars(
            select(Decision).where(Decision.document_id == document_id)
        ).first()
        events = session.scalars(
            select(ProcessingEvent)
            .where(ProcessingEvent.document_id == document_id)
            .order_by(ProcessingEvent.id)
        ).all()
        award_count = session.execute(
            select(func.count()).select_from(Award).where(Award.document_id == document_id)
        ).scalar_one()
        base = DocumentOut.of(document)
        retention = retention_of(archive.settings.retention, document, decision)
    record = ExtractedDocument.model_validate(decision.record) if decision else None
    return DocumentDetail(
        **base.model_dump(),
        award_count=award_count,
        retention=RetentionOut.of(retention),
        record=record,
        signatures=[SignatureOut.of(s) for s in record.signatures] if record else [],
        events=[EventOut.of(e) for e in events],
    )


@router.get(
    "/documents/{document_id}/original",
    summary="The original file as uploaded",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/pdf": {}}}, **error_responses(404)},
)
def get_original(document_id: DbId, archive: ArchiveDep, user: Viewer) -> StreamingResponse:
    document = _document(archive, document_id, user)
    try:
        stream = archive.store.open(original_key(document.sha256))
    except ObjectNotFoundError:
        raise ApiError(404, "original_missing", "the original is not in the store") from None

    def chunks() -> Iterator[bytes]:
        with stream:
            while chunk := stream.read(1024 * 1024):
                yield chunk

    ascii_name = document.filename.encode("ascii", "replace").decode().replace('"', "_")
    shown, policy = ORIGINAL_POLICIES.get(document.media_type, (False, DOWNLOAD_CSP))
    disposition = (
        f'{"inline" if shown else "attachment"}; filename="{ascii_name}"; '
        f"filename*=UTF-8''{quote(document.filename)}"
    )
    return StreamingResponse(
        chunks(),
        media_type=document.media_type,
        headers={
            "Content-Disposition": disposition,
            "Content-Length": str(document.size_bytes),
            "Content-Security-Policy": policy,
        },
    )


# How an original is answered, by its sniffed type: images and PDFs open in the browser,
# anything else (DOCX) is a download. An image is shown in a sandbox that runs nothing. A
# PDF cannot be: Chrome will not start its PDF viewer in a sandboxed document, and its
# viewer page needs inline styles; nosniff still keeps a PDF from being read as HTML.
IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
PDF_CSP = "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOWNLOAD_CSP = "default-src 'none'; sandbox"
ORIGINAL_POLICIES = {
    "application/pdf": (True, PDF_CSP),
    "image/png": (True, IMAGE_CSP),
    "image/jpeg": (True, IMAGE_CSP),
    "image/tiff": (True, IMAGE_CSP),
}


@router.post(
    "/documents/{document_id}/reprocess",
    status_code=202,
    response_model=DocumentOut,
    summary="Read and parse the document again (its rows are replaced when it finishes)",
    responses=error_responses(404, 409),
)
def reprocess_document(
    document_id: DbId, archive: ArchiveDep, jobs: JobsDep, user: Archivist
) -> DocumentOut:
    with archive.db.write() as session:
        document = get_or_404(session, Document, document_id, "document")
        if document.deleted_at is not None:
            raise ApiError(409, "document_deleted", f"document {document_id} is deleted")
        if document.status in (DocumentStatus.queued, DocumentStatus.processing):
            raise ApiError(409, "already_queued", f"document {document_id} is {document.status}")
        document.status = DocumentStatus.queued
        session.add(
            ProcessingEvent(document_id=document_id, event="reprocess", detail=f"by {user.name}")
        )
        audit.record(session, user.name, "document.reprocess", f"document:{document_id}")
        session.flush()
        out = DocumentOut.of(document)
    jobs.submit(document_id)
    return out


def _refused(error: DeletionError) -> ApiError:
    return ApiError(error.status, error.code, error.message)


def _change(
    archive: Archive, document_id: int, change: Callable[[Session, Document], object]
) -> DocumentOut:
    """Delete or restore one document in one write, a refusal as its 4xx."""
    with archive.db.write() as session:
        document = get_or_404(session, Document, document_id, "document")
        try:
            change(session, document)
        except DeletionError as error:
            raise _refused(error) from None
        session.flush()
        return DocumentOut.of(document)


@router.delete(
    "/documents/{document_id}",
    response_model=DocumentOut,
    summary="Delete a document: its awards leave every search, list and report until "
    "it is restored (nothing is removed)",
    responses=error_responses(404, 409),
)
def delete_one(
    document_id: DbId,
    archive: ArchiveDep,
    user: Archivist,
    reason: Annotated[str | None, Query(max_length=2000, description="Why (audited)")] = None,
) -> DocumentOut:
    return _change(archive, document_id, lambda s, d: delete_document(s, d, user.name, reason))


@router.post(
    "/documents/{document_id}/restore",
    response_model=DocumentOut,
    summary="Bring a deleted document back, as it was",
    responses=error_responses(404, 409),
)
def restore_one(document_id: DbId, archive: ArchiveDep, user: Archivist) -> DocumentOut:
    return _change(archive, document_id, lambda s, d: restore_document(s, d, user.name))


class PurgeRequest(BaseModel):
    reason: str | None = Field(default=None, max_length=2000, description="Why (audited)")
    force: bool = Field(
        default=False,
        description="Purge although the retention period has not ended (needs a reason)",
    )


class PurgeOut(BaseModel):
    document_id: int
    sha256: str
    objects_removed: int
    retention: str = Field(examples=["20 năm"])


@router.post(
    "/documents/{document_id}/purge",
    response_model=PurgeOut,
    summary="Remove a deleted document for good: its original, derived files and rows "
    "(admins; within its retention period only forced, with a reason)",
    responses=error_responses(404, 409),
)
def purge_one(
    document_id: DbId,
    archive: ArchiveDep,
    user: Admin,
    body: Annotated[PurgeRequest | None, Body()] = None,
) -> PurgeOut:
    asked = body or PurgeRequest()
    try:
        purged = purge_document(archive, document_id, user.name, asked.reason, asked.force)
    except DeletionError as error:
        raise _refused(error) from None
    return PurgeOut(
        document_id=purged.document_id, sha256=purged.sha256,
        objects_removed=purged.objects, retention=purged.retention.label,
    )  # fmt: skip
