"""Award wording → award_code (domain/TAXONOMY.md) and issuer levels."""

import pytest

from extractors.taxonomy import issuer_level_of, match_award, match_awards
from schemas import AwardCode as A
from schemas import IssuerLevel as L


@pytest.mark.parametrize(
    ("text", "code", "wording"),
    [
        ("Chiến sĩ thi đua cơ sở", A.chien_si_thi_dua_co_so, "Chiến sĩ thi đua cơ sở"),
        ("Chiến sỹ thi đua cơ sở", A.chien_si_thi_dua_co_so, "Chiến sỹ thi đua cơ sở"),
        ("CSTĐ cấp cơ sở", A.chien_si_thi_dua_co_so, "CSTĐ cấp cơ sở"),
        ("đạt CSTĐCS năm 2023", A.chien_si_thi_dua_co_so, "CSTĐCS"),
        ("CHIẾN SĨ THI ĐUA\nCƠ SỞ", A.chien_si_thi_dua_co_so, "CHIẾN SĨ THI ĐUA\nCƠ SỞ"),
        ("Chiến sĩ thi đua co sở", A.chien_si_thi_dua_co_so, "Chiến sĩ thi đua co sở"),
        ("Chiến sĩ thi đua cấp tỉnh", A.chien_si_thi_dua_cap_tinh, "Chiến sĩ thi đua cấp tỉnh"),
        ("Chiến sĩ thi đua tỉnh", A.chien_si_thi_dua_cap_tinh, "Chiến sĩ thi đua tỉnh"),
        (
            "Chiến sĩ thi đua cấp Thành phố: 01 đ/c",
            A.chien_si_thi_dua_cap_tinh,
            "Chiến sĩ thi đua cấp Thành phố",
        ),
        ("Chiến sĩ thi đua cấp Bộ", A.chien_si_thi_dua_cap_bo, "Chiến sĩ thi đua cấp Bộ"),
        ("Chiến sĩ thi đua toàn quân", A.chien_si_thi_dua_cap_bo, "Chiến sĩ thi đua toàn quân"),
        ("Chiến sĩ thi đua toàn quốc", A.chien_si_thi_dua_toan_quoc, "Chiến sĩ thi đua toàn quốc"),
        ("danh hiệu Lao động tiên tiến", A.lao_dong_tien_tien, "Lao động tiên tiến"),
        ("Chiến sĩ tiên tiến", A.chien_si_tien_tien, "Chiến sĩ tiên tiến"),
        ("Tập thể lao động tiên tiến", A.tap_the_lao_dong_tien_tien, "Tập thể lao động tiên tiến"),
        ("Tập thể Lao động xuất sắc", A.tap_the_lao_dong_xuat_sac, "Tập thể Lao động xuất sắc"),
        ("TT Lao động XS", A.tap_the_lao_dong_xuat_sac, "TT Lao động XS"),
        ("Đơn vị quyết thắng", A.don_vi_quyet_thang, "Đơn vị quyết thắng"),
        ("Đơn vị tiên tiến", A.don_vi_tien_tien, "Đơn vị tiên tiến"),
        ("Xã, phường, thị trấn tiêu biểu", A.xa_phuong_tieu_bieu, "Xã, phường, thị trấn tiêu biểu"),
        ("Thôn, tổ dân phố văn hóa", A.thon_to_dan_pho_van_hoa, "Thôn, tổ dân phố văn hóa"),
        ("Gia đình văn hoá", A.gia_dinh_van_hoa, "Gia đình văn hoá"),
        ("Cờ thi đua của Chính phủ", A.co_thi_dua_chinh_phu, "Cờ thi đua của Chính phủ"),
        (
            "Cờ thi đua của Ủy ban nhân dân tỉnh",
            A.co_thi_dua_cap_tinh,
            "Cờ thi đua của Ủy ban nhân dân tỉnh",
        ),
        (
            "Cờ thi đua của Bộ Giáo dục và Đào tạo",
            A.co_thi_dua_cap_bo,
            "Cờ thi đua của Bộ Giáo dục và Đào tạo",
        ),
        ("Huân chương Lao động hạng Ba", A.huan_chuong_lao_dong, "Huân chương Lao động hạng Ba"),
        ("Huân chương Độc lập hạng Nhì", A.huan_chuong_doc_lap, "Huân chương Độc lập hạng Nhì"),
        ("Huân chương Bảo vệ Tổ quốc", A.huan_chuong_bao_ve_to_quoc, "Huân chương Bảo vệ Tổ quốc"),
        ("Huy chương Chiến sĩ vẻ vang", A.huy_chuong, "Huy chương Chiến sĩ vẻ vang"),
        ("Anh hùng Lao động", A.anh_hung_lao_dong, "Anh hùng Lao động"),
        ("Bà mẹ Việt Nam anh hùng", A.ba_me_viet_nam_anh_hung, "Bà mẹ Việt Nam anh hùng"),
        ("danh hiệu “Nhà giáo Ưu tú”", A.nha_giao_uu_tu, "Nhà giáo Ưu tú"),
        ("Nhà giáo Nhân dân (NGND)", A.nha_giao_nhan_dan, "Nhà giáo Nhân dân"),
        ("Thầy thuốc Ưu tú", A.thay_thuoc_uu_tu, "Thầy thuốc Ưu tú"),
        ("Nghệ sĩ Nhân dân", A.nghe_si_nhan_dan, "Nghệ sĩ Nhân dân"),
        ("Giải thưởng Hồ Chí Minh", A.giai_thuong_ho_chi_minh, "Giải thưởng Hồ Chí Minh"),
        (
            "Kỷ niệm chương Vì sự nghiệp giáo dục cho ông A",
            A.ky_niem_chuong,
            "Kỷ niệm chương Vì sự nghiệp giáo dục",
        ),
        (
            "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 39 tập thể",
            A.bang_khen_cap_tinh,
            "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        ),
        (
            "Bằng khen của Chủ tịch Ủy ban Nhân dân tỉnh Bến Tre về việc",
            A.bang_khen_cap_tinh,
            "Bằng khen của Chủ tịch Ủy ban Nhân dân tỉnh Bến Tre",
        ),
        (
            "V/v tặng Bằng khen của Chủ tịch UBND thành phố cho $gioitinh $hoten",
            A.bang_khen_cap_tinh,
            "Bằng khen của Chủ tịch UBND thành phố",
        ),
        (
            "Tặng thưởng bằng khen của Thủ tướng Chính phủ cho: Nhân dân",
            A.bang_khen_thu_tuong,
            "bằng khen của Thủ tướng Chính phủ",
        ),
        (
            "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo",
            A.bang_khen_cap_bo,
            "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo",
        ),
        (
            "Bằng khen của Bộ trưởng Bộ Tài chính",
            A.bang_khen_cap_bo,
            "Bằng khen của Bộ trưởng Bộ Tài chính",
        ),
        (
            "Bằng khen của Ban Chấp hành Trung ương Hội Sinh viên Việt Nam về việc",
            A.bang_khen_cap_bo,
            "Bằng khen của Ban Chấp hành Trung ương Hội Sinh viên Việt Nam",
        ),
        (
            "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo về việc",
            A.giay_khen,
            "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo",
        ),
        ("GIẤY KHEN", A.giay_khen, "GIẤY KHEN"),
        ("Giấy khen học sinh giỏi", A.giay_khen, "Giấy khen"),  # a student's Giấy khen is one
        (
            "Giấy chứng nhận danh hiệu Chiến sĩ thi đua cơ sở",
            A.chien_si_thi_dua_co_so,
            "Chiến sĩ thi đua cơ sở",
        ),
    ],
)
def test_match_award(text: str, code: A, wording: str) -> None:
    match = match_award(text)
    assert match is not None
    assert (match.code, match.text) == (code, wording)
    assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("text", "award_class"),
    [
        ("Huân chương Lao động hạng Ba", 3),
        ("Huân chương Lao động hạng ba", 3),
        ("HUÂN CHƯƠNG LAO ĐỘNG HẠNG NHẤT", 1),
        ("Huân chương Chiến công hạng II", 2),
        ("Huân chương Độc lập", None),
        ("Bằng khen", None),
    ],
)
def test_award_class(text: str, award_class: int | None) -> None:
    match = match_award(text, L.tinh)
    assert match is not None and match.award_class == award_class


