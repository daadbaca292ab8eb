"""The layouts of forms 0602.N and 0603.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV, yearly).

Rows, columns, headings and codes follow the forms as a provincial TĐKT system renders
them (public repository lifephongphanmem/thiduakhenthuong_php8, its report templates
`Biểu số: 0602.N/BNV-TĐKT` and `0603.N/BNV-TĐKT`, "Ban hành theo Thông tư số
2/2023/TT-BNV ngày 23/3/2023"); the circular's own appendix was not reachable here.
Row codes are those the templates print (0602.N skips 04-05 there, and so here).
A column lists the award codes it counts and, where the form splits it, the recipient
kind; a row says which recipients or which method it counts, or that it is the user's
to fill (`manual`: the documents do not say it, e.g. which body proposed an award).
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import AwardCode, CommendationMethod, RecipientRank
from service.award_labels import label

A, M, R = AwardCode, CommendationMethod, RecipientRank
COLLECTIVE, INDIVIDUAL = "collective", "individual"


@dataclass(frozen=True)
class Column:
    number: str  # the form's column number (1, 2, …); sub-columns share their group's
    path: tuple[str, ...]  # headings from the top row down
    codes: tuple[str, ...]
    kind: str | None = None  # only collectives or individuals
    manual: bool = False


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    unit: str = ""
    kind: str | None = None
    ranks: tuple[str | None, ...] | None = None  # None: any; a None inside: rank unknown
    method: str | None = None
    manual: bool = False
    section: bool = False  # a heading row without cells

    @property
    def by_rank(self) -> bool:
        return self.ranks is not None and None not in self.ranks

    @property
    def counted(self) -> bool:
        return not self.section and not self.manual


@dataclass(frozen=True)
class Form:
    code: str  # 0603.N
    title: str
    award_codes: tuple[str, ...]
    rows: tuple[Row, ...]

    def columns(self, present: set[str]) -> list[Column]:
        return _COLUMNS[self.code](present)


_COLLECTIVES = (None, R.doanh_nghiep.value)
_RANK_ROWS = (
    (R.lanh_dao_cap_bo_tinh, "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"),
    (R.lanh_dao_cap_vu_so, "+ Lãnh đạo cấp vụ, sở, ngành và tương đương"),
    (R.doanh_nhan, "+ Doanh nhân"),
    (R.lanh_dao_khac, "+ Các cấp lãnh đạo khác từ phó phòng trở lên"),
    (
        R.truc_tiep,
        "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
        "(công nhân, nông dân, …)",
    ),
)
_METHOD_ROWS = (
    (M.thuong_xuyen, "- Thường xuyên"),
    (M.chuyen_de, "- Chuyên đề"),
    (M.dot_xuat, "- Đột xuất"),
    (M.doi_ngoai, "- Đối ngoại"),
    (M.cong_hien, "- Cống hiến"),
    (M.nien_han, "- Niên hạn"),
    (M.khang_chien, "- Kháng chiến"),
)


def _recipient_rows(first: int, heading: str) -> list[Row]:
    codes = [f"{n:02d}" for n in range(first, first + 9)]
    rows = [
        Row("", heading, section=True),
        Row(codes[0], "- Tập thể", "Tập thể", COLLECTIVE, _COLLECTIVES),
        Row(codes[1], "Trong đó: Doanh nghiệp", "Doanh nghiệp", COLLECTIVE, (R.doanh_nghiep,)),
        Row(codes[2], "- Hộ gia đình", "Hộ", COLLECTIVE, (R.ho_gia_dinh,)),
        Row(codes[3], "- Cá nhân", "Người", INDIVIDUAL),
    ]
    rows += [
        Row(code, text, "Người", INDIVIDUAL, (rank.value,))
        for code, (rank, text) in zip(codes[4:], _RANK_ROWS, strict=True)
    ]
    return rows


def _method_rows(first: int, heading: str) -> list[Row]:
    return [Row("", heading, section=True)] + [
        Row(f"{first + i:02d}", text, method=method.value)
        for i, (method, text) in enumerate(_METHOD_ROWS)
    ]


_0603_CODES = (
    A.bang_khen_cap_bo, A.bang_khen_cap_tinh, A.chien_si_thi_dua_cap_bo,
    A.chien_si_thi_dua_cap_tinh, A.co_thi_dua_cap_bo, A.co_thi_dua_cap_tinh, A.ky_niem_chuong,
)  # fmt: skip
FORM_0603 = Form(
    "0603.N",
    "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
    "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    tuple(c.value for c in _0603_CODES),
    (
        Row("01", "Tổng số"),
        *_recipient_rows(2, "1. Chia theo đối tượng khen thưởng"),
        *_method_rows(11, "2. Chia theo phương thức khen thưởng"),
    ),
)


def _columns_0603(_present: set[str]) -> list[Column]:
    split = "Chia ra"
    return [
        Column("1", ("Tổng số",), FORM_0603.award_codes),
        Column("2", (split, "Bằng khen"), (A.bang_khen_cap_bo, A.bang_khen_cap_tinh)),
        Column(
            "3",
            (split, "Chiến sĩ thi đua cấp bộ, cấp tỉnh"),
            (A.chien_si_thi_dua_cap_bo, A.chien_si_thi_dua_cap_tinh),
        ),
        Column(
            "4",
            (split, "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố"),
            (A.co_thi_dua_cap_bo, A.co_thi_dua_cap_tinh),
        ),
        Column(
            "5",
            (split, "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh"),
            (A.ky_niem_chuong,),
        ),
    ]


_ORDERS = (*(c for c in AwardCode if c.value.startswith("huan_chuong")), A.huy_chuong)
_HONOURS = (
    A.anh_hung_lao_dong, A.anh_hung_luc_luong_vu_trang, A.ba_me_viet_nam_anh_hung,
    A.nha_giao_nhan_dan, A.nha_giao_uu_tu, A.thay_thuoc_nhan_dan, A.thay_thuoc_uu_tu,
    A.nghe_si_nhan_dan, A.nghe_si_uu_tu, A.nghe_nhan_nhan_dan, A.nghe_nhan_uu_tu,
)  # fmt: skip
_0602_CODES = (
    *_ORDERS, A.giai_thuong_ho_chi_minh, A.giai_thuong_nha_nuoc, *_HONOURS,
    A.co_thi_dua_chinh_phu, A.bang_khen_thu_tuong, A.chien_si_thi_dua_toan_quoc,
)  # fmt: skip
FORM_0602 = Form(
    "0602.N",
    "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
    tuple(c.value for c in _0602_CODES),
    (
        Row("01", "Tổng số"),
        Row(
            "",
            "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
            section=True,
        ),
        Row("02", "- Bộ, ban, ngành, đoàn thể Trung ương", "Bộ, ngành", manual=True),
        Row("03", "- Tỉnh, thành phố trực thuộc Trung ương", "Tỉnh, TP", manual=True),
        *_recipient_rows(6, "2. Chia theo đối tượng khen thưởng"),
        *_method_rows(15, "3. Chia theo phương thức khen thưởng"),
    ),
)
_KINDS = ((COLLECTIVE, "Tập thể"), (INDIVIDUAL, "Cá nhân"))


def _pairs(number: str, group: str, codes: list[AwardCode]) -> list[Column]:
    return [
        Column(number, ("Chia ra", group, label(code), kind_label), (code,), kind)
        for code in codes
        for kind, kind_label in _KINDS
    ]


def _columns_0602(present: set[str]) -> list[Column]:
    """Orders and honorary titles get a pair of columns each, as many as the year has
    (the form lists "các loại"); at least Huân chương Lao động, so the group shows."""
    orders = [c for c in _ORDERS if c.value in present] or [A.huan_chuong_lao_dong]
    honours = [c for c in _HONOURS if c.value in present] or [A.nha_giao_uu_tu]
    split = "Chia ra"
    return [
        Column("1", ("Tổng số",), FORM_0602.award_codes),
        *_pairs("2", "Các loại huân chương, huy chương", orders),
        Column("3", (split, "Giải thưởng Hồ Chí Minh", "Cá nhân"),
               (A.giai_thuong_ho_chi_minh,), INDIVIDUAL),
        Column("4", (split, "Giải thưởng Nhà nước", "Cá nhân"),
               (A.giai_thuong_nha_nuoc,), INDIVIDUAL),
        *_pairs("5", "Danh hiệu vinh dự nhà nước", honours),
        Column("6", (split, "Cờ thi đua của Chính phủ", "Tập thể"),
               (A.co_thi_dua_chinh_phu,), COLLECTIVE),
        Column("7", (split, "Bằng khen của Thủ tướng Chính phủ", "Tập thể"),
               (A.bang_khen_thu_tuong,), COLLECTIVE),
        Column("7", (split, "Bằng khen của Thủ tướng Chính phủ", "Cá nhân"),
               (A.bang_khen_thu_tuong,), INDIVIDUAL),
        Column("8", (split, "Chiến sĩ thi đua toàn quốc", "Cá nhân"),
               (A.chien_si_thi_dua_toan_quoc,), INDIVIDUAL),
        Column("9", (split, "Các hình thức khen thưởng khác", "Tập thể"), (), COLLECTIVE, True),
        Column("9", (split, "Các hình thức khen thưởng khác", "Cá nhân"), (), INDIVIDUAL, True),
    ]  # fmt: skip


_COLUMNS = {"0602.N": _columns_0602, "0603.N": _columns_0603}
FORMS = {form.code: form for form in (FORM_0602, FORM_0603)}
