"""The parsers on real wording laid out as the field prints it (not our samples' layouts)."""

from __future__ import annotations

import pytest

from schemas import AwardCode, RecipientKind
from schemas.document_text import PageSource
from tests.field_texts import parse, real_text

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def _decision(header: str, article: str, authority: str = "CHỦ TỊCH ỦY BAN NHÂN DÂN") -> str:
    return f"""
{header}
{MOTTO}
Quảng Ninh, ngày 3 tháng 4 năm 2023
QUYẾT ĐỊNH
Về việc tặng Bằng khen
{authority}
Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;
QUYẾT ĐỊNH:
{article}
Điều 2. Chánh Văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành./.
Nơi nhận:
- Như Điều 2;
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Thắng
"""


ARTICLE = (
    "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho: Bà Lê Thị Thu Hà, "
    "Hiệu trưởng Trường Mầm non Hồng Bắc."
)


@pytest.mark.parametrize(
    ("header", "issuer", "parent"),
    [
        (
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 345/QĐ-UBND",
            "Ủy ban nhân dân tỉnh Quảng Ninh",
            None,
        ),
        (
            "UBND HUYỆN NAM TRỰC\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/QĐ-PGDĐT",
            "Phòng Giáo dục và Đào tạo huyện Nam Trực",
            "UBND huyện Nam Trực",
        ),
        (
            "UBND TỈNH SƠN LA\nSỞ GD&ĐT\nSố: 424/QĐ-SGDĐT",
            "Sở Giáo dục và Đào tạo tỉnh Sơn La",
            "UBND tỉnh Sơn La",
        ),
        (
            "UBND TP. CẦN THƠ\nSỞ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI\nSố: 5/QĐ-SLĐTBXH",
            "Sở Lao động - Thương binh và Xã hội thành phố Cần Thơ",
            "UBND TP. Cần Thơ",
        ),
        (  # the parent's place wrapped onto a line of its own
            "UỶ BAN NHÂN DÂN THÀNH PHỐ CẦN\nTHƠ\nSỞ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI\n"
            "Số: 3163/QĐ-SLĐTBXH",
            "Sở Lao động - Thương binh và Xã hội thành phố Cần Thơ",
            "Ủy ban nhân dân thành phố Cần Thơ",
        ),
        (
            "phßng GD & ®t viÖt yªn\nTRƯỜNG TIỂU HỌC QUANG CHÂU\nSố: 7/QĐ-THQC",
            "Trường Tiểu học Quang Châu",
            None,
        ),
        (
            "ĐẢNG BỘ HUYỆN HIỆP HÒA\nĐẢNG ỦY XÃ HOÀNG LƯƠNG\nSố: 212-QĐ/ĐU",
            "Đảng ủy xã Hoàng Lương",
            "Đảng bộ huyện Hiệp Hòa",
        ),
        ("THỦ TƯỚNG\nCHÍNH PHỦ\nSố: 345/QĐ-TTg", "Thủ tướng Chính phủ", None),
        (
            "ĐẢNG BỘ HUYỆN HỮU LŨNG\nĐẢNG ỦY XÃ MINH SƠN\nĐẢNG CỘNG SẢN VIỆT NAM\nSố:\n-QĐ/ĐU",
            "Đảng ủy xã Minh Sơn",
            "Đảng bộ huyện Hữu Lũng",
        ),
    ],
)
def test_the_issuer_is_built_from_every_header_line(
    header: str, issuer: str, parent: str | None
) -> None:
    document = parse(_decision(header, ARTICLE))
    assert document.issuer == issuer
    if parent is not None:
        assert document.issuer_parent == parent


def test_an_issuer_named_only_in_the_authority_line() -> None:
    document = parse(
        _decision("Số: 1870/QĐ-UBND", ARTICLE, "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA")
    )
    assert document.issuer == "Ủy ban nhân dân phường Thuận Hóa"
    assert document.number == "1870/QĐ-UBND"


