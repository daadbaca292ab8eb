"""The contract's shape: what others build on must not drift silently."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas import AwardCode, DocumentText, ExtractedDocument, Page, PageSource
from schemas.__main__ import json_schema_text

ROOT = Path(__file__).resolve().parent.parent


def test_exported_json_schema_matches_the_models() -> None:
    committed = (ROOT / "schemas" / "extracted_document.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(), (
        "run: python -m schemas > schemas/extracted_document.schema.json"
    )


def test_every_taxonomy_code_is_an_award_code() -> None:
    taxonomy = ROOT.parent / "shared" / "domain" / "TAXONOMY.md"
    if not taxonomy.exists():
        pytest.skip("shared/domain is not beside the checkout")
    text = taxonomy.read_text(encoding="utf-8")
    import re

    codes = set(re.findall(r"^\| ([a-z_, ]+) \|", text, re.MULTILINE))
    named = {
        c.strip() for group in codes for c in group.split(",") if c.strip() and c.strip() != "code"
    }
    assert named <= {c.value for c in AwardCode}


def test_contract_field_names_are_those_of_the_design() -> None:
    document = ExtractedDocument.model_validate(
        {
            "document_type": "decision",
            "issuer": "Sở Giáo dục và Đào tạo tỉnh Nam Định",
            "number": "1234/QĐ-SGDĐT",
            "date": "2025-05-22",
            "signer": {
                "name": "Nguyễn Văn A",
                "title": "Phó Giám đốc",
                "authority": "KT. GIÁM ĐỐC",
            },
            "declared_counts": {"collective": 15, "individual": 67},
            "awards": [
                {
                    "recipient": {"kind": "individual", "name": "Nguyễn Thị Thanh Xuân"},
                    "award_code": "chien_si_thi_dua_co_so",
                    "period": "2023-2024",
                    "confidence": 0.97,
                    "evidence": {"page": 2, "bbox": [1, 2, 3, 4], "text": "…"},
                }
            ],
        }
    )
    dumped = document.model_dump(mode="json")
    assert set(dumped) >= {
        "document_type",
        "issuer",
        "issuer_parent",
        "number",
        "date",
        "place",
        "subject",
        "signer",
        "declared_counts",
        "awards",
        "pages",
        "ocr",
        "warnings",
    }
    assert dumped["date"] == "2025-05-22"
    assert dumped["awards"][0]["award_code"] == "chien_si_thi_dua_co_so"


def test_a_period_must_be_a_year_or_a_school_year() -> None:
    with pytest.raises(ValidationError):
        ExtractedDocument.model_validate(
            {
                "document_type": "certificate",
                "awards": [
                    {
                        "recipient": {"kind": "individual", "name": "A"},
                        "award_code": "giay_khen",
                        "period": "năm học 2023",
                        "confidence": 1,
                    }
                ],
            }
        )


def test_document_text_joins_pages_with_form_feeds() -> None:
    pages = [Page(number=1, source=PageSource.text_layer), Page(number=2, source=PageSource.ocr)]
    text = DocumentText(media_type="application/pdf", pages=pages)
    assert text.text() == "\f"
    assert text.ocr_used


def test_how_a_page_was_read_is_noted_but_a_doubt_sends_the_document_to_review() -> None:
    from schemas import DocumentType
    from schemas.extracted import ExtractedDocument

    noted = ExtractedDocument(
        document_type=DocumentType.decision,
        warnings=["page 2: text layer unreadable (unmapped glyphs), read with OCR"],
    )
    assert not noted.needs_review()
    doubted = noted.model_copy(update={"warnings": [*noted.warnings, "declared 9, parsed 8"]})
    assert doubted.needs_review()
    low = noted.model_copy(update={"low_confidence": ["/number"]})
    assert low.needs_review()
