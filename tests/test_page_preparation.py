"""Page preparation and OCR clean-up a reader of old, photographed or photocopied pages needs."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from extractors.glued_words import split_glued, unglue
from extractors.ocr_debris import clean_words, strip_strokes
from extractors.ocr_engine import OcrWord
from extractors.page_image import despeckle, remove_frame, text_height
from extractors.page_outline import find_page, straighten_photo
from extractors.tone_repair import one_case, repair_line


def _photo_of_a_page() -> tuple[Image.Image, np.ndarray]:
    """A bright sheet with ruled rows, slanted in perspective on a dark table."""
    sheet = np.full((1100, 800), 235, dtype=np.uint8)
    for y in range(150, 1000, 60):
        cv2.line(sheet, (100, y), (700, y), 20, 3)
    corners = np.float32([[160, 120], [900, 90], [960, 1260], [110, 1200]])
    source = np.float32([[0, 0], [799, 0], [799, 1099], [0, 1099]])
    matrix = cv2.getPerspectiveTransform(source, corners)
    photo = cv2.warpPerspective(sheet, matrix, (1100, 1400), borderValue=(40,))
    return Image.fromarray(photo).convert("RGB"), corners


def test_a_photographed_page_is_found_and_flattened_to_a_rectangle() -> None:
    photo, corners = _photo_of_a_page()
    found = find_page(np.asarray(photo.convert("L")))
    assert found is not None
    assert np.abs(found - corners).max() < 12
    flat = straighten_photo(photo, np.asarray(photo.convert("L")))
    assert flat is not None
    gray = np.asarray(flat.convert("L"))
    # the ruled rows are level again: each one lies within a few pixel rows
    rows = np.nonzero((gray < 100).mean(axis=1) > 0.5)[0]
    assert len(rows) and np.diff(rows).max() > 20  # several separate, straight lines


def test_a_scan_whose_paper_fills_the_image_is_left_alone() -> None:
    scan = np.full((1000, 700), 240, dtype=np.uint8)
    cv2.putText(scan, "QUYET DINH", (150, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, 0, 4)
    assert find_page(scan) is None


def test_lone_specks_go_but_the_dots_of_letters_stay() -> None:
    page = np.full((600, 800), 230, dtype=np.uint8)
    for y in (150, 220, 290):  # rows of letter-sized blots, some with a tone mark
        for x in range(100, 700, 40):
            cv2.rectangle(page, (x, y), (x + 18, y + 25), 30, -1)
    for x in range(100, 700, 120):
        cv2.rectangle(page, (x + 7, 210), (x + 10, 213), 30, -1)
    specks = [(50, 450), (300, 500), (600, 420), (750, 80)]
    for x, y in specks:
        page[y : y + 2, x : x + 2] = 30
    cleaned, removed = despeckle(page)
    assert removed == len(specks)
    assert all(cleaned[y, x] > 200 for x, y in specks)
    assert (cleaned[210:214, 107:111] < 100).all()  # tone marks kept


def _word(text: str, box: tuple[int, int, int, int], line: int = 1) -> OcrWord:
    return OcrWord(text=text, bbox=box, confidence=0.9, line=line)


def test_what_ocr_reads_off_the_edge_of_a_scan_or_a_speck_is_not_text() -> None:
    words = [
        _word("Bà", (300, 100, 340, 130)),
        _word("Nguyễn", (350, 100, 450, 130)),
        _word("-", (250, 112, 258, 116)),  # a list dash: small, kept
        _word("ý", (900, 300, 902, 302)),  # a speck
        _word("cóc", (1640, 400, 1652, 440)),  # the scan's dark edge
        _word("|", (500, 100, 502, 130)),  # an erased border
    ]
    kept = [w.text for w in clean_words(words, 1654, 2339)]
    assert kept == ["Bà", "Nguyễn", "-"]


def test_strokes_glued_to_words_come_off() -> None:
    assert strip_strokes("|Huỳnh") == "Huỳnh"
    assert strip_strokes("Thị]") == "Thị"
    assert strip_strokes("[Hiếu") == "Hiếu"
    assert strip_strokes("[1]") == "[1]"


def test_typewriter_letters_read_as_capitals_take_their_words_case() -> None:
    assert one_case("HỒng") == "Hồng"
    assert one_case("nƯỚc") == "nước"
    assert one_case("HĐND") == "HĐND"
    assert one_case("GD&ĐT") == "GD&ĐT"


def test_a_misread_mark_in_a_name_becomes_the_common_name_a_mark_away() -> None:
    assert repair_line(["Vũ", "Thị", "Thụ", "Oanh"]) == ["Vũ", "Thị", "Thu", "Oanh"]
    assert repair_line(["Bà", "Vương", "Diệu", "Vần,", "Tổ", "trưởng"])[3] == "Vân,"
    # real names stay, common or not
    assert repair_line(["Bà", "Hà", "Thị", "Nhân,", "Giáo", "viên"])[3] == "Nhân,"
    assert repair_line(["Ông", "Nguyễn", "Văn", "Toản"])[3] == "Toản"
    assert repair_line(["Huỳnh", "Thị", "Hồng", "Tâm", "Giáo", "viên"])[4] == "Giáo"


def test_a_unit_named_after_a_person_keeps_its_name() -> None:
    tokens = ["Trường", "THPT", "Huỳnh", "Thúc", "Kháng,", "thành", "phố", "Vinh"]
    assert repair_line(tokens) == tokens


def _ruled_page(row_lines: bool) -> np.ndarray:
    """An A4 page at 100 DPI holding a box from edge band to edge band, with or without the
    row lines of a table inside it."""
    page = np.full((1169, 827), 255, dtype=np.uint8)
    cv2.rectangle(page, (40, 40), (787, 1129), 0, 3)
    if row_lines:
        for y in range(100, 1129, 45):
            cv2.line(page, (40, y), (787, y), 0, 2)
        for x in (120, 400, 600):
            cv2.line(page, (x, 40), (x, 1129), 0, 2)
    return page


def test_a_certificate_frame_is_blanked_but_a_page_long_tables_border_is_kept() -> None:
    framed = remove_frame(_ruled_page(row_lines=False))
    assert framed is not None and framed[40:44, 400].min() == 255
    # A continuation page of an award list: its table's outer border is the table's, and
    # losing it would lose the first and last columns.
    assert remove_frame(_ruled_page(row_lines=True)) is None


@pytest.mark.parametrize(
    ("glued", "words"),
    [
        ("HÀTHỊTHANHGẤM", ["HÀ", "THỊ", "THANH", "GẤM"]),
        ("ĐINHTHỊTHANHLIỄU", ["ĐINH", "THỊ", "THANH", "LIỄU"]),
        ("LANANH", ["LAN", "ANH"]),  # not `LA NANH`: names win
        ("ThịQuỳnh", ["Thị", "Quỳnh"]),
        ("NGUYỄN", None),  # one syllable
        ("UBND", None),  # an abbreviation: no split into syllables exists
        ("THCS", None),
        ("nguyễnvăn", None),  # lowercase runs are left alone
        ("TH&THCSLý", ["TH&THCS", "Lý"]),  # an abbreviation glued to the name after it
        ("GD&ĐT", None),
    ],
)
def test_words_ocr_glued_together_split_into_their_syllables(
    glued: str, words: list[str] | None
) -> None:
    assert split_glued(glued) == words


def test_a_glued_word_splits_into_words_sharing_its_box() -> None:
    word = OcrWord("HÀTHỊ,", (100, 10, 160, 30), 0.8, block=1, paragraph=1, line=2)
    first, second = unglue([word])
    assert (first.text, second.text) == ("HÀ", "THỊ,")
    assert first.bbox[0] == 100 and second.bbox[2] == 160 and first.bbox[2] <= second.bbox[0]
    assert (second.line, second.confidence) == (2, 0.8)


def test_a_speckled_page_is_measured_by_its_letters_not_its_dust() -> None:
    """A worn 150 DPI copy: thousands of specks outnumber the letters. The page's text
    height (which decides its scaling and what counts as a speck) is still the letters'."""
    page = np.full((1754, 1241), 235, dtype=np.uint8)
    for row in range(30):
        cv2.putText(page, "Truong Trung hoc co so Xuan Loc", (80, 120 + row * 50),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.6, 30, 2)  # fmt: skip
    clean = text_height(page)
    rng = np.random.default_rng(7)
    ys, xs = rng.integers(0, 1752, 6000), rng.integers(0, 1239, 6000)
    for y, x in zip(ys, xs, strict=True):
        page[y : y + 2, x : x + 2] = 40
    assert clean is not None
    speckled = text_height(page)
    assert speckled is not None and abs(speckled - clean) <= 0.25 * clean
