"""How typed queries are understood, and the keys names and units are matched by."""

from __future__ import annotations

import pytest

from schemas import AwardCode
from service.award_labels import LABELS
from service.name_match import budget, name_distance
from service.search_keys import has_diacritics, name_fold, name_key, org_key
from service.search_query import parse_text, strip_honorific

CSTDCS, LDTT, CSTD_TINH = (
    "chien_si_thi_dua_co_so",
    "lao_dong_tien_tien",
    "chien_si_thi_dua_cap_tinh",
)


@pytest.mark.parametrize(
    ("typed", "text", "codes", "period", "year"),
    [
        ("cstd co so 2019-2020 nguyen khuyen", "nguyen khuyen", (CSTDCS,), "2019-2020", None),
        ("Lao động tiên tiến năm học 2020 - 2021", None, (LDTT,), "2020-2021", None),
        ("bang khen tinh", None, ("bang_khen_cap_tinh",), None, None),
        ("Bằng khen của Thủ tướng", None, ("bang_khen_thu_tuong",), None, None),
        ("chiến sĩ thi đua cấp tỉnh Nam Định", "Nam Định", (CSTD_TINH,), None, None),
        ("giấy khen 2015 Lê Lợi", "Lê Lợi", ("giay_khen",), None, 2015),
        ("nguyen van an", "nguyen van an", (), None, None),
        ("1234/QĐ-UBND", "1234/QĐ-UBND", (), None, None),
        ("2019/QĐ-SGDĐT", "2019/QĐ-SGDĐT", (), None, None),
    ],
)  # fmt: skip
def test_award_words_and_years_in_free_text_become_filters(
    typed: str, text: str | None, codes: tuple[str, ...], period: str | None, year: int | None
) -> None:
    parsed = parse_text(typed)
    assert (parsed.text, parsed.award_codes, parsed.period, parsed.year) == (
        text,
        codes,
        period,
        year,
    )


def test_bang_khen_without_a_level_means_any_bang_khen() -> None:
    assert set(parse_text("bang khen").award_codes) == {
        "bang_khen_cap_tinh",
        "bang_khen_cap_bo",
        "bang_khen_thu_tuong",
    }


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("cô Nguyễn Thị Thanh Xuân", "Nguyễn Thị Thanh Xuân"),
        ("thay Tran Van Thinh", "Tran Van Thinh"),
        ("Đ/c Lê Văn Nam", "Lê Văn Nam"),
        ("đồng chí Lê Văn Nam", "Lê Văn Nam"),
        ("NGƯT. Phạm Thị Lan", "Phạm Thị Lan"),
        ("ThS. Hoàng Anh", "Hoàng Anh"),
        ("Anh Tuấn", "Anh Tuấn"),  # a two-word name keeps its first word
        ("Nguyễn Văn Ba", "Nguyễn Văn Ba"),
    ],
)
def test_honorifics_and_titles_are_dropped_from_names(typed: str, name: str) -> None:
    assert strip_honorific(typed) == name


def test_name_keys_fold_for_matching_and_keep_marks_for_ranking() -> None:
    assert name_fold("Nguyễn  Thị ĐÀO") == "nguyen thi dao"
    assert name_key("Nguyễn  Thị ĐÀO") == "nguyễn thị đào"
    assert name_key("Nguye\u0302\u0303n") == "nguyễn"  # NFD in, NFC out
    assert has_diacritics("Hương") and has_diacritics("Đào")
    assert not has_diacritics("Huong Dao")


@pytest.mark.parametrize(
    "printed",
    [
        "Trường THPT Nguyễn Khuyến",
        "THPT Nguyễn Khuyến",
        "Trường Trung học phổ thông Nguyễn Khuyến",
        "trường thpt nguyễn khuyến",
    ],
)
def test_one_school_printed_many_ways_has_one_key(printed: str) -> None:
    assert org_key(printed) == "trung hoc pho thong nguyen khuyen"


def test_issuer_abbreviations_are_spelled_out() -> None:
    assert org_key("Sở GD&ĐT tỉnh Nam Định") == org_key("Sở Giáo dục và Đào tạo tỉnh Nam Định")
    assert org_key("UBND tỉnh Nam Định") == "uy ban nhan dan tinh nam dinh"


def test_ocr_slips_are_the_same_name_and_other_syllables_are_not() -> None:
    assert name_distance(["tran", "van", "thinh"], ["tran", "van", "tlinh"]) == 1
    assert (
        name_distance(["nguyen", "thi", "thanh", "xuan"], ["nguyen", "thi", "thanli", "xuan"]) == 2
    )
    assert (
        name_distance(["nguyen", "thi", "thanh", "xuan"], ["nguyen", "thi", "thanh", "tuan"])
        is None
    )
    assert name_distance(["le", "an"], ["le", "ah"]) is None  # too short for any slip
    assert (
        budget(["an"]) == 0 and budget(["tran", "an"]) == 1 and budget(["nguyen", "van", "an"]) == 2
    )


def test_every_award_code_has_a_vietnamese_label() -> None:
    assert set(LABELS) == set(AwardCode)
    assert all(label.strip() for label in LABELS.values())
