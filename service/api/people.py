"""`/api/v1/people`: award rows grouped into persons, a person's timeline and streaks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from service.api.auth import AUTH_ERRORS, as_viewer
from service.api.deps import ArchiveDep
from service.api.errors import ApiError, error_responses
from service.api.models import API, AwardOut, PersonDetail, PersonList, PersonOut, StreakOut
from service.award_labels import label
from service.people import Person, find_people, get_person, streaks

router = APIRouter(
    prefix=API, tags=["people"], dependencies=[Depends(as_viewer)], responses=AUTH_ERRORS
)


@router.get(
    "/people",
    response_model=PersonList,
    summary="People whose name matches, each with their units and award count",
    responses=error_responses(422),
)
def list_people(
    archive: ArchiveDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            description="A name, with or without diacritics; honorifics ignored",
            examples=["cô Nguyễn Thị Thanh Xuân"],
        ),
    ],
    fuzzy: bool = True,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> PersonList:
    with archive.db.read() as session:
        people = find_people(session, q, fuzzy=fuzzy)
        items = [PersonOut.of(person) for person in people[:limit]]
    return PersonList(total=len(people), items=items)


def _person(session: Session, person_id: str) -> Person:
    person = get_person(session, person_id)
    if person is None:
        raise ApiError(404, "not_found", f"no person {person_id}")
    return person


@router.get(
    "/people/{person_id}",
    response_model=PersonDetail,
    summary="A person's awards across the years, oldest first, with their documents",
    responses=error_responses(404),
)
def person_detail(person_id: str, archive: ArchiveDep) -> PersonDetail:
    with archive.db.read() as session:
        person = _person(session, person_id)
        return PersonDetail(
            **PersonOut.of(person).model_dump(),
            awards=[AwardOut.of(award) for award in person.awards],
        )


@router.get(
    "/people/{person_id}/streaks",
    response_model=list[StreakOut],
    summary="Runs of consecutive years with the same award, longest first",
    responses=error_responses(404),
)
def person_streaks(person_id: str, archive: ArchiveDep) -> list[StreakOut]:
    with archive.db.read() as session:
        person = _person(session, person_id)
        return [
            StreakOut(
                award_code=s.award_code,
                label=label(s.award_code),
                first_year=s.first_year,
                last_year=s.last_year,
                years=s.years,
                periods=s.periods,
                award_ids=s.award_ids,
            )
            for s in streaks(person)
        ]
