"""Dates, decision numbers, periods and prize money as Vietnamese documents print them."""

from datetime import date
from pathlib import Path

import pytest

from extractors.dates import find_place_date, parse_date
from extractors.decision_numbers import find_number, symbol_looks_cut
from extractors.money import find_amount_vnd
from extractors.periods import find_period

REAL_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "real-texts"
needs_real_texts = pytest.mark.skipif(not REAL_TEXTS.is_dir(), reason="real-texts not here")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 5 tháng 9 năm 2023", date(2023, 9, 5)),
        ("ngày 05/9/2023", date(2023, 9, 5)),
        ("11/01/2006", date(2006, 1, 11)),
        ("05-9-2023", date(2023, 9, 5)),
        ("NGÀY 22 THÁNG 5 NĂM 2025", date(2025, 5, 22)),
        ("ngay 5 thang 9 nam 2023", date(2023, 9, 5)),  # OCR without marks
        ("QĐ số 34/QĐ-LĐTL ngày 11/01/2006, Liên doanh", date(2006, 1, 11)),
        ("Nghị định số 42/2010/NĐ-CP ngày 15 tháng 4 năm 2010", date(2010, 4, 15)),
        ("ngày  tháng 5 năm 2021", None),  # blank day: signed, never filled in
        ("ngày __ tháng 12 năm 2022", None),
        ("31/2/2023", None),
        ("ngày 31 tháng 4 năm 2020", None),
        ("tháng 5 năm 2021", None),
        ("số 924/2001/QĐ/CTN", None),
        ("không có ngày", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Nam Định, ngày 22 tháng 5 năm 2025", ("Nam Định", date(2025, 5, 22))),
        ("Hà Nội, ngày 3 tháng 4 năm 2008", ("Hà Nội", date(2008, 4, 3))),
        ("TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2020", ("TP. Hồ Chí Minh", date(2020, 2, 1))),
        ("Thị Trấn Nghèn, ngày 6 tháng 9 năm 2018", ("Thị Trấn Nghèn", date(2018, 9, 6))),
        ("Bà Rịa - Vũng Tàu, ngày 2/3/2019", ("Bà Rịa - Vũng Tàu", date(2019, 3, 2))),
        ("Quang Châu, ngày     tháng 5 năm 2021", ("Quang Châu", None)),
        ("Thái Nguyên, ngày __ tháng 12 năm 2022", ("Thái Nguyên", None)),
        ("Cần Thơ,  ngày       tháng       năm 201…", ("Cần Thơ", None)),
        # interleaved header columns (real-texts 11): month dropped by the PDF extractor
        (
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 424/SGDĐT-TĐKT Sơn La, ngày 05 tháng "
            "năm 2018 Độc lập - Tự - Hạnh phúc",
            ("Sơn La", None),
        ),
        (
            "Độc lập - Tự do - Hạnh Phúc Hà Nội, ngày 01 tháng 01 năm 2026",
            ("Hà Nội", date(2026, 1, 1)),
        ),
        ("ngày 5 tháng 9 năm 2023", (None, date(2023, 9, 5))),
    ],
)
def test_find_place_date(line: str, expected: tuple[str | None, date | None]) -> None:
    assert find_place_date(line) == expected