@pytest.mark.parametrize(
    ("level", "code"),
    [
        (L.tinh, A.bang_khen_cap_tinh),
        (L.bo, A.bang_khen_cap_bo),
        (L.trung_uong, A.bang_khen_thu_tuong),
        (L.huyen, A.other),
        (None, A.other),
    ],
)
def test_bang_khen_without_owner_takes_the_issuer_level(level: L | None, code: A) -> None:
    match = match_award("BẰNG KHEN", level)
    assert match is not None and match.code == code


def test_a_printed_owner_beats_the_issuer_level() -> None:
    match = match_award("Bằng khen của Thủ tướng Chính phủ", L.tinh)
    assert match is not None and match.code == A.bang_khen_thu_tuong


@pytest.mark.parametrize(
    "text",
    [
        "Bằng khen của Ban Chấp hành Hội Sinh viên Thành phố Hồ Chí Minh về việc",  # association
        "Giấy chứng nhận tham gia hội thi",
        "danh hiệu Học sinh xuất sắc",
        "Huân chương Kháng chiến hạng Nhất",  # an order not in the taxonomy
    ],
)
def test_unknown_wording_is_other(text: str) -> None:
    match = match_award(text)
    assert match is not None and match.code == A.other


@pytest.mark.parametrize("text", ["huy chương vàng Olympic", "Về việc ban hành Quy chế", ""])
def test_no_award_wording_is_none(text: str) -> None:
    assert match_award(text) is None