def test_an_authority_line_read_into_the_header_gives_the_body_it_heads() -> None:
    """The title `QUYẾT ĐỊNH` unread (`Quy E Ti ĐỊNH`), no body printed at the top left:
    the authority line joins the header block, and the issuer is the body it heads."""
    text = _decision("Số: 23/QĐ-SGDĐT", ARTICLE, "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH THÁI NGUYÊN")
    document = parse(text.replace("QUYẾT ĐỊNH\nVề việc", "Quy E Ti ĐỊNH\nVề việc"))
    assert document.issuer == "Sở Giáo dục và Đào tạo tỉnh Thái Nguyên"


def test_an_e_signing_stamp_is_neither_header_nor_signer() -> None:
    header = (
        "Cơ quan: Ủy ban nhân dân tỉnh Quảng Ninh\nGiờ ký: 03.04.2023 10:12:45\n"
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 345/QĐ-UBND"
    )
    document = parse(_decision(header, ARTICLE))
    assert document.issuer == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert document.signer.name == "Nguyễn Văn Thắng"


def test_a_mixed_run_of_persons_and_collectives_hue_10() -> None:
    """The Huế report's recipients (real wording), persons and schools in one Điều 1."""
    text = real_text("10")
    run = text[text.index("Bà Lê Thị Thu Hà") : text.index("thành phố Huế.") + len("thành phố Huế")]
    article = (
        "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho: Trường Tiểu học Lý Thường Kiệt, "
        "phường Thuận Hóa; Công an huyện Phong Điền; Sở Nội vụ; " + run + " và Hội Cựu chiến "
        "binh xã Quảng Điền.\nĐã có thành tích xuất sắc trong năm học 2024-2025."
    )
    document = parse(_decision("ỦY BAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ\nSố: 9/QĐ-UBND", article))
    by_name = {a.recipient.name: a for a in document.awards}
    school = by_name["Trường Tiểu học Lý Thường Kiệt, phường Thuận Hóa"]
    assert school.recipient.kind is RecipientKind.collective
    for name in ("Công an huyện Phong Điền", "Sở Nội vụ", "Hội Cựu chiến binh xã Quảng Điền"):
        assert by_name[name].recipient.kind is RecipientKind.collective
    hai = by_name["Nguyễn Đức Hải"].recipient
    assert (hai.honorific, hai.position) == ("Ông", "chuyên viên")
    assert hai.unit == "Văn phòng Sở Giáo dục và Đào tạo thành phố Huế"
    assert sum(a.recipient.kind is RecipientKind.individual for a in document.awards) == 7
    assert len(document.awards) == 11
    assert all(a.award_code is AwardCode.bang_khen_cap_tinh for a in document.awards)
    assert all(a.confidence >= 0.7 for a in document.awards)


CERTIFICATE_FOOT = """
Vào sổ số: 45
Quyết định số: 1684/QĐ-PGDĐT
Nam Trực, ngày 26 tháng 7 năm 2020
KT. TRƯỞNG PHÒNG
PHÓ TRƯỞNG PHÒNG
Nguyễn Văn San
"""


def test_a_form_certificate_is_read_by_its_labels() -> None:
    """Labelled fields with the nomination notice's people (real text 13)."""
    document = parse(
        MOTTO
        + """
TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN LẠNG GIANG
CÔNG NHẬN
GIẤY CHỨNG NHẬN
Danh hiệu: Lao động tiên tiến
Ông (Bà): Nguyễn Thị Thu Hương
Chức vụ: Hiệu trưởng
Đơn vị: Trường THCS Thị trấn Vôi
Đã có thành tích: xuất sắc trong thực hiện nhiệm vụ năm học 2019 - 2020
Năm học: 2019 - 2020"""
        + CERTIFICATE_FOOT
    )
    assert document.issuer == "Phòng Giáo dục và Đào tạo huyện Lạng Giang"
    (award,) = document.awards
    recipient = award.recipient
    assert recipient.kind is RecipientKind.individual
    assert (recipient.name, recipient.position) == ("Nguyễn Thị Thu Hương", "Hiệu trưởng")
    assert recipient.unit == "Trường THCS Thị trấn Vôi"
    assert award.award_code is AwardCode.lao_dong_tien_tien
    assert award.period == "2019-2020"
    assert award.reason == "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2019 - 2020"
    assert document.number == "1684/QĐ-PGDĐT"
    assert str(document.date) == "2020-07-26"  # `Vào sổ số` cites no date: the signing day


