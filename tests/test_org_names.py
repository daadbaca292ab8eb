"""Organization names printed in capitals come out in their usual written case."""

import pytest

from extractors.parsing.org_names import organization_case, title_case


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("TRƯỜNG THPT NGUYỄN KHUYẾN", "Trường THPT Nguyễn Khuyến"),
        ("TRƯỜNG TH&THCS PHÙNG CHÍ KIÊN", "Trường TH&THCS Phùng Chí Kiên"),
        ("PHÒNG GD&ĐT HUYỆN NAM TRỰC", "Phòng GD&ĐT huyện Nam Trực"),
        ("Trường THCS Bắc Sơn", "Trường THCS Bắc Sơn"),  # proper case is kept
    ],
)
def test_capitals_become_the_names_written_case_and_acronyms_stay(
    printed: str, written: str
) -> None:
    assert organization_case(printed) == written


@pytest.mark.parametrize(
    ("printed", "written"),
    [("PHÓ GIÁM ĐỐC", "Phó Giám đốc"), ("GIÁM ĐỐC.", "Giám đốc"), ("CHỦ TỊCH", "Chủ tịch")],
)
def test_a_signers_title_is_written_as_usual_without_ocr_specks(printed: str, written: str) -> None:
    assert title_case(printed) == written