def test_several_awards_in_one_sentence_in_order() -> None:
    text = "Tặng danh hiệu Chiến sĩ thi đua cơ sở và Giấy khen của Giám đốc Sở cho ông A"
    matches = match_awards(text)
    assert [(m.code, m.text) for m in matches] == [
        (A.chien_si_thi_dua_co_so, "Chiến sĩ thi đua cơ sở"),
        (A.giay_khen, "Giấy khen của Giám đốc Sở"),
    ]
    assert matches[0].start < matches[1].start


def test_the_most_specific_title_wins_over_a_weak_other() -> None:
    matches = match_awards("Giấy chứng nhận Chiến sĩ thi đua cơ sở")
    assert [m.code for m in matches] == [A.chien_si_thi_dua_co_so]


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("Ủy ban nhân dân tỉnh Nam Định", L.tinh),
        ("UBND TỈNH NAM ĐỊNH", L.tinh),
        ("UBND thành phố Hà Nội", L.tinh),
        ("UBND TP. Hồ Chí Minh", L.tinh),
        ("Ủy ban nhân dân thành phố Huế", L.tinh),
        ("UBND thành phố Bắc Kạn", L.huyen),  # a city inside a province
        ("Sở Giáo dục và Đào tạo tỉnh Nam Định", L.tinh),
        ("Giám đốc Sở GD&ĐT", L.tinh),
        ("Chủ tịch UBND tỉnh Thanh Hóa", L.tinh),
        ("UBND huyện Việt Yên", L.huyen),
        ("UBND quận Ba Đình", L.huyen),
        ("UBND thị xã Uông Bí", L.huyen),
        ("Phòng Giáo dục và Đào tạo Việt Yên", L.huyen),
        ("UBND xã Quảng Điền", L.xa),
        ("Ủy ban nhân dân phường Thuận Hóa", L.xa),
        ("UBND thị trấn Vôi", L.xa),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG X", L.xa),
        ("Trường Tiểu học Quang Châu", L.co_so),
        ("Hiệu trưởng Trường THCS Hoàng Lương", L.co_so),
        ("Công ty CP Dầu khí", L.co_so),
        ("Bộ Giáo dục và Đào tạo", L.bo),
        ("Bộ trưởng Bộ Công Thương", L.bo),
        ("Thủ tướng Chính phủ", L.trung_uong),
        ("Chủ tịch nước", L.trung_uong),
        ("Chính phủ", L.trung_uong),
    ],
)
def test_issuer_level_of(issuer: str, level: L) -> None:
    assert issuer_level_of(issuer) == level


def test_unknown_issuer_level_is_none() -> None:
    assert issuer_level_of("Liên doanh Việt – Nga Vietsovpetro") is None


@pytest.mark.parametrize(
    ("text", "code", "wording"),
    [
        ("Tặng; Giấy: khen của Trưởng phòng", A.giay_khen, "Giấy khen của Trưởng phòng"),
        ("danh hiệu 'Lao động. tiên tiến", A.lao_dong_tien_tien, "Lao động tiên tiến"),
        (
            "Bằng khen: của Chủ tịch UBND tỉnh Nam Định",
            A.bang_khen_cap_tinh,
            "Bằng khen của Chủ tịch UBND tỉnh Nam Định",
        ),
    ],
)
def test_specks_ocr_reads_between_an_awards_words(text: str, code: A, wording: str) -> None:
    found = match_award(text)
    assert found is not None and (found.code, found.text) == (code, wording)
