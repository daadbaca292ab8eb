"""Fields read by OCR carry how sure the reading was; doubtful ones are listed for review."""

from __future__ import annotations

from pathlib import Path

from extractors.extract import extract_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_scanned_fields_carry_confidence_and_doubtful_ones_are_listed() -> None:
    document = extract_document(
        (SAMPLES / "qd_list_knc_caps_scan_heavy_bogddt_2012.pdf").read_bytes()
    )
    names = [f"/awards/{i}/recipient/name" for i in range(len(document.awards))]
    assert set(names) <= set(document.field_confidence)
    assert "/number" in document.field_confidence
    assert all(0 <= value <= 1 for value in document.field_confidence.values())
    assert set(document.low_confidence) <= set(document.field_confidence)
    assert all(document.field_confidence[p] < 0.7 for p in document.low_confidence)
    assert document.low_confidence  # a heavy scan has doubtful names to show first


def test_text_layers_are_exact_and_carry_none() -> None:
    document = extract_document((SAMPLES / "qd_list_grid4_textpdf_namdinh_2024.pdf").read_bytes())
    assert document.field_confidence == {} and document.low_confidence == []
