"""A re-read that finds the rows in other places: corrections follow the person they were
made on, and a correction whose row is gone is kept in the log and sent to review."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from schemas import ExtractedDocument
from schemas.award_codes import AwardCode, IssuerLevel
from schemas.document_text import DocumentText
from service import corrections
from service.archive import Archive, open_archive
from service.db.models import Award, AwardChange, Decision, Document, ReviewState
from service.records import replace_records
from service.settings import Settings
from tests.conftest import NewDatabase
from tests.search_archive import Row, decision

SO = "Sở Giáo dục và Đào tạo tỉnh Nam Định"
CSTD = AwardCode.chien_si_thi_dua_co_so
A = Row("Trần Văn Thịnh", "Trường THPT Giao Thủy", CSTD, "Chiến sĩ thi đua cơ sở")
B = Row("Hồ Kim Hậu", "Trường THPT chuyên Lê Hồng Phong", CSTD, "Chiến sĩ thi đua cơ sở")
C = Row("Mạc Thị Ngọc Quỳnh", "Trường THPT Trần Hưng Đạo", CSTD, "Chiến sĩ thi đua cơ sở")
X = Row("Vũ Phương Lý", "Trường THPT Hải Hậu A", CSTD, "Chiến sĩ thi đua cơ sở")


def reading(*rows: Row) -> ExtractedDocument:
    return decision(
        "1322/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(2024, 7, 22), "2023-2024", list(rows)
    )


@pytest.fixture
def archive(tmp_path: Path, new_database: NewDatabase) -> Iterator[Archive]:
    opened = open_archive(Settings(data_dir=tmp_path, database_url=new_database(tmp_path)))
    with opened.db.write() as session:
        document = Document(
            sha256="0" * 64, filename="qd.pdf", media_type="application/pdf", size_bytes=1
        )
        session.add(document)
        session.flush()
        replace_records(session, document, reading(A, B, C), DocumentText(media_type="", pages=[]))
    try:
        yield opened
    finally:
        opened.close()


def read_again(archive: Archive, extracted: ExtractedDocument) -> None:
    with archive.db.write() as session:
        document = session.get(Document, 1)
        assert document is not None
        replace_records(session, document, extracted, DocumentText(media_type="", pages=[]))


def correct(archive: Archive, seq: int, **changes: str) -> None:
    with archive.db.write() as session:
        award = session.scalars(select(Award).where(Award.seq == seq)).one()
        corrections.correct(session, award, changes, "lan")


def rows(archive: Archive) -> list[tuple[int, str, str | None]]:
    with archive.db.read() as session:
        found = session.scalars(select(Award).order_by(Award.seq)).all()
        return [(a.seq, a.name, a.position) for a in found]


def test_a_row_moved_by_the_new_reading_keeps_its_corrections(archive: Archive) -> None:
    correct(archive, 2, name="Hồ Kim Hậu Anh", position="Tổ trưởng")
    read_again(archive, reading(X, A, B, C))  # a row found above: everyone moves down one
    assert rows(archive) == [
        (1, X.name, "Giáo viên"),
        (2, A.name, "Giáo viên"),
        (3, "Hồ Kim Hậu Anh", "Tổ trưởng"),
        (4, C.name, "Giáo viên"),
    ]
    with archive.db.read() as session:
        moved = session.scalars(select(Award).where(Award.seq == 3)).one()
        history = corrections.history(session, moved)
    assert [(h["field"], h["new_value"]) for h in history if h["action"] == "corrected"] == [
        ("name", "Hồ Kim Hậu Anh"),
        ("position", "Tổ trưởng"),
    ]
    assert "2 corrected fields kept" in history[-1]["note"]


def test_rows_that_swapped_places_each_keep_their_own_corrections(archive: Archive) -> None:
    correct(archive, 1, position="Hiệu trưởng")
    correct(archive, 2, position="Phó Hiệu trưởng")
    read_again(archive, reading(B, A, C))
    assert rows(archive)[:2] == [(1, B.name, "Phó Hiệu trưởng"), (2, A.name, "Hiệu trưởng")]
    read_again(archive, reading(B, A, C))  # and again: the log moved with them
    assert rows(archive)[:2] == [(1, B.name, "Phó Hiệu trưởng"), (2, A.name, "Hiệu trưởng")]


def test_a_correction_whose_row_is_gone_is_kept_and_sent_to_review(archive: Archive) -> None:
    correct(archive, 2, position="Tổ trưởng")
    with archive.db.write() as session:
        document = session.get(Document, 1)
        assert document is not None
        corrections.approve(session, document, "lan")
    read_again(archive, reading(A, C))
    assert rows(archive) == [(1, A.name, "Giáo viên"), (2, C.name, "Giáo viên")]
    with archive.db.read() as session:
        document = session.get(Document, 1)
        warnings = session.scalars(select(Decision.warnings)).one()
        kept = session.scalars(select(AwardChange).where(AwardChange.field == "position")).one()
    assert document is not None and document.review_state == ReviewState.needs_review
    assert any("could not be placed" in w for w in warnings)
    assert (kept.user_name, kept.new_value) == ("lan", "Tổ trưởng")