def test_a_form_certificate_read_with_ocr_specks_in_its_labels_is_read_by_them() -> None:
    document = parse(
        MOTTO
        + """
GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LẠNG SƠN.
TẶNG
GIẤY KHEN
Họ: và tên: Hoàng Ngọc. Cúc
Chức vụ: Nhân viên
Đơn VỊ: Trường PTDTBT THCS Thủy Vân.
Năm học: 2022 - 2023
Quyết định số 512/QĐ-SGDĐT
Lạng Sơn, ngày 31 tháng.5 năm 2023
GIÁM ĐỐC.
Nguyễn Quang Vinh"""
    )
    (award,) = document.awards
    recipient = award.recipient
    assert (recipient.name, recipient.position) == ("Hoàng Ngọc Cúc", "Nhân viên")
    assert recipient.unit == "Trường PTDTBT THCS Thủy Vân"
    assert str(document.date) == "2023-05-31"
    assert document.signer.title == "Giám đốc"


def test_a_pupils_prize_is_kept_as_printed_with_a_blank_cited_day() -> None:
    """Real text 07: a school's pupils, the number and day left blank for the pen."""
    document = parse(
        MOTTO
        + """
HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC QUANG CHÂU
TẶNG
GIẤY KHEN
Em: Chu Thị Mai
Học sinh lớp: 5A
Đã đạt: Giải Nhì môn Toán
Năm học: 2020 - 2021
Quyết định số      /QĐ – THQC ngày     tháng 5 năm 2021
Quang Châu, ngày 28 tháng 5 năm 2021
HIỆU TRƯỞNG
Nguyễn Văn Vỹ
"""
    )
    (award,) = document.awards
    assert (award.recipient.name, award.recipient.unit) == ("Chu Thị Mai", "5A")
    assert (award.award_code, award.award_text) == (AwardCode.other, "Giải Nhì môn Toán")
    assert document.number is None and document.date is None  # never invented


def test_a_classic_certificate_names_the_person_after_the_title_not_her_position() -> None:
    """`Cô …` folds like `có` (the verb an achievement starts with): the name line is still
    the recipient, and a cited day OCR could not read leaves the date empty."""
    document = parse(
        MOTTO
        + """
GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ CẦN THƠ
TẶNG DANH HIỆU
CHIẾN SĨ THI ĐUA CƠ SỞ
Cô Nguyễn Thị Quỳnh Dung
Hiệu trưởng Trường Tiểu học và Trung học cơ sở Đặng Dung
Đã có thành tích xuất sắc trong phong trào thi đua năm học 2005 - 2006
Quyết định số ^¬^~ /QĐ-SGDĐT ngày ^¬¬~
tháng 7 năm 2006
Cần Thơ, ngày 4 tháng 7 năm 2006
GIÁM ĐỐC
Võ Phương Quỳnh Ngân
"""
    )
    (award,) = document.awards
    recipient = award.recipient
    assert (recipient.kind, recipient.honorific) == (RecipientKind.individual, "Cô")
    assert recipient.name == "Nguyễn Thị Quỳnh Dung"
    assert recipient.unit == "Trường Tiểu học và Trung học cơ sở Đặng Dung"
    assert award.award_code is AwardCode.chien_si_thi_dua_co_so
    assert document.date is None  # the certificate's own day is not the decision's


def test_labelled_fields_read_before_the_large_title_are_still_the_recipient() -> None:
    """OCR can read a pupil's fields before `TẶNG` / `BẰNG KHEN` (large letters, their own
    block): the fields, the school year and the signer are still found."""
    document = parse(
        MOTTO
        + """
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Em: Nguyễn Đức Hải
Học sinh lớp: 7A1
Đã đạt: Học sinh giỏi
Năm học: 2017 2018
Số sổ vàng: 156
TẶNG
BẰNG KHEN
Hà Tĩnh, ngày 28 tháng 6 năm 2018
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đặng Thị Gấm
"""
    )
    (award,) = document.awards
    assert (award.recipient.name, award.recipient.unit) == ("Nguyễn Đức Hải", "7A1")
    assert award.period == "2017-2018"  # the dash lost, the label still says a school year
    assert document.signer.name == "Đặng Thị Gấm"