@pytest.mark.parametrize(
    "text",
    ["Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;", "QUYẾT ĐỊNH", ""],
)
def test_a_citation_is_not_a_place_date_line(text: str) -> None:
    assert find_place_date(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Số: 1234/QĐ-SGDĐT", "1234/QĐ-SGDĐT"),
        ("Quyết định số 123/QĐ-UBND ngày 5/9/2023", "123/QĐ-UBND"),
        ("Số: 1322/QĐ- UBND", "1322/QĐ-UBND"),
        ("Số: 212 - QĐ/ĐU", "212-QĐ/ĐU"),
        ("Giấy khen số 1684/QĐ.UB ngày 26/7/2019", "1684/QĐ.UB"),
        ("Giấy khen số 51/QĐ-UBND.TĐKT ngày 23/07/2024", "51/QĐ-UBND.TĐKT"),
        ("QĐ số 924/2001/QĐ/CTN ngày 21/11/2001, Chủ tịch nước", "924/2001/QĐ/CTN"),
        ("Bằng khen số 23-QĐKT/TWHSV ngày 12/09/2024", "23-QĐKT/TWHSV"),
        ("Bằng khen số 01 quyết định số 2505/QĐ-UBND ngày 12/11/2019", "2505/QĐ-UBND"),
        ("S6: 345/QĐ-TTg", "345/QĐ-TTg"),
        ("Sô: 12/QD-UBND", "12/QD-UBND"),  # OCR: kept as read
        ("So: 77/QĐ-SGDĐT.", "77/QĐ-SGDĐT"),
        ("Số: 10./QĐ- MN", "10/QĐ-MN"),  # real-texts 08
        ("Số: 22/2016/TT-BGD&ĐT", "22/2016/TT-BGD&ĐT"),
        ("Số: 148/TTr-SLĐTBXH", "148/TTr-SLĐTBXH"),
        ("Số: 3853/QĐ-UBND |", "3853/QĐ-UBND"),
        ("Số 424/SGDĐT TĐKT V/v hướng dẫn", "424/SGDĐT"),  # hyphen lost in extraction
        ("Vào sổ Quyết định / Số: 1022/QĐ-UBND", "1022/QĐ-UBND"),
        ("Số: 951-QĐ/ĐŨ", "951-QĐ/ĐU"),  # OCR: symbols carry no marks but Đ's
        ("Số: 12/QĐ-ỦBND", "12/QĐ-UBND"),
    ],
)
def test_find_number(text: str, number: str) -> None:
    assert find_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "Số:      /QĐ – THQC",
        "Số:      /QĐ-UBND",
        "Số: ……/QĐ-UBND",
        "Số trang 19",
        "ngày 11/01/2006",
    ],
)
def test_blank_or_missing_number_is_none(text: str) -> None:
    assert find_number(text) is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("năm học 2019-2020", "2019-2020"),
        ("năm học 2017 —- 2018", "2017-2018"),  # dashes as OCR reads them
        ("năm học 2021 ~2022", "2021-2022"),
        ("năm học 2022 - 2023", "2022-2023"),
        ("Năm học 2020 – 2021", "2020-2021"),
        ("năm học 2018 -2019", "2018-2019"),
        ("giai đoạn 2016 - 2020", "2016-2020"),
        ("giai đoạn 2016 -2020", "2016-2020"),
        ("hoàn thành xuất sắc nhiệm vụ năm 2024", "2024"),
        ("từ năm học 2020-2021 đến năm học 2024-2025", "2020-2025"),
        ("Kỳ thi học sinh giỏi Quốc gia năm 2025-2026", "2025-2026"),
        ("V/v hướng dẫn tổng kết năm học 2017 2018", "2017-2018"),
        ("Chiến dịch Xuân tình nguyện lần thứ 16 - năm 2024", "2024"),
        ("dẫn đầu phong trào Thi đua yêu nước năm\n2007 của tỉnh Quảng Ninh", "2007"),
        # the achievement's period beats the legal basis and the law's year
        (
            "Căn cứ kế hoạch năm học 2020 – 2021 của trường; Điều 1. Tặng danh hiệu cho "
            "các em có thành tích trong năm học 2019-2020",
            "2019-2020",
        ),
        ("Luật Thi đua, khen thưởng năm 2022; hoàn thành xuất sắc nhiệm vụ năm 2023", "2023"),
        ("Căn cứ Nghị định số 42/2010/NĐ-CP; Tặng Giấy khen năm 2010", "2010"),
    ],
)
def test_find_period(text: str, period: str) -> None:
    assert find_period(text) == period


@pytest.mark.parametrize(
    "text",
    [
        "ngày 5/9/2023",
        "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003",
        "Căn cứ Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017",
        "số 42/2010/NĐ-CP",
        "Quang Châu, ngày     tháng 5 năm 2021",
        "Ngày phụ nữ Việt Nam ( 20/10/1930 – 20/10/2016)",
        "Tặng Giấy khen",
    ],
)
def test_years_of_dates_laws_and_numbers_are_not_periods(text: str) -> None:
    assert find_period(text) is None


@needs_real_texts
def test_period_of_the_real_hue_report() -> None:
    text = (REAL_TEXTS / "10_hue_bang_khen_ttcp_2025_7_nha_giao.txt").read_text()
    assert find_period(text.split("\n", 3)[3]) == "2020-2025"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("kèm theo tiền thưởng 1.490.000 đồng", 1_490_000),
        ("mỗi học sinh được thưởng 2.500 nghìn đồng", 2_500_000),
        ("8 học sinh đoạt giải Nhất sẽ được thưởng 12 triệu đồng", 12_000_000),
        ("1,5 triệu đồng", 1_500_000),
        ("số tiền thưởng 19.260.000 đ.", 19_260_000),
        ("mỗi cá nhân được thưởng 500.000đ", 500_000),
        ("1 490 000 đồng", 1_490_000),
        ("1.000.000 VNĐ", 1_000_000),
        ("2,5 tỷ đồng", 2_500_000_000),
        ("tiền thưởng 824.250.000 đồng cho 86 học sinh", 824_250_000),
        # the prize, not the unit price of the notebooks (real-texts 07)
        (
            "5 quyển vở trị giá 36.000 đồng/1 HS, số tiền thưởng cho HS xuất sắc là: 19.260.000 đ.",
            19_260_000,
        ),
        ("mức thưởng từ 1.250.000 đồng đến 7 triệu đồng/giải", 1_250_000),
    ],
)
def test_find_amount_vnd(text: str, amount: int) -> None:
    assert find_amount_vnd(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "kèm theo tiền thưởng …………….. cho ………………..",
        "Tặng Giấy khen cho 15 tập thể",
        "Chiến sĩ thi đua cấp cơ sở: 07 đ/c",
        "",
    ],
)
def test_no_printed_amount_is_none(text: str) -> None:
    assert find_amount_vnd(text) is None


@pytest.mark.parametrize(
    ("number", "cut"),
    [("4519-Q", True), ("23/QĐ-S", True), ("4519-QĐ/CB", False), ("212-QĐ/ĐU", False),
     ("08/2010/TT-BGDĐT", False), ("15/CT-TTg", False)],
)  # fmt: skip
def test_a_symbol_cut_short_is_known(number: str, cut: bool) -> None:
    """A number read as `4519-Q` (the rest wrapped or unread) must wait for review."""
    assert symbol_looks_cut(number) is cut
