"""Scans fed in upside down or sideways are read as if they had been put in upright."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from extractors.extract import extract_document
from extractors.pdf_reader import pdf_pages
from extractors.reader import read_document

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "cert_bangkhen_bo_scan_light_2015.pdf"


def _turned(angle: int) -> bytes:
    page = next(pdf_pages(SAMPLE.read_bytes())[1])[1]
    buffer = io.BytesIO()
    page.rotate(angle, expand=True).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("angle", [180, 90, 270])
def test_a_turned_scan_yields_the_same_record_as_the_upright_one(angle: int) -> None:
    upright = extract_document(SAMPLE.read_bytes(), workers=1)
    turned = extract_document(_turned(angle), workers=1)
    assert [a.recipient.name for a in turned.awards] == [a.recipient.name for a in upright.awards]
    assert (turned.number, turned.date, turned.issuer) == (
        upright.number,
        upright.date,
        upright.issuer,
    )


def test_the_turn_is_recorded_on_the_page() -> None:
    text = read_document(_turned(180), workers=1)
    assert text.pages[0].rotation == 180
    assert read_document(SAMPLE.read_bytes(), workers=1).pages[0].rotation == 0
