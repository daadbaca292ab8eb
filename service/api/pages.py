"""`/api/v1/documents/{id}/pages`: a document's pages and their images, for showing an
award's evidence box on the page it was read from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from extractors.errors import ExtractionError
from extractors.page_view import NoPageImageError
from schemas.document_text import DocumentText, PageSource
from service.api.auth import AUTH_ERRORS, as_viewer
from service.api.deps import ArchiveDep, DbId
from service.api.errors import ApiError, error_responses
from service.api.models import API, PageOut
from service.archive import Archive
from service.db.models import Document, DocumentStatus
from service.kept_documents import kept_document
from service.page_images import (
    document_text,
    kept_page_jpeg,
    make_page_jpeg,
    reading_version,
)
from service.storage import ObjectNotFoundError

router = APIRouter(
    prefix=API, tags=["documents"], dependencies=[Depends(as_viewer)], responses=AUTH_ERRORS
)

# With the URL's `v` naming the current reading the bytes can never change; without it,
# a browser asks again each time and gets 304 while the ETag still matches.
FOREVER = "private, max-age=31536000, immutable"
REVALIDATE = "private, no-cache"


def _done_document(archive: Archive, document_id: int) -> tuple[Document, str]:
    """The document and the name of its reading; only a `done` document has pages."""
    with archive.db.read() as session:
        document = kept_document(session, document_id)
    if document is None:
        raise ApiError(404, "not_found", f"no document {document_id}")
    if document.status != DocumentStatus.done or document.processed_at is None:
        raise ApiError(
            409, "not_ready", f"document {document_id} is {document.status}, not done: no pages"
        )
    return document, reading_version(document.processed_at)


def _document_text(archive: Archive, document: Document) -> DocumentText:
    try:
        return document_text(archive, document.sha256)
    except ObjectNotFoundError:
        raise ApiError(
            404, "pages_missing", f"document {document.id}'s pages are not in the store"
        ) from None


def _pages(archive: Archive, document_id: int) -> list[PageOut]:
    document, reading = _done_document(archive, document_id)
    text = _document_text(archive, document)
    return [PageOut.of(document_id, page, reading) for page in text.pages]


@router.get(
    "/documents/{document_id}/pages",
    response_model=list[PageOut],
    summary="A document's pages: their size in box units and where their images are",
    responses=error_responses(404, 409),
)
async def list_pages(document_id: DbId, archive: ArchiveDep) -> list[PageOut]:
    return await run_in_threadpool(_pages, archive, document_id)


def _page_jpeg(archive: Archive, document: Document, number: int, reading: str) -> bytes:
    kept = kept_page_jpeg(archive, document.sha256, number, reading)
    if kept is not None:
        return kept
    text = _document_text(archive, document)
    page = next((p for p in text.pages if p.number == number), None)
    if page is None:
        raise ApiError(404, "not_found", f"document {document.id} has no page {number}")
    if page.source == PageSource.docx:
        raise ApiError(404, "no_image", "a Word document's pages have no image (no geometry)")
    try:
        return make_page_jpeg(archive, document.sha256, page, reading)
    except ObjectNotFoundError:
        raise ApiError(404, "original_missing", "the original is not in the store") from None
    except NoPageImageError as error:
        raise ApiError(404, "no_image", str(error)) from None
    except ExtractionError as error:
        raise ApiError.from_extraction(error) from None


@router.get(
    "/documents/{document_id}/pages/{number}/image",
    summary="A page as JPEG, in the geometry of its evidence boxes",
    description="A box `(x0, y0, x1, y1)` of this page divided by the page's `width` and "
    "`height` (from the page list) gives fractions of this image's width and height. "
    "Word documents have no page images (`no_image`).",
    response_class=Response,
    responses={
        200: {"content": {"image/jpeg": {}}},
        304: {"description": "Not modified (If-None-Match)"},
        **error_responses(404, 409),
    },
)
async def get_page_image(
    document_id: DbId,
    number: DbId,
    request: Request,
    archive: ArchiveDep,
    v: Annotated[
        str | None,
        Query(description="The reading `image_url` names; with it the image is cached for good"),
    ] = None,
) -> Response:
    document, reading = await run_in_threadpool(_done_document, archive, document_id)
    etag = f'"{document.sha256[:16]}-{number}-{reading}"'
    headers = {"ETag": etag, "Cache-Control": FOREVER if v == reading else REVALIDATE}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    jpeg = await run_in_threadpool(_page_jpeg, archive, document, number, reading)
    return Response(jpeg, media_type="image/jpeg", headers=headers)
