"""An archive made before search keys existed gets them, and its lexicon, on upgrade."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from service.award_search import AwardQuery, search_awards
from service.db.engine import Database
from service.db.migrate import upgrade
from tests.conftest import NewDatabase


def test_rows_stored_before_the_upgrade_are_found_by_name_unit_and_fuzzy(
    tmp_path: Path, new_database: NewDatabase
) -> None:
    database = Database(new_database(tmp_path))
    upgrade(database, "0001")
    with database.write() as session:
        session.execute(
            text(
                "INSERT INTO documents (id, sha256, filename, media_type, size_bytes, status, "
                "attempts, created_at, updated_at) VALUES (1, 'a', 'qd.pdf', 'application/pdf', "
                "1, 'done', 1, '2024-01-01', '2024-01-01')"
            )
        )
        session.execute(
            text(
                "INSERT INTO decisions (id, document_id, document_type, ocr_used, warnings, "
                "record) VALUES (1, 1, 'decision', false, '[]', '{}')"
            )
        )
        session.execute(
            text(
                "INSERT INTO awards (id, document_id, decision_id, seq, recipient_kind, name, "
                "unit, award_code, period, year_start, year_end, confidence, evidence_text, "
                "document_type, issuer) VALUES (1, 1, 1, 1, 'individual', 'Trần Văn Thịnh', "
                "'Trường THPT Lê Quý Đôn', 'lao_dong_tien_tien', '2023-2024', 2023, 2024, 0.9, "
                "'', 'decision', 'Sở GD&ĐT Nam Định')"
            )
        )
    upgrade(database)
    with database.read() as session:
        for query in (
            AwardQuery(name="tran van thinl"),
            AwardQuery(unit="THPT Le Quy Don"),
            AwardQuery(issuer="Sở Giáo dục và Đào tạo Nam Định"),
        ):
            page = search_awards(session, query)
            assert [a.name for a in page.awards] == ["Trần Văn Thịnh"], query
        everything = search_awards(session, AwardQuery(), facets=5)
        assert everything.facets is not None
        assert [(f.value, f.count) for f in everything.facets["period"]] == [("2023-2024", 1)]
    database.dispose()
