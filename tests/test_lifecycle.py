"""Decisions that change others: an annulment revokes the awards it names (or all of the
decision's), whichever of the two was archived first; a correction links and revokes
nothing; revoked rows stay, marked, and are found with `status`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from extractors.decision_changes import decision_change
from schemas import ChangeAction, ExtractedDocument
from schemas.award_codes import AwardCode, DocumentType, IssuerLevel
from service.api.app import create_app
from service.archive import open_archive
from service.db.models import Award, DecisionLink, Document
from service.settings import Settings
from tests.search_archive import UBND, Row, build, decision
from tests.service_helpers import authorize

A = AwardCode
ORIGINAL = decision(
    "101/QĐ-UBND", UBND, IssuerLevel.tinh, date(2024, 5, 2), "2023-2024",
    [Row("Lê Văn An", "Trường THPT Hùng Vương", A.bang_khen_cap_tinh, "Bằng khen"),
     Row("Phạm Thị Bình", "Trường THPT Hùng Vương", A.bang_khen_cap_tinh, "Bằng khen"),
     Row("Đỗ Văn Cường", "Trường THCS Lê Lợi", A.bang_khen_cap_tinh, "Bằng khen")],
)  # fmt: skip
CERTIFICATE = decision(
    "101/QĐ-UBND", UBND, IssuerLevel.tinh, date(2024, 5, 2), "2023-2024",
    [Row("Lê Văn An", "Trường THPT Hùng Vương", A.bang_khen_cap_tinh, "Bằng khen")],
    doc_type=DocumentType.certificate,
)  # fmt: skip


def changing(number: str, subject: str, names: list[str]) -> ExtractedDocument:
    document = decision(
        number, UBND, IssuerLevel.tinh, date(2025, 3, 1), None,
        [Row(n, "Trường THPT Hùng Vương", A.bang_khen_cap_tinh, "Bằng khen") for n in names],
    )  # fmt: skip
    document.subject = subject
    document.changes = decision_change(subject)
    return document


ANNULMENT = changing(
    "77/QĐ-UBND",
    "Về việc thu hồi Bằng khen tại Quyết định số 101/QĐ-UBND ngày 02/5/2024 "
    "của Chủ tịch Ủy ban nhân dân tỉnh",
    ["Lê Văn An"],
)
CORRECTION = changing(
    "78/QĐ-UBND",
    "Về việc đính chính Quyết định số 101/QĐ-UBND ngày 02 tháng 5 năm 2024",
    [],
)


def states(settings: Settings) -> tuple[dict[tuple[str, str], tuple[str, str | None]], set[tuple]]:
    """Every row's status (and the number of the decision that revoked it), and every link
    as (changing number, action, target number)."""
    archive = open_archive(settings)
    try:
        with archive.db.read() as session:
            numbers = {d.id: d.filename for d in session.scalars(select(Document))}
            rows = {
                (a.name, a.document_type + ":" + (a.number or "")): (
                    a.status,
                    numbers.get(a.revoked_by_document_id) if a.revoked_by_document_id else None,
                )
                for a in session.scalars(select(Award))
            }
            links = {
                (numbers[link.document_id], link.action,
                 numbers.get(link.target_document_id) if link.target_document_id else None)
                for link in session.scalars(select(DecisionLink))
            }  # fmt: skip
    finally:
        archive.close()
    return rows, links


def test_the_subject_says_which_decision_changes_and_how() -> None:
    assert ANNULMENT.changes is not None
    assert ANNULMENT.changes.action is ChangeAction.annuls
    assert (ANNULMENT.changes.number, ANNULMENT.changes.date) == ("101/QĐ-UBND", date(2024, 5, 2))
    assert CORRECTION.changes is not None and CORRECTION.changes.action is ChangeAction.corrects
    assert decision_change("Về việc tặng Bằng khen năm học 2023-2024") is None


@pytest.mark.parametrize(
    "order",
    [
        (ORIGINAL, CERTIFICATE, ANNULMENT, CORRECTION),
        (ANNULMENT, CORRECTION, CERTIFICATE, ORIGINAL),
    ],
    ids=["annulment-last", "annulment-first"],
)
def test_an_annulment_archived_before_or_after_ends_the_same(
    order: tuple[ExtractedDocument, ...], tmp_path: Path
) -> None:
    rows, links = states(build(tmp_path, decisions=order))
    revoked_by = "77_QĐ-UBND.pdf"
    assert rows[("Lê Văn An", "decision:101/QĐ-UBND")] == ("revoked", revoked_by)
    assert rows[("Lê Văn An", "certificate:101/QĐ-UBND")] == ("revoked", revoked_by)
    assert rows[("Phạm Thị Bình", "decision:101/QĐ-UBND")] == ("active", None)
    assert rows[("Đỗ Văn Cường", "decision:101/QĐ-UBND")] == ("active", None)
    # the annulment's own row names whose award goes; it is no award itself
    assert rows[("Lê Văn An", "decision:77/QĐ-UBND")] == ("change", None)
    assert links == {
        ("77_QĐ-UBND.pdf", "annuls", "101_QĐ-UBND.pdf"),
        ("78_QĐ-UBND.pdf", "corrects", "101_QĐ-UBND.pdf"),
    }


def test_an_annulment_naming_no_one_revokes_the_whole_decision(tmp_path: Path) -> None:
    whole = changing("79/QĐ-UBND", "Về việc hủy bỏ Quyết định số 101/QĐ-UBND ngày 02/5/2024", [])
    rows, _ = states(build(tmp_path, decisions=[whole, ORIGINAL]))
    assert {state for (_, doc), (state, _) in rows.items() if doc.endswith("101/QĐ-UBND")} == {
        "revoked"
    }


def test_revoked_awards_are_searched_by_status_and_show_who_revoked_them(tmp_path: Path) -> None:
    settings = build(tmp_path, decisions=[ORIGINAL, ANNULMENT])
    with TestClient(create_app(settings)) as client:
        authorize(client)
        every = client.get("/api/v1/awards", params={"q": "Lê Văn An"}).json()
        assert every["total"] == 2  # default: every row, the revoked one marked
        revoked = client.get("/api/v1/awards", params={"status": "revoked"}).json()
        assert [a["recipient"]["name"] for a in revoked["items"]] == ["Lê Văn An"]
        assert revoked["items"][0]["revoked_by"]["document_id"] > 0
        active = client.get("/api/v1/awards", params={"status": "active"}).json()
        assert sorted(a["recipient"]["name"] for a in active["items"]) == [
            "Phạm Thị Bình", "Đỗ Văn Cường",
        ]  # fmt: skip
        assert client.get("/api/v1/awards", params={"status": "gone"}).status_code == 422


def test_a_deleted_annulment_revokes_nothing_until_it_is_restored(tmp_path: Path) -> None:
    from service.deleted_documents import delete_document, restore_document

    settings = build(tmp_path, decisions=[ORIGINAL, CERTIFICATE, ANNULMENT])
    key = ("Lê Văn An", "decision:101/QĐ-UBND")
    archive = open_archive(settings)
    try:
        with archive.db.read() as session:
            annulment = session.scalars(
                select(Document.id).where(Document.filename == "77_QĐ-UBND.pdf")
            ).one()
        with archive.db.write() as session:
            document = session.get(Document, annulment)
            assert document is not None
            delete_document(session, document, "lan", "nhầm quyết định")
        rows, links = states(settings)
        assert rows[key] == ("active", None)
        assert rows[("Lê Văn An", "certificate:101/QĐ-UBND")] == ("active", None)
        with archive.db.write() as session:
            document = session.get(Document, annulment)
            assert document is not None
            restore_document(session, document, "lan")
        rows, links = states(settings)
        assert rows[key] == ("revoked", "77_QĐ-UBND.pdf")
        assert ("77_QĐ-UBND.pdf", "annuls", "101_QĐ-UBND.pdf") in links
    finally:
        archive.close()
