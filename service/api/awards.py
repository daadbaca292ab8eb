"""`/api/v1/awards`: search award rows (name, words, unit, filters, facets), export them,
one award by id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from itertools import chain
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from schemas.award_codes import AwardCode, DocumentType, IssuerLevel, RecipientKind
from schemas.signatures import SignatureState
from service import award_export
from service.api.auth import AUTH_ERRORS, as_viewer
from service.api.deps import ArchiveDep, DbId, DbIdQuery, Offset
from service.api.errors import ApiError, error_responses
from service.api.models import API, AwardList, AwardOut, FacetOut
from service.award_search import (
    MAX_LIMIT,
    AwardQuery,
    check_query,
    iter_awards,
    search_awards,
)
from service.kept_documents import kept_award
from service.query_limits import MAX_QUERY_CHARS, QueryTooLong

router = APIRouter(
    prefix=API, tags=["awards"], dependencies=[Depends(as_viewer)], responses=AUTH_ERRORS
)

Year = Annotated[int | None, Query(ge=1945, le=2100)]
ReviewStateName = Literal["unreviewed", "needs_review", "reviewed"]
MethodName = Literal[
    "thuong_xuyen", "chuyen_de", "dot_xuat", "doi_ngoai", "cong_hien", "nien_han",
    "khang_chien", "unknown",
]  # fmt: skip
RankName = Literal[
    "lanh_dao_cap_bo_tinh", "lanh_dao_cap_vu_so", "doanh_nhan", "lanh_dao_khac",
    "truc_tiep", "doanh_nghiep", "ho_gia_dinh", "unknown",
]  # fmt: skip
StatusName = Literal["active", "revoked", "change", "all"]


def award_filters(
    q: Annotated[
        str | None,
        Query(
            description="Words anywhere in the award row; award wording (`cstd co so`, "
            "`bang khen tinh`) and a year or school year (`2019-2020`) become filters",
            examples=["cstd co so 2019-2020 nguyen khuyen"],
            max_length=MAX_QUERY_CHARS,
        ),
    ] = None,
    name: Annotated[
        str | None,
        Query(
            description="A recipient's name or part of it, in order; honorifics (`cô`, "
            "`thầy`, `đ/c`) ignored; exact diacritics rank first",
            examples=["cô Nguyễn Thị Thanh Xuân"],
            max_length=MAX_QUERY_CHARS,
        ),
    ] = None,
    fuzzy: Annotated[bool, Query(description="Also find names one or two OCR slips away")] = True,
    unit: Annotated[
        str | None, Query(examples=["THPT Nguyễn Khuyến"], max_length=MAX_QUERY_CHARS)
    ] = None,
    award_code: Annotated[
        list[AwardCode] | None, Query(description="One or more award codes")
    ] = None,
    period: Annotated[
        str | None, Query(pattern=r"^\d{4}(-\d{4})?$", examples=["2023-2024"])
    ] = None,
    year_from: Year = None,
    year_to: Year = None,
    issuer: Annotated[
        str | None, Query(examples=["Sở Giáo dục Nam Định"], max_length=MAX_QUERY_CHARS)
    ] = None,
    issuer_level: IssuerLevel | None = None,
    number: Annotated[
        str | None, Query(examples=["1234/QĐ-SGDĐT"], max_length=MAX_QUERY_CHARS)
    ] = None,
    kind: RecipientKind | None = None,
    document_type: DocumentType | None = None,
    review_state: ReviewStateName | None = None,
    document_id: DbIdQuery = None,
    commendation_method: Annotated[
        list[MethodName] | None,
        Query(description="How the commendation came about (repeatable); `unknown`: not stated"),
    ] = None,
    rank: Annotated[
        list[RankName] | None,
        Query(description="The recipient's rank or kind of collective (repeatable); `unknown`"),
    ] = None,
    status: Annotated[
        StatusName | None,
        Query(
            description="active, revoked (annulled by a later decision), change (a row of a "
            "decision that changes another); omitted: every row, revoked ones marked"
        ),
    ] = None,
    decided_year: Annotated[
        int | None, Query(ge=1945, le=2100, description="The year the decision was signed")
    ] = None,
    signed: Annotated[
        bool | None,
        Query(description="true: read from a digitally signed PDF; false: from an unsigned file"),
    ] = None,
    signature_state: Annotated[
        SignatureState | None,
        Query(
            description="One of the file's signatures is in this state: valid, unchecked (no "
            "trust list configured), untrusted, expired, revoked, invalid, modified (the file "
            "was changed after signing)"
        ),
    ] = None,
) -> AwardQuery:
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ApiError(422, "invalid_request", "year_from is after year_to")
    query = AwardQuery(
        q=q,
        name=name,
        unit=unit,
        issuer=issuer,
        number=number,
        award_codes=tuple(code.value for code in award_code or ()),
        kind=kind.value if kind else None,
        period=period,
        year_from=year_from,
        year_to=year_to,
        issuer_level=issuer_level.value if issuer_level else None,
        document_type=document_type.value if document_type else None,
        review_state=review_state,
        document_id=document_id,
        commendation_methods=tuple(commendation_method or ()),
        ranks=tuple(rank or ()),
        status=None if status in (None, "all") else status,
        decided_year=decided_year,
        signed=signed,
        signature_state=signature_state.value if signature_state else None,
        fuzzy=fuzzy,
    )
    try:
        check_query(query)
    except QueryTooLong as error:
        raise ApiError(422, error.code, str(error)) from None
    return query


Filters = Annotated[AwardQuery, Depends(award_filters)]


@router.get(
    "/awards",
    response_model=AwardList,
    summary="Search awards; text is matched with or without diacritics",
    responses=error_responses(422),
)
def list_awards(
    archive: ArchiveDep,
    filters: Filters,
    facets: Annotated[
        bool,
        Query(description="Also count results by award_code, period, issuer and unit"),
    ] = False,
    facet_size: Annotated[int, Query(ge=1, le=100)] = 10,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Offset = 0,
) -> AwardList:
    query = replace(filters, limit=limit, offset=offset)
    with archive.db.read() as session:
        page = search_awards(session, query, facets=facet_size if facets else 0)
        items = [AwardOut.of(award, page.matches.get(award.id)) for award in page.awards]
    return AwardList(
        total=page.total,
        limit=limit,
        offset=offset,
        items=items,
        facets=(
            {name: [FacetOut(**v.__dict__) for v in values] for name, values in page.facets.items()}
            if page.facets is not None
            else None
        ),
    )


@router.get(
    "/awards/export",
    summary="Every award a search matches, as CSV (UTF-8 with BOM), XLSX or JSON",
    description="A query too long for a search (`query_too_long`) is refused before the "
    "first byte is sent.",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {media: {} for media in award_export.FORMATS.values()},
            "description": "The file, streamed",
        },
        **error_responses(422),
    },
)
def export_awards(
    archive: ArchiveDep,
    filters: Filters,
    format: Annotated[Literal["csv", "xlsx", "json"], Query()] = "csv",
) -> StreamingResponse:
    def body() -> Iterator[bytes]:
        with archive.db.read() as session:
            yield from award_export.chunks(iter_awards(session, filters), format)

    stream = body()
    # The search runs for the first chunk, here: a failing one answers as an error, not
    # as a 200 whose file is cut short.
    first = next(stream, b"")
    filename = f"tdkt-khen-thuong-{date.today().isoformat()}.{format}"
    return StreamingResponse(
        chain([first], stream),
        media_type=award_export.FORMATS[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/awards/{award_id}",
    response_model=AwardOut,
    summary="One award row with its evidence and decision",
    responses=error_responses(404),
)
def get_award(award_id: DbId, archive: ArchiveDep) -> AwardOut:
    with archive.db.read() as session:
        award = kept_award(session, award_id)
        if award is None:
            raise ApiError(404, "not_found", f"no award {award_id}")
        return AwardOut.of(award)
