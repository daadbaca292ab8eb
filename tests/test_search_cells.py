"""The number and facets a search for one award code over some years, or at some schools,
reads from the counts kept with the rows are those of the rows it returns: on both
backends, after a document is read again, and in an archive made before those counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from schemas.award_codes import AwardCode, IssuerLevel
from schemas.document_text import DocumentText
from service.archive import Archive, open_archive
from service.award_search import AwardQuery, iter_awards, search_awards
from service.db.migrate import upgrade
from service.db.models import Document
from service.records import replace_records
from tests.conftest import NewDatabase
from tests.search_archive import DECISIONS, Row, build, decision

CSTD = AwardCode.chien_si_thi_dua_co_so.value
# `Chu Văn An` is a school and a teacher: the words find both, each row once.
CHU_VAN_AN = decision(
    "606/QĐ-UBND",
    "UBND huyện Hải Hậu",
    IssuerLevel.huyen,
    date(2021, 5, 20),
    "2020-2021",
    [
        Row("Chu Văn An", "Trường THCS Hải Hậu"),
        Row("Chu Văn An", None),
        Row("Chu Văn An", "Trường THPT Chu Văn An"),
        Row("Lê Thị Mai", "Trường THPT Chu Văn An"),
        Row("Chu Văn An", "Trường THCS Hải Hậu", AwardCode.giay_khen, "Giấy khen"),
    ],
)
QUERIES = {
    "one year": (AwardQuery(award_codes=(CSTD,), year_from=2020, year_to=2020), 11),
    "from a year": (AwardQuery(award_codes=(CSTD,), year_from=2021), 8),
    "up to a year": (AwardQuery(award_codes=(CSTD,), year_to=2020), 11),
    "no such years": (AwardQuery(award_codes=(CSTD,), year_from=1990, year_to=1995), 0),
    "one school": (AwardQuery(award_codes=(CSTD,), unit="THPT Nguyễn Khuyến"), 4),
    "schools sharing a word": (AwardQuery(award_codes=(CSTD,), unit="Lê"), 3),
    "award words and a school": (AwardQuery(q="cstd co so nguyen khuyen"), 4),
    "a school or a person": (AwardQuery(q="cstd co so chu van an"), 4),
    "a school or a person, any award": (AwardQuery(q="chu van an"), 5),
    "an issuer's school year": (AwardQuery(issuer="Sở GD&ĐT Nam Định", period="2019-2020"), 5),
    "a school's school year": (AwardQuery(unit="THPT Nguyễn Khuyến", period="2022-2023"), 2),
    "an award code at an issuer": (AwardQuery(award_codes=(CSTD,), issuer="UBND Hải Hậu"), 4),
}


def shown(session: Session, query: AwardQuery) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    page = search_awards(session, query, facets=10)
    assert page.facets is not None
    facets = {name: [(v.value, v.count) for v in values] for name, values in page.facets.items()}
    return page.total, facets


def by_rows(session: Session, query: AwardQuery) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    """The number and facets counted from the very rows the search returns."""
    rows = list(iter_awards(session, query))
    values = {
        "award_code": [a.award_code for a in rows],
        "period": [a.period for a in rows],
        "issuer": [a.issuer_key for a in rows],
        "unit": [a.unit_key for a in rows],
    }
    facets = {
        name: sorted(Counter(v for v in found if v).items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        for name, found in values.items()
    }
    return len(rows), facets


@pytest.fixture
def archive(tmp_path: Path, new_database: NewDatabase) -> Iterator[Archive]:
    opened = open_archive(build(tmp_path, new_database(tmp_path), [*DECISIONS, CHU_VAN_AN]))
    yield opened
    opened.close()


def assert_counts_follow_rows(archive: Archive) -> None:
    with archive.db.read() as session:
        for label, (query, _) in QUERIES.items():
            assert shown(session, query) == by_rows(session, query), label


def test_cell_counts_are_the_counts_of_the_rows_found(archive: Archive) -> None:
    with archive.db.read() as session:
        totals = {label: shown(session, query)[0] for label, (query, _) in QUERIES.items()}
    assert totals == {label: expected for label, (_, expected) in QUERIES.items()}
    assert_counts_follow_rows(archive)


def test_cell_counts_follow_a_document_read_again(archive: Archive) -> None:
    with archive.db.write() as session:
        first = session.get(Document, 1)
        assert first is not None
        awards = [a.model_copy(update={"period": "2017-2018"}) for a in DECISIONS[0].awards[:2]]
        moved = DECISIONS[0].model_copy(update={"awards": awards})
        replace_records(session, first, moved, DocumentText(media_type="", pages=[]))
    with archive.db.read() as session:
        assert shown(session, QUERIES["one year"][0])[0] == 11 - 5
        assert shown(session, AwardQuery(award_codes=(CSTD,), year_to=2018))[0] == 2
    assert_counts_follow_rows(archive)


def test_an_archive_made_before_the_cells_gets_them_counted(archive: Archive) -> None:
    with archive.db.write() as session:
        session.execute(text("DELETE FROM facet_pairs WHERE dim LIKE '%+%'"))
        for index in ("ix_awards_newest", "ix_awards_code_newest", "ix_awards_unit_newest"):
            session.execute(text(f"DROP INDEX {index}"))
        session.execute(text("DROP TABLE document_signatures"))  # made after 0007 too
        session.execute(text("DROP INDEX ix_documents_deleted_at"))  # and 0010's columns
        for column in ("deleted_at", "deleted_by", "delete_reason"):
            session.execute(text(f"ALTER TABLE documents DROP COLUMN {column}"))
        session.execute(text("UPDATE alembic_version SET version_num = '0007'"))
    upgrade(archive.db)
    assert_counts_follow_rows(archive)
    with archive.db.read() as session:
        assert shown(session, QUERIES["one year"][0])[0] == QUERIES["one year"][1]


def test_a_filter_lists_the_newest_school_year_first(archive: Archive) -> None:
    with archive.db.read() as session:
        page = search_awards(session, AwardQuery(award_codes=(CSTD,), limit=50))
    years = [a.year_end for a in page.awards]
    assert len(years) == page.total > 5
    assert years == sorted(years, reverse=True)
    newest = [a.id for a in page.awards if a.year_end == years[0]]
    assert newest == sorted(newest, reverse=True)
