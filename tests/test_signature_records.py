"""Signatures as stored rows, on SQLite and PostgreSQL: written with the record, replaced
(not added to) when the document is read again, found by the signed / state filters; and
the sentences people read for each state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from schemas import ExtractedDocument, PdfSignature, SignatureState, SignatureTrust
from schemas.award_codes import AwardCode, IssuerLevel
from schemas.document_text import DocumentText
from service.archive import Archive, open_archive
from service.award_search import AwardQuery, search_awards
from service.db.models import Document, DocumentSignature
from service.records import replace_records
from service.settings import Settings
from service.signature_sentences import signature_sentence
from tests.conftest import NewDatabase
from tests.search_archive import Row, decision

SO = "Sở Giáo dục và Đào tạo tỉnh Nam Định"
ROW = Row("Trần Văn Thịnh", "Trường THPT Giao Thủy", AwardCode.chien_si_thi_dua_co_so, "CSTĐCS")
SIGNED_AT = datetime(2024, 7, 22, 3, 15, 30, tzinfo=UTC)  # 10:15:30 in Vietnam


def _signature(state: SignatureState, **changes: object) -> PdfSignature:
    values: dict[str, object] = {
        "signer_organization": "UBND tỉnh Nam Định",
        "signer_name": "UBND tỉnh Nam Định",
        "issuer": "CN=VNPT Certification Authority, O=VNPT Group, C=VN",
        "serial": "5401a1b2",
        "signed_at": SIGNED_AT,
        "covers_whole_file": True,
        "intact": True,
        "trust": SignatureTrust.trusted,
        "valid_at_signing_time": True,
        "state": state,
    }
    return PdfSignature.model_validate({**values, **changes})


def _reading(*signatures: PdfSignature) -> ExtractedDocument:
    extracted = decision(
        "1322/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(2024, 7, 22), "2023-2024", [ROW]
    )
    extracted.signatures = list(signatures)
    return extracted


@pytest.fixture
def archive(tmp_path: Path, new_database: NewDatabase) -> Iterator[Archive]:
    opened = open_archive(Settings(data_dir=tmp_path, database_url=new_database(tmp_path)))
    readings = {
        "a" * 64: _reading(_signature(SignatureState.valid)),
        "b" * 64: _reading(
            _signature(SignatureState.valid, covers_whole_file=False),
            _signature(
                SignatureState.modified, covers_whole_file=False, modified_after_signing=True
            ),
        ),
        "c" * 64: _reading(),
    }
    with opened.db.write() as session:
        for sha256, extracted in readings.items():
            document = Document(
                sha256=sha256, filename=f"{sha256[0]}.pdf", media_type="application/pdf",
                size_bytes=1,
            )  # fmt: skip
            session.add(document)
            session.flush()
            replace_records(session, document, extracted, DocumentText(media_type="", pages=[]))
    try:
        yield opened
    finally:
        opened.close()


def _found(archive: Archive, **filters: object) -> set[int]:
    with archive.db.read() as session:
        page = search_awards(session, AwardQuery(**filters))  # type: ignore[arg-type]
        return {award.document_id for award in page.awards}


def test_signed_and_signature_state_filters_find_the_right_documents(archive: Archive) -> None:
    assert _found(archive, signed=True) == {1, 2}
    assert _found(archive, signed=False) == {3}
    assert _found(archive, signature_state="valid") == {1, 2}
    assert _found(archive, signature_state="modified") == {2}
    assert _found(archive, signature_state="modified", signed=False) == set()
    assert _found(archive, signature_state="untrusted") == set()


def test_reading_again_replaces_the_signature_rows(archive: Archive) -> None:
    with archive.db.write() as session:
        document = session.get(Document, 2)
        assert document is not None
        replace_records(
            session,
            document,
            _reading(_signature(SignatureState.valid)),
            DocumentText(media_type="", pages=[]),
        )
    with archive.db.read() as session:
        count = select(func.count()).select_from(DocumentSignature)
        assert session.execute(count.where(DocumentSignature.document_id == 2)).scalar_one() == 1
    assert _found(archive, signature_state="modified") == set()


SENTENCES = {
    SignatureState.valid: "Chữ ký số hợp lệ của UBND tỉnh Nam Định, ký lúc 10:15:30 ngày "
    "22/07/2024; tệp không bị sửa sau khi ký.",
    SignatureState.unchecked: "Chữ ký số của UBND tỉnh Nam Định, ký lúc 10:15:30 ngày 22/07/2024; "
    "tệp không bị sửa sau khi ký; nhưng chưa đối chiếu với danh sách chứng thư gốc tin cậy "
    "(chưa cấu hình).",
    SignatureState.untrusted: "Chữ ký số của UBND tỉnh Nam Định, ký lúc 10:15:30 ngày 22/07/2024; "
    "tệp không bị sửa sau khi ký; nhưng chứng thư số do «VNPT Certification Authority» cấp "
    "không thuộc danh sách tin cậy.",
    SignatureState.revoked: "Chữ ký số của UBND tỉnh Nam Định, ký lúc 10:15:30 ngày 22/07/2024; "
    "tệp không bị sửa sau khi ký; nhưng chứng thư số đã bị thu hồi trước lúc ký (theo dữ liệu "
    "thu hồi kèm trong tệp).",
}


@pytest.mark.parametrize("state", SENTENCES)
def test_each_state_reads_as_one_plain_vietnamese_sentence(state: SignatureState) -> None:
    assert signature_sentence(_signature(state)) == SENTENCES[state]


def test_only_a_checked_signature_is_called_valid() -> None:
    for state in SignatureState:
        said = signature_sentence(_signature(state))
        assert ("hợp lệ" in said) == (state is SignatureState.valid), said
    person = _signature(SignatureState.valid, signer_name="Trần Văn Hùng")
    assert "của Trần Văn Hùng (UBND tỉnh Nam Định)" in signature_sentence(person)