def _listed(listing: str) -> str:
    article = (
        "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 3 tập thể và "
        "4 cá nhân (có danh sách kèm theo).\nĐã có thành tích xuất sắc năm học 2022 - 2023."
    )
    return _decision("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 1870/QĐ-UBND", article) + listing


def test_a_name_only_list_under_unit_headings_and_a_misread_section() -> None:
    """Real text 09's schools as a `STT | Tên tập thể` list; teachers grouped under their
    school; the persons' section read by OCR as `IH.`."""
    document = parse(
        _listed("""
DANH SÁCH
Tập thể, cá nhân được tặng Bằng khen
I. TẬP THỂ
| STT | Tên tập thể |
| 1 | Trường Mầm non Bộc Bố, huyện Pác Nặm |
| 2 | Trường Tiểu học Nghiên Loan I, huyện Pác Nặm |
| 3 | Trường Trung học cơ sở Bắc Kạn, thành phố Bắc Kạn |
IH. CÁ NHÂN
| STT | Họ và tên |
| Trường Tiểu học Khang Ninh |
| 1 | NGUYỄN THỊ THU HÀ |
| 2 | TRẦN THỊ KHUYÊN |
| Trường Mầm non Quang Phong |
| 3 | BÙI PHƯỚC DƯƠNG |
1. Ông Nguyễn Đức Hải, Phó Giám đốc Sở Giáo dục và Đào tạo;
""")
    )
    kinds = {a.recipient.name: a.recipient.kind for a in document.awards}
    assert [n for n, k in kinds.items() if k is RecipientKind.collective] == [
        "Trường Mầm non Bộc Bố, huyện Pác Nặm",
        "Trường Tiểu học Nghiên Loan I, huyện Pác Nặm",
        "Trường Trung học cơ sở Bắc Kạn, thành phố Bắc Kạn",
    ]
    units = {a.recipient.name: a.recipient.unit for a in document.awards}
    assert units["Nguyễn Thị Thu Hà"] == "Trường Tiểu học Khang Ninh"
    assert units["Bùi Phước Dương"] == "Trường Mầm non Quang Phong"
    assert all(a.award_code is AwardCode.bang_khen_cap_tinh for a in document.awards)


