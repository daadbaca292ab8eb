"""`/api/v1/people`: award rows grouped into persons, a person's timeline and streaks."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from service import person_links
from service.api.auth import AUTH_ERRORS, Archivist, as_viewer
from service.api.deps import ArchiveDep
from service.api.errors import ApiError, error_responses
from service.api.models import API, AwardOut, PersonDetail, PersonList, PersonOut, StreakOut
from service.award_labels import label
from service.people import Person, find_people, get_person, streaks
from service.preservation import audit
from service.query_limits import (
    MAX_PERSON_ID_CHARS,
    MAX_QUERY_CHARS,
    QueryTooLong,
    check_text,
)
from service.state_records.eligibility import eligibility

PersonId = Annotated[str, Path(max_length=MAX_PERSON_ID_CHARS)]

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
            max_length=MAX_QUERY_CHARS,
            description="A name, with or without diacritics; honorifics ignored",
            examples=["cô Nguyễn Thị Thanh Xuân"],
        ),
    ],
    fuzzy: bool = True,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> PersonList:
    try:
        check_text("q", q)
    except QueryTooLong as error:
        raise ApiError(422, error.code, str(error)) from None
    with archive.db.read() as session:
        people = find_people(session, q, fuzzy=fuzzy)
        items = [PersonOut.of(person) for person in people[:limit]]
    return PersonList(total=len(people), items=items)


def _person(session: Session, person_id: str) -> Person:
    person = get_person(session, person_id)
    if person is None:
        raise ApiError(404, "not_found", f"no person {person_id}")
    return person


def _detail(person: Person) -> PersonDetail:
    return PersonDetail(
        **PersonOut.of(person).model_dump(), awards=[AwardOut.of(a) for a in person.awards]
    )


@router.get(
    "/people/{person_id}",
    response_model=PersonDetail,
    summary="A person's awards across the years, oldest first, with their documents",
    responses=error_responses(404, 422),
)
def person_detail(person_id: PersonId, archive: ArchiveDep) -> PersonDetail:
    with archive.db.read() as session:
        return _detail(_person(session, person_id))


@router.get(
    "/people/{person_id}/streaks",
    response_model=list[StreakOut],
    summary="Runs of consecutive years with the same award, longest first",
    responses=error_responses(404, 422),
)
def person_streaks(person_id: PersonId, archive: ArchiveDep) -> list[StreakOut]:
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


class EligibilityOut(BaseModel):
    rule: str = Field(examples=["cstd_tinh_needs_three_cstd_co_so"])
    award_code: str = Field(examples=["chien_si_thi_dua_cap_tinh"])
    label: str = Field(examples=["Chiến sĩ thi đua cấp tỉnh"])
    citation: str = Field(examples=["Luật 06/2022/QH15, Điều 22"])
    wording: str = Field(description="The Law's words for the required history")
    requirement: str
    satisfied: bool
    awards: list[AwardOut] = Field(description="The awards that satisfy it (or the closest)")
    missing: str | None = Field(default=None, description="What the archive does not show")


@router.get(
    "/people/{person_id}/eligibility",
    response_model=list[EligibilityOut],
    summary="For each higher title the Law ties to earlier ones: whether this person's "
    "awards in force show the required history, with the awards, or what is missing",
    responses=error_responses(404, 422),
)
def person_eligibility(
    person_id: PersonId,
    archive: ArchiveDep,
    year: Annotated[
        int | None, Query(ge=1945, le=2100, description="The nomination's year (default: now)")
    ] = None,
) -> list[EligibilityOut]:
    with archive.db.read() as session:
        person = _person(session, person_id)
        return [
            EligibilityOut(
                rule=v.rule.id,
                award_code=v.rule.award_code,
                label=v.label,
                citation=v.rule.citation,
                wording=v.rule.wording,
                requirement=v.rule.explain,
                satisfied=v.satisfied,
                awards=[AwardOut.of(a) for a in v.awards],
                missing=v.missing,
            )
            for v in eligibility(person.awards, year or date.today().year)
        ]


class JoinRequest(BaseModel):
    person_id: str = Field(
        max_length=MAX_PERSON_ID_CHARS,
        description="Another person with the same name (a namesake) who is this person",
        examples=["nguyen-thi-hoa~thcs-yen-vien"],
    )


@router.post(
    "/people/{person_id}/joined",
    response_model=PersonDetail,
    summary="Join a namesake into this person (the same teacher at another school); logged",
    responses=error_responses(404, 409, 422),
)
def join_person(
    person_id: PersonId, body: JoinRequest, archive: ArchiveDep, user: Archivist
) -> PersonDetail:
    with archive.db.write() as session:
        person = _person(session, person_id)
        other = _person(session, body.person_id)
        if other.id == person.id:
            raise ApiError(409, "already_joined", f"{body.person_id} is already {person.id}")
        if other.id not in person.namesakes:
            raise ApiError(
                422, "not_namesakes", "only people with the same name can be joined by hand"
            )
        person_links.link(session, person.id, other.id, user.name)
        audit.record(session, user.name, "person.join", f"person:{person.id}", {"joined": other.id})
        session.flush()
        return _detail(_person(session, person.id))


@router.delete(
    "/people/{person_id}/joined/{other_id}",
    response_model=PersonDetail,
    summary="Undo a join: the two are shown apart again; logged",
    responses=error_responses(404, 422),
)
def unjoin_person(
    person_id: PersonId, other_id: PersonId, archive: ArchiveDep, user: Archivist
) -> PersonDetail:
    with archive.db.write() as session:
        person = _person(session, person_id)
        undone = sum(
            person_links.unlink(session, member, other_id, user.name)
            for member in [person.id, *person.members]
        )
        if not undone:
            raise ApiError(404, "not_found", f"{other_id} is not joined to {person_id}")
        audit.record(
            session, user.name, "person.unjoin", f"person:{person.id}", {"parted": other_id}
        )
        session.flush()
        return _detail(_person(session, person.id))
