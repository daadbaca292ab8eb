"""`/api/v1/awards`: search award rows (words, name, unit, filters), one award by id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from schemas.award_codes import AwardCode, RecipientKind
from service.api.deps import ArchiveDep
from service.api.errors import ApiError, error_responses
from service.api.models import API, AwardList, AwardOut
from service.award_search import MAX_LIMIT, AwardQuery, search_awards
from service.db.models import Award

router = APIRouter(prefix=API, tags=["awards"])

Year = Annotated[int | None, Query(ge=1945, le=2100)]


@router.get(
    "/awards",
    response_model=AwardList,
    summary="Search awards; text is matched with or without diacritics",
    responses=error_responses(422),
)
def list_awards(
    archive: ArchiveDep,
    q: Annotated[
        str | None,
        Query(description="Words anywhere in the award row", examples=["nguyen khuyen"]),
    ] = None,
    name: Annotated[
        str | None,
        Query(description="A recipient's name, words in order", examples=["nguyen thi thanh xuan"]),
    ] = None,
    unit: Annotated[str | None, Query(examples=["THPT Nguyễn Khuyến"])] = None,
    award_code: AwardCode | None = None,
    period: Annotated[
        str | None, Query(pattern=r"^\d{4}(-\d{4})?$", examples=["2023-2024"])
    ] = None,
    year_from: Year = None,
    year_to: Year = None,
    issuer: Annotated[str | None, Query(examples=["Sở Giáo dục Nam Định"])] = None,
    number: Annotated[str | None, Query(examples=["1234/QĐ-SGDĐT"])] = None,
    kind: RecipientKind | None = None,
    document_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> AwardList:
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ApiError(422, "invalid_request", "year_from is after year_to")
    query = AwardQuery(
        q=q,
        name=name,
        unit=unit,
        issuer=issuer,
        number=number,
        award_code=award_code.value if award_code else None,
        kind=kind.value if kind else None,
        period=period,
        year_from=year_from,
        year_to=year_to,
        document_id=document_id,
        limit=limit,
        offset=offset,
    )
    with archive.db.read() as session:
        page = search_awards(session, query)
        items = [AwardOut.of(award) for award in page.awards]
    return AwardList(total=page.total, limit=limit, offset=offset, items=items)


@router.get(
    "/awards/{award_id}",
    response_model=AwardOut,
    summary="One award row with its evidence and decision",
    responses=error_responses(404),
)
def get_award(award_id: int, archive: ArchiveDep) -> AwardOut:
    with archive.db.read() as session:
        award = session.get(Award, award_id)
        if award is None:
            raise ApiError(404, "not_found", f"no award {award_id}")
        return AwardOut.of(award)
