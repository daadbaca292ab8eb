"""Tone-mark repair after OCR: wrong marks fixed from context, right text left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.tone_repair import repair_line

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _repair(text: str) -> str:
    return " ".join(repair_line(text.split()))


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Tố chức thi đua", "Tổ chức thi đua"),  # hỏi read as sắc
        ("CHIẾN SĨ THỊ ĐUA", "CHIẾN SĨ THI ĐUA"),  # a dot below added
        ("sửa đối, bổ sung", "sửa đổi, bổ sung"),  # punctuation kept
        ("ngày 5 tháng 9 nắm 2014", "ngày 5 tháng 9 năm 2014"),  # numbers are context
        ("Tập thế lao động tiên tiến", "Tập thể lao động tiên tiến"),
        ("Trường Tiếu học", "Trường Tiểu học"),
        ("Sổ: 123/QĐ-UBND", "Số: 123/QĐ-UBND"),
        ("NGUYÊN VĂN AN", "NGUYỄN VĂN AN"),  # ễ read as ê in a family name
        ("Đỉnh Văn Hùng", "Đinh Văn Hùng"),
        ("3 CHỦ THỊ MAI Trường", "3 CHU THỊ MAI Trường"),  # a list's row number says nothing
        ("Ong Trần Mạnh", "Ông Trần Mạnh"),
        ("Nguyễn Ngọc Long, Tố trưởng chuyên môn", "Nguyễn Ngọc Long, Tổ trưởng chuyên môn"),
        ("KT. CHỦ TỊCH PHO CHU TỊCH", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),  # Phó is no name here
        ("Số số vàng: 5621", "Số sổ vàng: 5621"),  # rarer, but both neighbours agree
        ("Xét đề nghị của Trường phòng", "Xét đề nghị của Trưởng phòng"),  # one side vs both
        ("HUYỆN YÊN THẰNH", "HUYỆN YÊN THÀNH"),  # no syllable, in a place's name
        ("Yen Thành, ngày 26", "Yên Thành, ngày 26"),  # no syllable, so no family name
    ],
)
def test_marks_misread_by_ocr_are_repaired_from_their_neighbours(read: str, meant: str) -> None:
    assert _repair(read) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Trần Văn Nguyên",  # a given name, not the family name Nguyễn
        "tỉnh Thái Nguyên",
        "DOÃN THỊ ÁNH",  # a rare family name stays, though Đoàn is one mark pair away
        "Tăng Mạnh Chiến",
        "Lâm Quốc Hiếu",
        "gia đình văn hóa",
        "Gia Đình Văn Hóa",
        "Tổ Văn",
        "cho: Sở Nội vụ, Trường",  # after a comma a new item starts: no context
        "3 Chu Phước Thịnh Giáo viên",  # a family name without marks is one as printed
        "12 Chu Sinh Thắng Tổ trưởng",
        "QUYT ĐNH",  # letters lost, not marks: nothing to choose from, nothing guessed
    ],
)
def test_names_and_right_words_are_left_alone(text: str) -> None:
    assert _repair(text) == text


def test_printed_text_of_the_samples_goes_through_unchanged() -> None:
    """Correct text must survive repair: every line of every sample's true text."""
    changed: list[tuple[str, str]] = []
    words = 0
    for path in sorted(SAMPLES.glob("*.truth.txt")):
        for line in path.read_text("utf-8").splitlines():
            tokens = line.split()
            words += len(tokens)
            repaired = repair_line(tokens)
            changed += [(a, b) for a, b in zip(tokens, repaired, strict=True) if a != b]
    assert words > 5000
    assert changed == []


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Đã có thành tích Xuất Sắc trong năm học", "Đã có thành tích xuất sắc trong năm học"),
        ("Trưởng phòng TỔ chức cán bộ", "Trưởng phòng Tổ chức cán bộ"),
        ("danh hiệu Chiến sỹ thi đua cơ SỞ", "danh hiệu Chiến sỹ thi đua cơ sở"),
        ("CHIẾN SĨ THI ĐUA Cơ SỞ NĂM HỌC", "CHIẾN SĨ THI ĐUA CƠ SỞ NĂM HỌC"),
        ("Từ Quang Hoàn TỔ phó chuyên môn", "Từ Quang Hoàn Tổ phó chuyên môn"),
    ],
)
def test_letters_of_one_shape_in_both_cases_take_the_case_of_their_context(
    read: str, meant: str
) -> None:
    """A typewriter's `s`, `c`, `o`, `x` read as capitals (and back) when struck unevenly."""
    assert _repair(read) == meant


@pytest.mark.parametrize(
    "text",
    ["của Sở Giáo dục và Đào tạo", "huyện Can Lộc", "cho bà Vũ Thị Sáu", "SỞ GIÁO DỤC"],
)
def test_capitals_that_real_texts_write_stay(text: str) -> None:
    assert _repair(text) == text


def test_a_sentence_that_runs_on_into_the_next_line_lends_it_its_context() -> None:
    line = ["Các", "cá", "nhân", "có", "tên", "tại", "Điều", "1", "được", "hường", "tiên"]
    assert repair_line(line, after="thưởng")[-2:] == ["hưởng", "tiền"]
    assert repair_line(line)[-1] == "tiên"  # alone, nothing says which mark it lost


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("Chi bộ Trưởng THCS Xuân Lộc", "Chi bộ Trường THCS Xuân Lộc"),
        ("CHI BỘ TRƯỞNG THPT XUÂN LỘC", "CHI BỘ TRƯỜNG THPT XUÂN LỘC"),
        ("Trưởng Tiểu học Kim Đồng", "Trường Tiểu học Kim Đồng"),
        ("Hiệu trưởng Trường THCS Xuân Lộc", "Hiệu trưởng Trường THCS Xuân Lộc"),
        ("Tổ trưởng Tiểu ban", "Tổ trưởng Tiểu ban"),  # a head of a team stays one
        ("Trưởng phòng Giáo dục", "Trưởng phòng Giáo dục"),
    ],
)
def test_a_school_read_as_its_head_is_a_school_again(line: str, repaired: str) -> None:
    assert " ".join(repair_line(line.split())) == repaired


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        ("Ông Lường Hoài Dũng, Giáo viên", "Ông Lường Hoài Dũng, Giáo viên"),
        ("LƯỜNG THỊ NHÀN", "LƯỜNG THỊ NHÀN"),  # a family of its own, not `Lương`
        ("Bà Lương Thị Hoa", "Bà Lương Thị Hoa"),
        ("Bà Nguyên Sinh Hùng", "Bà Nguyễn Sinh Hùng"),  # rare, a mark from the commonest
    ],
)
def test_a_family_name_read_with_its_marks_is_kept(line: str, repaired: str) -> None:
    assert " ".join(repair_line(line.split())) == repaired
