"""Signed decisions: `tdkt extract --json` tells who signed, when, and whether the file was
changed since, for PDFs signed, re-signed, altered, expired, foreign and timestamped.

All material is made here (a test CA, certificates, pyHanko signatures); the checks run
offline, and with no trust roots configured nothing is ever called valid.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import pytest

from extractors.parsing.document import parse_document
from extractors.parsing.items import LineItem
from extractors.parsing.signing_stamp import find_signing_stamp
from extractors.signed_document import add_signatures, signing_time
from extractors.text_normalize import fold
from extractors.trust_roots import TrustRoots
from schemas import DocumentText, ExtractedDocument, SignatureState
from tests.field_texts import page
from tests.signed_pdfs import PROVINCE, Material, make_material

TDKT = Path(sys.executable).with_name("tdkt")


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    return make_material(tmp_path_factory.mktemp("signed"))


@cache  # each file is read once per trust setting; tests ask different things of it
def _extract(path: Path, roots: Path | None) -> ExtractedDocument:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_")}
    if roots is not None:
        env["TDKT_TRUST_ROOTS"] = str(roots)
    result = subprocess.run(
        [str(TDKT), "extract", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return ExtractedDocument.model_validate(json.loads(result.stdout))


EXPECTED = {
    "unsigned": [],
    "once": [SignatureState.valid],
    "twice": [SignatureState.valid, SignatureState.valid],
    "altered": [SignatureState.modified],
    "expired": [SignatureState.expired],
    "foreign": [SignatureState.untrusted],
    "timestamped": [SignatureState.valid],
    "foreign_timestamp": [SignatureState.valid],
    "revoked": [SignatureState.revoked],
    "crl_good": [SignatureState.valid],
    "crl_foreign": [SignatureState.valid],
}


@pytest.mark.parametrize("case", EXPECTED)
def test_each_signed_pdf_gets_its_state_in_extract_json(material: Material, case: str) -> None:
    document = _extract(material.files[case], material.roots)
    assert [s.state for s in document.signatures] == EXPECTED[case]
    assert document.awards, "the record is still read from a signed file"


def test_without_trust_roots_an_intact_signature_is_not_checked_never_valid(
    material: Material,
) -> None:
    document = _extract(material.files["once"], None)
    (signature,) = document.signatures
    assert signature.state is SignatureState.unchecked
    assert signature.trust.value == "not_checked"
    assert signature.intact and signature.covers_whole_file
    altered = _extract(material.files["altered"], None)
    assert [s.state for s in altered.signatures] == [SignatureState.modified]


def test_a_signature_records_who_signed_which_ca_and_when(material: Material) -> None:
    (signature,) = _extract(material.files["once"], material.roots).signatures
    assert signature.signer_organization == PROVINCE
    assert signature.signer_name == PROVINCE
    assert signature.issuer.startswith("CN=Test Root CA")
    assert signature.serial == format(material.province.cert.serial_number, "x")
    assert signature.signed_at is not None
    assert abs(signature.signed_at - datetime.now(UTC)) < timedelta(hours=1)
    assert signature.timestamp_at is None
    assert signature.valid_at_signing_time is True
    assert signature.revocation.value == "not_checked"  # nothing about it in the file


def test_a_file_signed_twice_keeps_both_in_order_and_only_the_last_covers_the_file(
    material: Material,
) -> None:
    first, second = _extract(material.files["twice"], material.roots).signatures
    assert (first.signer_name, second.signer_name) == (PROVINCE, "Trần Văn Hùng")
    assert not first.covers_whole_file and not first.modified_after_signing
    assert second.covers_whole_file


def test_a_content_change_after_signing_is_a_warning_that_sends_it_to_review(
    material: Material,
) -> None:
    document = _extract(material.files["altered"], material.roots)
    (signature,) = document.signatures
    assert signature.intact, "the signed revision itself is untouched"
    assert signature.modified_after_signing and not signature.covers_whole_file
    assert any("changed after signing" in w for w in document.warnings)
    clean = _extract(material.files["twice"], material.roots)
    assert not any("signature" in w for w in clean.warnings)


def test_expired_foreign_and_timestamped_say_why(material: Material) -> None:
    (expired,) = _extract(material.files["expired"], material.roots).signatures
    assert expired.valid_at_signing_time is False and expired.intact
    (foreign,) = _extract(material.files["foreign"], material.roots).signatures
    assert foreign.trust.value == "untrusted" and foreign.intact
    (stamped,) = _extract(material.files["timestamped"], material.roots).signatures
    assert stamped.timestamp_at is not None and stamped.timestamp_trusted is True
    assert stamped.signed_at is not None
    assert abs(stamped.timestamp_at - stamped.signed_at) < timedelta(minutes=1)
    (foreign_stamp,) = _extract(material.files["foreign_timestamp"], material.roots).signatures
    assert foreign_stamp.timestamp_at is not None and foreign_stamp.timestamp_trusted is False
    assert signing_time(foreign_stamp) == foreign_stamp.signed_at, (
        "an untrusted stamp: not its time"
    )


def test_revocation_comes_from_the_crl_embedded_in_the_file(material: Material) -> None:
    (revoked,) = _extract(material.files["revoked"], material.roots).signatures
    assert revoked.revocation.value == "revoked"
    (good,) = _extract(material.files["crl_good"], material.roots).signatures
    assert good.revocation.value == "not_revoked"
    (other,) = _extract(material.files["crl_foreign"], material.roots).signatures
    assert other.revocation.value == "not_checked", "another CA's list says nothing of it"


def test_an_unreadable_trust_roots_folder_is_one_error_line(
    material: Material, tmp_path: Path
) -> None:
    (tmp_path / "broken.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n")
    env = {**os.environ, "TDKT_TRUST_ROOTS": str(tmp_path)}
    result = subprocess.run(
        [str(TDKT), "extract", str(material.files["once"]), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.startswith("error: trust_roots: ") and result.stderr.count("\n") == 1


def test_a_der_root_is_trusted_as_well(material: Material, tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    pem = (material.roots / "root.pem").read_bytes()
    der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
    (tmp_path / "root.cer").write_bytes(der)
    data = material.files["once"].read_bytes()
    document = add_signatures(_bare(), data, "application/pdf", TrustRoots(tmp_path))
    assert [s.state for s in document.signatures] == [SignatureState.valid]


def _bare() -> ExtractedDocument:
    return ExtractedDocument(document_type="decision")


def test_an_undated_signed_decision_takes_its_date_from_the_signature(material: Material) -> None:
    data = material.files["timestamped"].read_bytes()
    document = add_signatures(_bare(), data, "application/pdf", TrustRoots(material.roots))
    (signature,) = document.signatures
    assert signature.timestamp_at is not None
    in_vietnam = signature.timestamp_at.astimezone(timezone(timedelta(hours=7)))
    assert document.date == in_vietnam.date()
    evidence = document.field_evidence["/date"]
    assert evidence.source == "signature_time" and "timestamp" in evidence.text
    dated = add_signatures(
        ExtractedDocument(document_type="decision", date=date(2024, 7, 22)),
        data,
        "application/pdf",
        TrustRoots(material.roots),
    )
    assert dated.date == date(2024, 7, 22) and "/date" not in dated.field_evidence


STAMPED_SCAN = """
ỦY BAN NHÂN DÂN
TỈNH NAM ĐỊNH
Số: 1234/QĐ-UBND
Nam Định, ngày .. tháng .. năm ....
QUYẾT ĐỊNH
Về việc tặng Bằng khen của Chủ tịch UBND tỉnh
Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho bà Nguyễn Thị Lan,
Giáo viên Trường THPT Nguyễn Khuyến.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Cơ quan: Ủy ban nhân dân tỉnh Nam Định
Giờ ký: 22/05/2025 10:15:30
Trần Văn Hùng
"""


def test_a_printed_gio_ky_stamp_dates_a_decision_whose_date_line_is_blank() -> None:
    text = DocumentText(media_type="application/pdf", pages=[page(1, STAMPED_SCAN)])
    document = parse_document(text)
    assert document.date == date(2025, 5, 22)
    evidence = document.field_evidence["/date"]
    assert evidence.source == "signing_stamp" and evidence.text == "Giờ ký: 22/05/2025 10:15:30"
    assert evidence.page == 1
    assert "/date" not in document.low_confidence
    assert document.signer.name == "Trần Văn Hùng", "the stamp does not hide the signer"
    unstamped = parse_document(
        DocumentText(
            media_type="application/pdf",
            pages=[page(1, STAMPED_SCAN.replace("Giờ ký: 22/05/2025 10:15:30", ""))],
        )
    )
    assert unstamped.date is None and "/date" not in unstamped.field_evidence


def test_a_broken_signature_is_invalid_and_the_record_is_still_read(material: Material) -> None:
    data = material.files["once"].read_bytes()
    at = data.index(b"/Contents <") + len(b"/Contents <")
    broken = data[:at] + b"0" * 64 + data[at + 64 :]  # the CMS blob's first bytes zeroed
    document = add_signatures(_bare(), broken, "application/pdf", TrustRoots(material.roots))
    assert [s.state for s in document.signatures] == [SignatureState.invalid]
    assert document.signatures[0].problems
    assert any("does not verify" in w for w in document.warnings)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Giờ ký: 22/05/2025 10:15:30", datetime(2025, 5, 22, 10, 15, 30)),
        ("Gio ky 22.05.2025 10h15", datetime(2025, 5, 22, 10, 15)),  # OCR lost marks and colon
        ("Thời gian ký, Giờ ký: 3/1/2024", date(2024, 1, 3)),
        ("Giờ ký: 31/02/2025 10:15:30", None),  # misread digits: no such day
        ("Nam Định, ngày 22/05/2025", None),  # a date line, not the stamp
    ],
)
def test_the_signing_stamp_is_read_as_printed_or_as_ocr_leaves_it(
    printed: str, expected: datetime | date | None
) -> None:
    line = LineItem(1, printed, fold(printed), None, 0.9)
    stamp = find_signing_stamp([line])
    assert (stamp.signed if stamp else None) == expected