def test_a_list_split_by_award_gives_each_row_its_sections_award() -> None:
    """Điều 1 names no award (`danh hiệu thi đua và hình thức khen thưởng`): each section's
    heading does, its numeral misread by OCR (`1I.`, `HI.`)."""
    article = (
        "Điều 1. Tặng danh hiệu thi đua và hình thức khen thưởng cho 2 tập thể và 3 cá nhân "
        "(có danh sách kèm theo)."
    )
    header = "UBND HUYỆN TÂN YÊN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 412/QĐ-PGDĐT"
    document = parse(
        _decision(header, article, authority="TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
        + """
DANH SÁCH
I. GIẤY KHEN (TẬP THỂ)
| STT | Tên tập thể |
| 1 | Tổ Ngữ văn, Trường THCS Cao Xá |
| 2 | Trường Tiểu học Ngọc Thiện |
1I. GIẤY KHEN
| STT | Họ và tên | Chức vụ | Đơn vị |
| 1 | NGUYỄN THỊ QUỲNH HƯƠNG | Giáo viên | Trường THPT Quang Trung |
HI. LAO ĐỘNG TIÊN TIẾN
| STT | Họ và tên | Chức vụ | Đơn vị |
| 1 | VÕ NGỌC YẾN | Nhân viên | Trường Tiểu học Ngọc Thiện |
| 2 | LÊ PHƯỚC DƯƠNG | Hiệu trưởng | Trường THCS Cao Xá |
"""
    )
    codes = {a.recipient.name: a.award_code for a in document.awards}
    assert codes == {
        "Tổ Ngữ văn, Trường THCS Cao Xá": AwardCode.giay_khen,
        "Trường Tiểu học Ngọc Thiện": AwardCode.giay_khen,
        "Nguyễn Thị Quỳnh Hương": AwardCode.giay_khen,
        "Võ Ngọc Yến": AwardCode.lao_dong_tien_tien,
        "Lê Phước Dương": AwardCode.lao_dong_tien_tien,
    }
    kinds = [a.recipient.kind for a in document.awards]
    assert kinds == [RecipientKind.collective] * 2 + [RecipientKind.individual] * 3


def test_a_decision_as_ocr_reads_a_faded_page_still_gives_its_articles_and_list() -> None:
    """Specks before `Điều l;` (an `l` for the 1, a `;` for the stop), a title OCR could not
    read, a list heading in quotes: the articles and the list are still found."""
    text = """
ỦY BAN NHÂN DÂN
TỈNH THÁI NGUYÊN
Số: 23/QĐ-UBND
Thái Nguyên, ngày 10 tháng 6 năm 2022
¬_ Quy E Ti ĐỊNH _,
về việc tặng Bằng khen cho các cá nhân năm học 2021 - 2022
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN
QUYẾT ĐỊNH:
:
._. Điều l; Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 2 cá nhân, gồm:
1. Ông Đặng Công Vinh, Tổ trưởng chuyên môn Trường THPT Trần Hưng Đạo;
2. Bà Lê Thị Thu Hà, Phó Hiệu trưởng Trường Mầm non Chu Văn An.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Thắng
"""
    document = parse(MOTTO + text)
    names = [a.recipient.name for a in document.awards]
    assert names == ["Đặng Công Vinh", "Lê Thị Thu Hà"]
    assert all(a.award_code is AwardCode.bang_khen_cap_tinh for a in document.awards)


def test_a_unit_heading_ocr_cut_across_the_grid_is_still_the_rows_unit() -> None:
    """A school's name over its teachers, read into two cells of the grid; the number of
    the row under the second misread (`Ơi`)."""
    document = parse(
        _listed("""
DANH SÁCH
| STT | Họ và tên |
| Trường TH&THCS | Bắc Sơn |
| 1 | Võ Phương Quỳnh Ngân |
| 2 | Bùi Phước Đạt |
| Trường TH&THCS | Hồng Bắc |
| Ơi | Lê Phương Cúc |
| 4 | Lý Thị Quỳnh Gấm |
""")
    )
    units = {a.recipient.name: a.recipient.unit for a in document.awards}
    assert units == {
        "Võ Phương Quỳnh Ngân": "Trường TH&THCS Bắc Sơn",
        "Bùi Phước Đạt": "Trường TH&THCS Bắc Sơn",
        "Lê Phương Cúc": "Trường TH&THCS Hồng Bắc",
        "Lý Thị Quỳnh Gấm": "Trường TH&THCS Hồng Bắc",
    }


def test_doubtful_records_and_fields_wait_for_review() -> None:
    """A label inside a name is below the threshold, listed; a number and day printed
    blank (left for the pen) are null and certain: the page says nothing there."""
    article = (
        "Điều 1. Tặng Giấy khen cho: Danh hiệu: Lao động tiên tiến, Bà Trần Thị Khuyên; "
        "Bà Vũ Thị Xuân- Hiệu trưởng trường Mầm non Thị trấn Vôi."
    )
    header = "TRƯỜNG TIỂU HỌC QUANG CHÂU\nSố:      /QĐ – THQC"
    text = _decision(header, article).replace("ngày 3 tháng 4", "ngày     tháng 5")
    document = parse(text)
    assert document.number is None and document.date is None
    assert not {"/number", "/date"} & set(document.low_confidence)
    assert "no decision number found" not in document.warnings
    doubtful = [a for a in document.awards if "Danh hiệu" in a.recipient.name]
    assert doubtful and all(a.confidence < 0.7 for a in doubtful)
    xuan = next(a for a in document.awards if a.recipient.name == "Vũ Thị Xuân")
    assert xuan.confidence >= 0.7


def test_a_number_and_day_written_by_hand_and_unread_wait_for_review() -> None:
    """What OCR makes of a handwritten number and day (`^~x~`): null, and listed."""
    article = "Điều 1. Tặng Giấy khen cho: Bà Vũ Thị Xuân, Hiệu trưởng Trường Mầm non Vôi."
    header = "TRƯỜNG TIỂU HỌC QUANG CHÂU\nSố: ^~x~~/QĐ – THQC"
    text = _decision(header, article).replace("ngày 3 tháng 4", "ngày ^¬~ tháng 5")
    document = parse(text)
    assert document.number is None and document.date is None
    assert {"/number", "/date"} <= set(document.low_confidence)
    assert "no decision number found" in document.warnings


def test_a_header_and_grant_as_ocr_garbles_them_still_give_issuer_number_and_award() -> None:
    """Specks around the header lines, a fraction slash and a dropped `ô` in the number,
    the title read `QUYẾTĐNH`, `Tặng` read `Tả ảng`, specks between the award's words and
    `cho` read `chữ`: the issuer, number, award and recipients are still what was printed."""
    text = """
. 'UBND TX. HỒNG LĨNH ` " :
S:465⁄QĐ-UBND. `
Hồng Lĩnh, ngày 12 tháng 8 năm 2018
'QUYẾTĐNH -
Về việc tặng Giấy khen cho các cá nhân năm học 2017-2018
CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HỒNG LĨNH
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
QUYẾT ĐỊNH:
Điều 1; Tả ảng Giấy: khen của Chủ tịch Ủy ban nhân dân thị xã chữ 2 cá nhân, gồm::
1. Ông Đặng Công Vinh, Tổ trưởng chuyên môn Trường THPT Trần Hưng Đạo;
2. Bà Lê Thị Thu Hà, Phó Hiệu trưởng Trường Mầm non Chu Văn An.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
CHỦ TỊCH
Dương Mạnh Thắng
"""
    document = parse(MOTTO + text, source=PageSource.ocr)
    assert document.issuer == "Ủy ban nhân dân thị xã Hồng Lĩnh"
    assert document.number == "465/QĐ-UBND"
    assert [a.recipient.name for a in document.awards] == ["Đặng Công Vinh", "Lê Thị Thu Hà"]
    assert {a.award_code for a in document.awards} == {AwardCode.giay_khen}
    assert all(a.award_text and ":" not in a.award_text for a in document.awards)


def test_a_money_article_naming_the_award_is_not_a_second_grant() -> None:
    """`Điều 2. Tiền thưởng kèm theo Giấy khen …` pays for the grant of Điều 1."""
    text = """
ỦY BAN NHÂN DÂN
HUYỆN NAM TRỰC
Số: 12/QĐ-UBND
Nam Trực, ngày 10 tháng 6 năm 2022
QUYẾT ĐỊNH
Về việc tặng Giấy khen
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC
QUYẾT ĐỊNH:
Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho Bà Lê Thị Thu Hà,
Giáo viên Trường Tiểu học Nam Hồng.
Điều 2. Tiền thưởng kèm theo Giấy khen là 300.000 đồng.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
CHỦ TỊCH
Nguyễn Văn Thắng
"""
    document = parse(MOTTO + text)
    assert [a.recipient.name for a in document.awards] == ["Lê Thị Thu Hà"]


def test_numbered_recipients_under_headings_inside_the_article() -> None:
    """`I. Tập thể` / `1I. Cá nhân` (its numeral misread) head numbered lines in Điều 1:
    no heading is glued to the recipient before it, and each kind comes out sure, also
    when `cá nhân` of the count wraps onto the next line."""
    text = """
ỦY BAN NHÂN DÂN
HUYỆN NA RÌ
Số: 12/QĐ-UBND
Na Rì, ngày 10 tháng 6 năm 2007
QUYẾT ĐỊNH
Về việc tặng Giấy khen
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NA RÌ
QUYẾT ĐỊNH:
Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho 02 tập thể và 2 cá
nhân, gồm:
I. Tập thể
1. Tổ Khoa học xã hội, Trường TH Ngô Sỹ Liên;
2. Tổ Toán - Tin, Trường MN Lê Quý Đôn.
1I. Cá nhân
1. Cô Lý Phương Ngân, Chuyên viên Sở Nội vụ;
2. Đại tá Đỗ Thị Quỳnh Xuân, Đội trưởng Công an huyện Na Rì.
Đã hoàn thành xuất sắc nhiệm vụ năm học 2006 – 2007.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
CHỦ TỊCH
Lê Thị Thanh Trinh
"""
    document = parse(MOTTO + text)
    got = [(a.recipient.kind, a.recipient.name) for a in document.awards]
    assert got == [
        (RecipientKind.collective, "Tổ Khoa học xã hội, Trường TH Ngô Sỹ Liên"),
        (RecipientKind.collective, "Tổ Toán - Tin, Trường MN Lê Quý Đôn"),
        (RecipientKind.individual, "Lý Phương Ngân"),
        (RecipientKind.individual, "Đỗ Thị Quỳnh Xuân"),
    ]
    assert document.awards[1].recipient.unit == "Trường MN Lê Quý Đôn"
    assert all(a.confidence >= 0.9 for a in document.awards)


def test_a_list_whose_article_and_numbers_ocr_garbled_takes_its_title_and_subject() -> None:
    """Điều 1 unread (`Tầng Giäx khen`), a section numeral read `11,`, a person's number
    lost in specks: the rows still take the award of the list's title and the school year
    of the subject, and the person without a number is a record of its own, in doubt."""
    first = """
UBND TỈNH BẮC GIANG
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 15/QĐ-SGDĐT
Bắc Giang, ngày 3 tháng 6 năm 2018
QUYẾT ĐỊNH
Về việc tặng Giấy khen cho các cá nhân năm học 2017-2018
GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO
QUYẾT ĐỊNH:
Điều TL Tầng Giäx khen của Ciam độc cho 3 cá nhân (có danh sách kèm theo).
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
GIÁM ĐỐC
Hà Phương Hương
"""
    second = """
DANH SÁCH
Cá “nhân được tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo
(Kèm theo Quyết định số 15/QĐ-SGDĐT ngày 3/6/2018)
11, CÁ NHÂN
1. Cô Mai Thị Lan Cúc, Nhân viên Trường Trung học cơ sở Nguyễn Khuyến;
¬— Ông Ngô Hoài Thắng, Tổng phụ trách Đội Trường Tiểu học Xuân Lộc;
3. Ông Đặng Tiến Hải, Nhân viên Trường Trung học phổ thông Hồng Quảng.
"""
    document = parse(MOTTO + first, second, source=PageSource.ocr)
    assert [a.recipient.name for a in document.awards] == [
        "Mai Thị Lan Cúc",
        "Ngô Hoài Thắng",
        "Đặng Tiến Hải",
    ]
    assert {a.award_code for a in document.awards} == {AwardCode.giay_khen}
    assert {a.period for a in document.awards} == {"2017-2018"}
    assert document.awards[1].confidence < 0.7 <= document.awards[0].confidence


def test_a_list_archived_without_its_decision_gives_its_rows_and_the_decision_it_cites() -> None:
    """The attached list scanned on its own: numbered lines under `DANH SÁCH`, the award in
    its title, the decision in `(Kèm theo Quyết định số … ngày … của …)` wrapped over two
    lines. Like a certificate, its number, date and issuer are that decision's."""
    document = parse("""
DANH SÁCH
Cá nhân được tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo năm học 2017-2018
(Kèm theo Quyết định số 15/QĐ-SGDĐT ngày 3/6/2018 của Giám đốc Sở Giáo dục và Đào tạo
tỉnh Bắc Giang)
1. Cô Mai Thị Lan Cúc, Nhân viên Trường Trung học cơ sở Nguyễn Khuyến;
2. Ông Đặng Tiến Hải, Nhân viên Trường Trung học phổ thông Hồng Quảng.
""")
    assert document.document_type.value == "award_list"
    assert (document.number, str(document.date)) == ("15/QĐ-SGDĐT", "2018-06-03")
    assert document.issuer == "Sở Giáo dục và Đào tạo tỉnh Bắc Giang"
    got = [
        (a.recipient.name, a.recipient.position, a.award_code, a.period) for a in document.awards
    ]
    assert got == [
        ("Mai Thị Lan Cúc", "Nhân viên", AwardCode.giay_khen, "2017-2018"),
        ("Đặng Tiến Hải", "Nhân viên", AwardCode.giay_khen, "2017-2018"),
    ]


def test_a_names_only_table_of_collectives_on_its_own_takes_the_titles_award() -> None:
    document = parse("""
UBND HUYỆN NAM TRỰC
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
DANH SÁCH
Tập thể được tặng danh hiệu Tập thể lao động tiên tiến năm học 2022-2023
(Kèm theo Quyết định số 245/QĐ-UBND ngày 20 tháng 7 năm 2023 của Chủ tịch UBND huyện)
| STT | Tên tập thể |
| 1 | Trường Tiểu học Nam Hồng |
| 2 | Tổ Toán - Tin, Trường THCS Nam Hồng |
""")
    assert document.issuer == "Phòng Giáo dục và Đào tạo huyện Nam Trực"  # its own header
    assert document.number == "245/QĐ-UBND"
    assert [(a.recipient.kind, a.recipient.name) for a in document.awards] == [
        (RecipientKind.collective, "Trường Tiểu học Nam Hồng"),
        (RecipientKind.collective, "Tổ Toán - Tin, Trường THCS Nam Hồng"),
    ]
    assert {(a.award_code, a.period) for a in document.awards} == {
        (AwardCode.tap_the_lao_dong_tien_tien, "2022-2023")
    }


def test_certificates_whose_lines_fool_a_reader_of_places_and_days() -> None:
    """A body in capitals broken before its commune's name is one name; a cited day left
    blank stays blank though the place-date line below begins with `Nam` (`Nam Hồng,
    ngày 20 …`); a day OCR could not read (`0T`) waits for review."""
    body = parse(
        MOTTO
        + """
HIỆU TRƯỞNG TRƯỜNG THCS KIM ĐỒNG
TẶNG
GIẤY KHEN
ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH XÃ
NAM HỒNG
Đã có thành tích xuất sắc trong phong trào thi đua năm học 2014 – 2015
Bắc Hồng, ngày 26 tháng 5 năm 2015
HIỆU TRƯỞNG
Ngô Tiến Đạt
"""
    )
    assert body.awards[0].recipient.name == "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Nam Hồng"
    pupil = parse(
        MOTTO
        + """
HIỆU TRƯỞNG TRƯỜNG THCS LÊ QUÝ ĐÔN
TẶNG
GIẤY KHEN
Em: Hà Thị Thúy Nhàn
Học sinh lớp: 9A1
Đã đạt: Giải nhì môn Vật lí
QĐ số 3121/QĐ-TLQĐ, ngày tháng 5 năm 2012
Nam Hồng, ngày 20 tháng 5 năm 2012
HIỆU TRƯỞNG
Nguyễn Thị Thu Hà
"""
    )
    assert (pupil.number, pupil.date) == ("3121/QĐ-TLQĐ", None)
    unread = parse(
        MOTTO
        + """
HIỆU TRƯỞNG TRƯỜNG THCS YÊN LƯ
TẶNG
GIẤY KHEN
Ông Nguyễn Đăng Bình
Đội trưởng Công an thị xã Hồng Lĩnh
Bác Hồng, ngày 0T tháng 9 năm 2018
HIỆU TRƯỞNG
Nguyễn Văn Vỹ
""",
        source=PageSource.ocr,
    )
    assert unread.date is None and "/date" in unread.low_confidence


def test_a_place_date_wrapped_after_its_blank_day_is_not_the_issuer() -> None:
    document = parse(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 607/QĐ-PGDĐT\nĐộc lập - Tự do - Hạnh phúc\n"
        "Bỉm Sơn, ngày\ntháng 6 năm 2008\nQUYẾT ĐỊNH\nVề việc tặng Giấy khen\n"
        "TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THỊ XÃ BỈM SƠN\nQUYẾT ĐỊNH:\n"
        "Điều 1. Tặng Giấy khen cho Bà Lê Thị Thu Hà, Giáo viên Trường Tiểu học Bắc Sơn.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nTRƯỞNG PHÒNG\nLê Văn Tám\n"
    )
    assert document.issuer == "Phòng Giáo dục và Đào tạo thị xã Bỉm Sơn"
    assert document.place == "Bỉm Sơn"
