"""Fields read by OCR carry how sure the reading was; doubtful ones are listed for review."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from extractors.extract import extract_document
from extractors.ocr_engine import OcrPage, OcrWord

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


class PrintedTextEngine:
    """Reads the given lines off any page, every word as sure as `confidence`."""

    name = "printed 1.0"

    def __init__(self, lines: list[str], confidence: float = 0.95) -> None:
        self.lines = lines
        self.confidence = confidence

    def recognize(self, image: Image.Image) -> OcrPage:
        words: list[OcrWord] = []
        for number, line in enumerate(self.lines, start=1):
            x, y = 150, 150 + 45 * number
            for text in line.split():
                width = 18 * len(text)
                box = (x, y, x + width, y + 30)
                words.append(OcrWord(text, box, self.confidence, block=1, line=number))
                x += width + 14
        return OcrPage(words=words, mean_confidence=95.0, width=image.width, height=image.height)


def _scan() -> bytes:
    page = Image.new("L", (1654, 2339), 255)
    ImageDraw.Draw(page).rectangle((150, 150, 1500, 1500), outline=0, width=3)
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    return buffer.getvalue()


DECISION = [
    "ỦY BAN NHÂN DÂN HUYỆN CAN LỘC",
    "Số: 312/QĐ-UBND",
    "QUYẾT ĐỊNH",
    "Về việc tặng Giấy khen",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CAN LỘC",
    "QUYẾT ĐỊNH:",
    "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho các cá nhân:",
    "1. Bà Vũ Thị Thụ Oanh, Giáo viên Trường Tiểu học Kim Đồng;",  # `Thu` read with a dot
    "2. Ông Trần Văn Hùng, Giáo viên Trường Tiểu học Kim Đồng;",
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
    "CHỦ TỊCH",
    "Nghiêm Văn Mỹ",
]


def test_a_name_whose_marks_repair_changed_is_flagged_with_what_ocr_read() -> None:
    document = extract_document(_scan(), ocr=PrintedTextEngine(DECISION), workers=1)
    names = {award.recipient.name: index for index, award in enumerate(document.awards)}
    repaired = f"/awards/{names['Vũ Thị Thu Oanh']}/recipient/name"
    clean = f"/awards/{names['Trần Văn Hùng']}/recipient/name"
    assert repaired in document.low_confidence  # the engine was sure; the mark is a guess
    assert document.ocr_readings[repaired] == "Vũ Thị Thụ Oanh"
    assert clean not in document.low_confidence
    assert document.field_confidence[clean] == 0.95
    assert clean not in document.ocr_readings
