"""The sample set: one structured description per document (seeded, built on demand)."""

from __future__ import annotations

import datetime as dt
import math
import random

from samples.model import (
    CertSpec,
    DecisionSpec,
    DocSpec,
    Grant,
    Group,
    Issuer,
    ListSpec,
    Person,
    SignerSpec,
    money,
)
from samples.names import NameGen
from schemas import AwardCode as A
from schemas import IssuerLevel as L

D = dt.date

# ----------------------------------------------------------------------------- helpers

BASE_SALARY = [
    (D(2005, 10, 1), 350_000),
    (D(2006, 10, 1), 450_000),
    (D(2008, 1, 1), 540_000),
    (D(2009, 5, 1), 650_000),
    (D(2010, 5, 1), 730_000),
    (D(2011, 5, 1), 830_000),
    (D(2012, 5, 1), 1_050_000),
    (D(2013, 7, 1), 1_150_000),
    (D(2016, 5, 1), 1_210_000),
    (D(2017, 7, 1), 1_300_000),
    (D(2018, 7, 1), 1_390_000),
    (D(2019, 7, 1), 1_490_000),
    (D(2023, 7, 1), 1_800_000),
    (D(2024, 7, 1), 2_340_000),
]


def reward(day: dt.date, factor: float) -> int:
    """Multiple of the base salary in force on `day`, rounded up to 10,000 đồng."""
    base = [v for d, v in BASE_SALARY if d <= day][-1]
    return int(math.ceil(base * factor / 10_000) * 10_000)


LAW_2003 = (
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003 và Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005;"
)
LAW_2013 = (
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số "
    "điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;"
)
LAW_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
ND_121 = (
    "Căn cứ Nghị định số 121/2005/NĐ-CP ngày 30 tháng 9 năm 2005 của Chính phủ quy định chi "
    "tiết và hướng dẫn thi hành một số điều của Luật Thi đua, Khen thưởng và Luật sửa đổi, bổ "
    "sung một số điều của Luật Thi đua, Khen thưởng;"
)
ND_42_65 = (
    "Căn cứ Nghị định số 42/2010/NĐ-CP ngày 15 tháng 4 năm 2010 và Nghị định số 65/2014/NĐ-CP "
    "ngày 01 tháng 7 năm 2014 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi "
    "đua, Khen thưởng;"
)
ND_91 = (
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;"
)
ND_98 = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;"
)
LOCAL_GOV_2015 = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng "
    "11 năm 2019;"
)
LOCAL_GOV_2003 = (
    "Căn cứ Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 26 tháng 11 năm 2003;"
)
LOCAL_GOV_1994 = (
    "Căn cứ Luật Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 21 tháng 6 năm 1994;"
)
ND_56_1998 = (
    "Căn cứ Nghị định số 56/1998/NĐ-CP ngày 30 tháng 7 năm 1998 của Chính phủ quy định các "
    "hình thức, đối tượng và tiêu chuẩn khen thưởng của Nhà nước;"
)

TEACHER_POS = [
    "Giáo viên",
    "Giáo viên",
    "Giáo viên",
    "Giáo viên",
    "Giáo viên",
    "Giáo viên",
    "Tổ trưởng chuyên môn",
    "Tổ phó chuyên môn",
    "Phó Hiệu trưởng",
    "Hiệu trưởng",
    "Nhân viên kế toán",
    "Nhân viên thư viện",
    "Nhân viên văn thư",
]


def honor(female: bool, style: str) -> str | None:
    if style == "ongba":
        return "Bà" if female else "Ông"
    if style == "thayco":
        return "Cô" if female else "Thầy"
    return None


def people(
    gen: NameGen,
    rng: random.Random,
    n: int,
    units: list[str],
    positions: list[str],
    style: str,
) -> list[Person]:
    out: list[Person] = []
    heads: set[tuple[str, str]] = set()
    for _ in range(n):
        name, female = gen.person()
        unit = rng.choice(units)
        pos = rng.choice(positions)
        if pos in ("Hiệu trưởng", "Giám đốc", "Trưởng phòng") and (pos, unit) in heads:
            pos = positions[0]
        heads.add((pos, unit))
        out.append(Person(name, honor(female, style), pos, unit))
    return out


def grants(
    whos: list[Person] | list[Group],
    code: A,
    text: str,
    reason: str,
    period: str | None,
    amount: int | None = None,
) -> list[Grant]:
    return [Grant(w, code, text, reason, period, amount, None) for w in whos]


def strip_dot(s: str) -> str:
    return s.rstrip(".")


# ----------------------------------------------------------------------------- decisions


def build_corpus() -> list[DocSpec]:
    gen = NameGen(20240522)
    rng = random.Random(7)
    gen.used.add("Nguyễn Thị Thanh Xuân")
    docs: list[DocSpec] = []
    docs.append(_namdinh_2024(gen, rng))
    docs.append(_thaibinh_2023(gen, rng))
    docs.append(_lucnam_2009(gen, rng))
    docs.append(_haiphong_2021(gen, rng))
    docs.append(_danang_2023(gen, rng))
    docs.append(_thoxuan_2020(gen, rng))
    docs.append(_quangninh_2019(gen, rng))
    docs.append(_haihau_2006(gen, rng))
    docs.append(_bogddt_2012(gen, rng))
    docs.append(_phutho_2014(gen, rng))
    docs.append(_ninhbinh_2023(gen, rng))
    docs.append(_backan_2023(gen, rng))
    docs.append(_canloc_2016(gen, rng))
    docs.append(_ducpho_2019(gen, rng))
    docs.append(_tanlap_2025(gen, rng))
    docs += _certificates(gen, rng)
    # typewritten archive pages; appended last so the names drawn above stay where they were
    docs.append(_hatay_2000(gen, rng))
    docs.append(_yenthanh_1999(gen, rng))
    for i, d in enumerate(docs):
        d.seed = 1000 + i
    return docs


def _namdinh_2024(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2024, 7, 22)
    units = [
        "Trường THPT Nguyễn Khuyến",
        "Trường THPT Trần Hưng Đạo",
        "Trường THPT Lê Hồng Phong",
        "Trường THPT Hải Hậu A",
        "Trường THPT Xuân Trường B",
        "Trường THPT Giao Thủy",
        "Trường THPT chuyên Lê Hồng Phong",
        "Trường THPT Nam Trực",
        "Trường THPT Mỹ Tho",
    ]
    ps = people(gen, rng, 14, units, TEACHER_POS[:10], "none")
    amount = reward(date, 1.0)
    reason = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2023-2024."
    return DecisionSpec(
        stem="qd_list_grid4_textpdf_namdinh_2024",
        fmt="textpdf",
        issuer=Issuer(
            ("UBND TỈNH NAM ĐỊNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            "Sở Giáo dục và Đào tạo tỉnh Nam Định",
            "UBND tỉnh Nam Định",
            L.tinh,
        ),
        number="1322/QĐ-SGDĐT",
        date=date,
        place="Nam Định",
        subject=["Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở", "năm học 2023-2024"],
        authority="GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        bases=[
            LAW_2022,
            ND_98,
            "Căn cứ Quyết định số 27/2021/QĐ-UBND ngày 05 tháng 8 năm 2021 của Ủy ban nhân dân "
            "tỉnh Nam Định quy định vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của "
            "Sở Giáo dục và Đào tạo tỉnh Nam Định;",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Sở và Trưởng phòng Tổ chức cán bộ.",
        ],
        article1="Công nhận danh hiệu Chiến sĩ thi đua cơ sở năm học 2023-2024 cho 14 cá nhân "
        "thuộc các đơn vị trực thuộc Sở (có danh sách kèm theo).",
        inline="none",
        grants=grants(
            ps,
            A.chien_si_thi_dua_co_so,
            "Chiến sĩ thi đua cơ sở",
            strip_dot(reason),
            "2023-2024",
            amount,
        ),
        reason_line=reason,
        money_line=f"Mỗi cá nhân được hưởng tiền thưởng theo quy định: {money(amount)} đồng "
        "(Hai triệu ba trăm bốn mươi nghìn đồng).",
        article2="Kinh phí khen thưởng trích từ quỹ thi đua, khen thưởng của Sở Giáo dục và Đào "
        "tạo năm 2024.",
        article3="Chánh Văn phòng, Trưởng phòng Tổ chức cán bộ, Trưởng phòng Kế hoạch - Tài "
        "chính, Thủ trưởng các đơn vị có liên quan và các cá nhân có tên tại Điều 1 chịu trách "
        "nhiệm thi hành Quyết định này./.",
        noi_nhan=[
            "- Như Điều 3;",
            "- UBND tỉnh (để b/c);",
            "- Giám đốc, các PGĐ Sở;",
            "- Lưu: VT, TCCB.",
        ],
        signer=SignerSpec(gen.name(False), "Phó Giám đốc", "KT. GIÁM ĐỐC"),
        declared=(None, 14),
        listing=ListSpec(
            "grid4",
            ["CÁ NHÂN ĐẠT DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM HỌC 2023-2024"],
        ),
        list_of="Giám đốc Sở Giáo dục và Đào tạo Nam Định",
        notes="grid `STT, Họ và tên, Chức vụ, Đơn vị`; counts without collectives",
    )


def _thaibinh_2023(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2023, 8, 18)
    units = [
        "Trường THCS Lê Quý Đôn",
        "Trường Tiểu học Kỳ Bá",
        "Trường Mầm non Hoa Hồng",
        "Trường THPT Bắc Đông Quan",
        "Trường THCS Thái Thịnh",
        "Trường Tiểu học Hoàng Văn Thụ",
        "Trường THPT Nguyễn Đức Cảnh",
        "Trường THPT Tây Tiền Hải",
    ]
    colls = [
        Group("Tổ Toán - Tin, Trường THPT Bắc Đông Quan", "Trường THPT Bắc Đông Quan"),
        Group("Trường Mầm non Hoa Hồng, thành phố Thái Bình", None),
        Group("Tổ Khoa học xã hội, Trường THCS Thái Thịnh", "Trường THCS Thái Thịnh"),
    ]
    ps = people(gen, rng, 12, units, TEACHER_POS[:11], "ongba")
    reason = (
        "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2022-2023, góp phần vào sự "
        "nghiệp xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc."
    )
    text = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    a_c, a_i = reward(date, 2.0), reward(date, 1.0)
    return DecisionSpec(
        stem="qd_list_combined_textpdf_thaibinh_2023",
        fmt="textpdf",
        issuer=Issuer(
            ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH",), "Ủy ban nhân dân tỉnh Thái Bình", None, L.tinh
        ),
        number="1875/QĐ-UBND",
        date=date,
        place="Thái Bình",
        subject=[
            "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            "cho các tập thể và cá nhân thuộc ngành Giáo dục",
        ],
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH",
        bases=[
            LOCAL_GOV_2015,
            LAW_2013,
            ND_91,
            "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 412/TTr-SNV ngày 10 tháng 8 năm "
            "2023.",
        ],
        article1="Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 3 tập thể và 12 cá nhân "
        "thuộc ngành Giáo dục tỉnh Thái Bình (có danh sách kèm theo).",
        inline="none",
        grants=grants(colls, A.bang_khen_cap_tinh, text, strip_dot(reason), "2022-2023", a_c)
        + grants(ps, A.bang_khen_cap_tinh, text, strip_dot(reason), "2022-2023", a_i),
        reason_line=reason,
        money_line=f"Mỗi tập thể được tặng kèm theo tiền thưởng {money(a_c)} đồng; mỗi cá nhân "
        f"được tặng kèm theo tiền thưởng {money(a_i)} đồng.",
        article2="Kinh phí khen thưởng trích từ Quỹ Thi đua, khen thưởng của tỉnh năm 2023.",
        article3="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài "
        "chính, Giám đốc Sở Giáo dục và Đào tạo, các tập thể và cá nhân có tên tại Điều 1 chịu "
        "trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."],
        signer=SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
        declared=(3, 12),
        listing=ListSpec(
            "combined",
            ["TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN", "CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"],
        ),
        list_of="Chủ tịch Ủy ban nhân dân tỉnh Thái Bình",
        notes="combined cell `Bà …, Giáo viên Trường …`; single-line issuer",
    )


def _lucnam_2009(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2009, 6, 25)
    schools = [
        "Trường Tiểu học Tiên Hưng",
        "Trường THCS Bảo Đài",
        "Trường Mầm non Cẩm Lý",
        "Trường Tiểu học Vô Tranh",
        "Trường THCS Thị trấn Đồi Ngô",
        "Trường Mầm non Lan Mẫu",
        "Trường Tiểu học Nghĩa Phương",
        "Trường THCS Yên Sơn",
    ]
    colls = [Group(s, None) for s in schools[:3]]
    ps = people(gen, rng, 16, schools, TEACHER_POS, "none")
    reason = "Đã hoàn thành tốt nhiệm vụ được giao trong năm học 2008-2009."
    a_c, a_i = reward(date, 0.8), reward(date, 0.3)
    return DecisionSpec(
        stem="qd_list_gridless_textpdf_lucnam_2009",
        fmt="textpdf",
        issuer=Issuer(
            ("UBND HUYỆN LỤC NAM", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"),
            "Phòng Giáo dục và Đào tạo huyện Lục Nam",
            "UBND huyện Lục Nam",
            L.huyen,
        ),
        number="186/QĐ-PGD&ĐT",
        date=date,
        place="Lục Nam",
        subject=[
            "V/v công nhận danh hiệu Lao động tiên tiến và Tập thể lao động tiên tiến",
            "năm học 2008-2009",
        ],
        authority="TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN LỤC NAM",
        bases=[
            LAW_2003,
            ND_121,
            "Căn cứ Quyết định số 1150/QĐ-UBND ngày 12 tháng 9 năm 2008 của UBND huyện Lục Nam về "
            "việc ủy quyền công nhận danh hiệu thi đua cho Trưởng phòng Giáo dục và Đào tạo;",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng ngành Giáo dục huyện,",
        ],
        article1="Công nhận danh hiệu Tập thể lao động tiên tiến cho 3 tập thể và danh hiệu Lao "
        "động tiên tiến cho 16 cá nhân có thành tích trong năm học 2008-2009 (có danh sách kèm "
        "theo).",
        inline="none",
        grants=grants(
            colls,
            A.tap_the_lao_dong_tien_tien,
            "Tập thể lao động tiên tiến",
            strip_dot(reason),
            "2008-2009",
            a_c,
        )
        + grants(
            ps, A.lao_dong_tien_tien, "Lao động tiên tiến", strip_dot(reason), "2008-2009", a_i
        ),
        reason_line=reason,
        money_line=f"Mức thưởng: mỗi tập thể {money(a_c)} đồng; mỗi cá nhân {money(a_i)} đồng.",
        article2="Tiền thưởng được trích từ quỹ thi đua, khen thưởng của ngành theo quy định "
        "hiện hành.",
        article3="Các ông (bà) Kế toán Phòng Giáo dục và Đào tạo, Hiệu trưởng các trường có tên "
        "tại Điều 1 và các cá nhân liên quan căn cứ Quyết định thi hành./.",
        noi_nhan=["- Như Điều 3;", "- UBND huyện (b/c);", "- Lưu: VT."],
        signer=SignerSpec(gen.name(False), "Trưởng phòng"),
        declared=(3, 16),
        listing=ListSpec(
            "gridless",
            ["TẬP THỂ LAO ĐỘNG TIÊN TIẾN, LAO ĐỘNG TIÊN TIẾN NĂM HỌC 2008-2009"],
            rows_per_page=40,
        ),
        list_of="Trưởng phòng Giáo dục và Đào tạo huyện Lục Nam",
        notes="historical (2003 law, NĐ 121/2005); gridless aligned columns; direct signature",
    )


def _haiphong_2021(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2021, 8, 9)
    units = [
        "Văn phòng Sở",
        "Phòng Giáo dục Trung học",
        "Phòng Tổ chức cán bộ",
        "Phòng Kế hoạch - Tài chính",
        "Phòng Khảo thí và Kiểm định chất lượng",
        "Phòng Giáo dục Mầm non - Tiểu học",
        "Thanh tra Sở",
    ]
    pos = [
        "Chuyên viên",
        "Chuyên viên",
        "Chuyên viên",
        "Phó Trưởng phòng",
        "Trưởng phòng",
        "Chuyên viên chính",
        "Nhân viên",
    ]
    colls = [Group("Phòng Giáo dục Trung học", None), Group("Phòng Tổ chức cán bộ", None)]
    ps = people(gen, rng, 14, units, pos, "none")
    reason = "Đã hoàn thành xuất sắc nhiệm vụ năm học 2020-2021."
    gl = [
        Grant(
            c,
            A.tap_the_lao_dong_tien_tien,
            "Tập thể lao động tiên tiến",
            strip_dot(reason),
            "2020-2021",
            None,
            "Tập thể lao động tiên tiến",
        )
        for c in colls
    ]
    for i, p in enumerate(ps):
        cs = i < 5
        txt = "Chiến sĩ thi đua cơ sở" if cs else "Lao động tiên tiến"
        code = A.chien_si_thi_dua_co_so if cs else A.lao_dong_tien_tien
        gl.append(Grant(p, code, txt, strip_dot(reason), "2020-2021", None, txt))
    return DecisionSpec(
        stem="qd_list_danhhieu_textpdf_haiphong_2021",
        fmt="textpdf",
        issuer=Issuer(
            ("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            "Sở Giáo dục và Đào tạo thành phố Hải Phòng",
            "UBND thành phố Hải Phòng",
            L.tinh,
        ),
        number="1684/QĐ-SGDĐT",
        date=date,
        place="Hải Phòng",
        subject=[
            "Về việc công nhận danh hiệu thi đua năm học 2020-2021",
            "cho các tập thể, cá nhân thuộc cơ quan Sở Giáo dục và Đào tạo",
        ],
        authority="GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        bases=[
            LAW_2013,
            ND_91,
            "Căn cứ Quyết định số 2145/QĐ-UBND ngày 30 tháng 7 năm 2020 của Ủy ban nhân dân thành "
            "phố Hải Phòng ban hành Quy chế Thi đua, Khen thưởng;",
            "Xét đề nghị của Chánh Văn phòng Sở và Trưởng phòng Tổ chức cán bộ.",
        ],
        article1="Công nhận danh hiệu Tập thể lao động tiên tiến cho 2 tập thể; danh hiệu Chiến "
        "sĩ thi đua cơ sở cho 5 cá nhân và danh hiệu Lao động tiên tiến cho 9 cá nhân thuộc cơ "
        "quan Sở Giáo dục và Đào tạo năm học 2020-2021 (có danh sách kèm theo).",
        inline="none",
        grants=gl,
        reason_line=reason,
        money_line=None,
        article2="Tiền thưởng kèm theo danh hiệu thực hiện theo quy định tại Nghị định số "
        "91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ.",
        article3="Chánh Văn phòng, Trưởng các phòng, ban thuộc Sở và các tập thể, cá nhân có tên "
        "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Ban Thi đua - Khen thưởng TP;", "- Lưu: VT, TCCB."],
        signer=SignerSpec(gen.name(True), "Giám đốc"),
        declared=(2, 14),
        listing=ListSpec("danhhieu", ["TẬP THỂ, CÁ NHÂN ĐẠT DANH HIỆU THI ĐUA NĂM HỌC 2020-2021"]),
        list_of="Giám đốc Sở Giáo dục và Đào tạo thành phố Hải Phòng",
        notes="`Danh hiệu` column with two titles mixed; no money printed; signer signs directly",
    )


def _danang_2023(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2023, 3, 20)
    prizes = [
        ("Giải Nhất môn Toán", 1_000_000),
        ("Giải Nhì môn Vật lí", 700_000),
        ("Giải Nhì môn Hóa học", 700_000),
        ("Giải Nhì môn Tin học", 700_000),
        ("Giải Ba môn Ngữ văn", 500_000),
        ("Giải Ba môn Sinh học", 500_000),
        ("Giải Ba môn Lịch sử", 500_000),
        ("Giải Ba môn Tiếng Anh", 500_000),
        ("Giải Khuyến khích môn Địa lí", 300_000),
        ("Giải Khuyến khích môn Toán", 300_000),
        ("Giải Khuyến khích môn Tiếng Anh", 300_000),
        ("Giải Khuyến khích môn Vật lí", 300_000),
    ]
    classes = ["12A1", "12A2", "12A3", "12A4", "12A5"]
    reason = (
        "Đã có thành tích xuất sắc trong Kỳ thi chọn học sinh giỏi thành phố lớp 12 năm học "
        "2022-2023."
    )
    gl = []
    for prize, amt in prizes:
        name, _female = gen.person()
        st = Person(name, None, None, rng.choice(classes))
        gl.append(Grant(st, A.other, prize, strip_dot(reason), "2022-2023", amt, prize))
    return DecisionSpec(
        stem="qd_list_sotien_docx_danang_2023",
        fmt="docx",
        issuer=Issuer(
            ("SỞ GD&ĐT ĐÀ NẴNG", "TRƯỜNG THPT LÊ QUÝ ĐÔN"),
            "Trường THPT Lê Quý Đôn",
            "Sở GD&ĐT Đà Nẵng",
            L.co_so,
        ),
        number="87/QĐ-LQĐ",
        date=date,
        place="Đà Nẵng",
        subject=[
            "Về việc khen thưởng học sinh đạt giải trong Kỳ thi chọn học sinh giỏi",
            "thành phố lớp 12 năm học 2022-2023",
        ],
        authority="HIỆU TRƯỞNG TRƯỜNG THPT LÊ QUÝ ĐÔN",
        bases=[
            "Căn cứ Thông tư số 32/2020/TT-BGDĐT ngày 15 tháng 9 năm 2020 của Bộ trưởng Bộ Giáo "
            "dục và Đào tạo ban hành Điều lệ trường trung học cơ sở, trường trung học phổ thông và "
            "trường phổ thông có nhiều cấp học;",
            "Căn cứ Quy chế chi tiêu nội bộ năm 2023 của Trường THPT Lê Quý Đôn;",
            "Xét đề nghị của Tổ trưởng các tổ chuyên môn,",
        ],
        article1="Khen thưởng 12 học sinh đạt giải trong Kỳ thi chọn học sinh giỏi thành phố lớp "
        "12 năm học 2022-2023 (có danh sách kèm theo).",
        inline="none",
        grants=gl,
        reason_line=reason,
        money_line="Mức thưởng: giải Nhất 1.000.000 đồng; giải Nhì 700.000 đồng; giải Ba 500.000 "
        "đồng; giải Khuyến khích 300.000 đồng.",
        article2="Kinh phí khen thưởng trích từ nguồn kinh phí chi thường xuyên năm 2023 của nhà "
        "trường.",
        article3="Bộ phận Kế toán, Văn phòng, giáo viên chủ nhiệm các lớp và học sinh có tên tại "
        "Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Lưu: VT."],
        signer=SignerSpec(gen.name(False), "Hiệu trưởng"),
        declared=(None, 12),
        listing=ListSpec(
            "sotien",
            ["HỌC SINH ĐẠT GIẢI KỲ THI CHỌN HỌC SINH GIỎI THÀNH PHỐ", "LỚP 12 NĂM HỌC 2022-2023"],
        ),
        list_of="Hiệu trưởng Trường THPT Lê Quý Đôn",
        notes="award_code other (student prizes); `Số tiền` column and a total line; unit = class",
    )


def _thoxuan_2020(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2020, 7, 30)
    schools = [
        "Trường Tiểu học Xuân Lập",
        "Trường THCS Lê Thánh Tông",
        "Trường Mầm non Thọ Lộc",
        "Trường Tiểu học Thị trấn Lam Sơn",
        "Trường THCS Xuân Hòa",
        "Trường Tiểu học Bắc Lương",
    ]
    colls = [
        Group("Trường THCS Lê Thánh Tông", None),
        Group("Tổ chuyên môn khối 4 - 5, Trường Tiểu học Xuân Lập", "Trường Tiểu học Xuân Lập"),
    ]
    ps = people(gen, rng, 9, schools, TEACHER_POS[:10], "ongba")
    reason = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2019-2020."
    text = "Giấy khen của Chủ tịch Ủy ban nhân dân huyện"
    a_c, a_i = reward(date, 0.6), reward(date, 0.3)
    return DecisionSpec(
        stem="qd_list_numbered_docx_thoxuan_2020",
        fmt="docx",
        issuer=Issuer(
            ("ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN",), "Ủy ban nhân dân huyện Thọ Xuân", None, L.huyen
        ),
        number="2815/QĐ-UBND",
        date=date,
        place="Thọ Xuân",
        subject=[
            "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích",
            "xuất sắc trong năm học 2019-2020",
        ],
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN",
        bases=[
            LOCAL_GOV_2015,
            LAW_2013,
            ND_91,
            "Xét đề nghị của Trưởng phòng Giáo dục và Đào tạo tại Tờ trình số 95/TTr-GDĐT ngày 20 "
            "tháng 7 năm 2020 và Trưởng phòng Nội vụ huyện.",
        ],
        article1="Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho 2 tập thể và 9 cá nhân "
        "(có danh sách kèm theo).",
        inline="none",
        grants=grants(colls, A.giay_khen, text, strip_dot(reason), "2019-2020", a_c)
        + grants(ps, A.giay_khen, text, strip_dot(reason), "2019-2020", a_i),
        reason_line=reason,
        money_line=f"Mỗi tập thể được thưởng {money(a_c)} đồng; mỗi cá nhân được thưởng "
        f"{money(a_i)} đồng.",
        article2="Kinh phí khen thưởng trích từ Quỹ Thi đua, khen thưởng của huyện năm 2020.",
        article3="Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, Trưởng phòng Giáo dục "
        "và Đào tạo, Trưởng phòng Tài chính - Kế hoạch, các tập thể và cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Lưu: VT, NV."],
        signer=SignerSpec(gen.name(True), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
        declared=(2, 9),
        listing=ListSpec("numbered", ["TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM HỌC 2019-2020"]),
        list_of="Chủ tịch Ủy ban nhân dân huyện Thọ Xuân",
        notes="list as numbered lines without a table",
    )


def _quangninh_2019(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2019, 7, 15)
    schools = [
        "Trường THPT Hòn Gai",
        "Trường THPT Bãi Cháy",
        "Trường THPT Cẩm Phả",
        "Trường THPT Uông Bí",
        "Trường THPT Đông Triều",
        "Trường THPT Tiên Yên",
        "Trường THPT Lê Quý Đôn",
        "Trường THPT Hải Đảo",
        "Trường THPT Quảng Hà",
        "Trường THPT Ngô Quyền",
        "Trường THPT Hoàng Quốc Việt",
    ]
    colls = [
        Group("Tổ Ngữ văn, Trường THPT Hòn Gai", "Trường THPT Hòn Gai"),
        Group("Tổ Ngoại ngữ, Trường THPT Uông Bí", "Trường THPT Uông Bí"),
        Group("Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
    ]
    ps = people(gen, rng, 33, schools, TEACHER_POS, "none")
    reason = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2018-2019."
    text = "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo"
    a_c, a_i = reward(date, 0.6), reward(date, 0.3)
    return DecisionSpec(
        stem="qd_list_long_caps_docx_quangninh_2019",
        fmt="docx",
        issuer=Issuer(
            ("UBND TỈNH QUẢNG NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            "Sở Giáo dục và Đào tạo tỉnh Quảng Ninh",
            "UBND tỉnh Quảng Ninh",
            L.tinh,
        ),
        number="1096/QĐ-SGDĐT",
        date=date,
        place="Quảng Ninh",
        subject=[
            "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc",
            "trong thực hiện nhiệm vụ năm học 2018-2019",
        ],
        authority="GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        bases=[
            LAW_2013,
            ND_91,
            "Căn cứ Quyết định số 2984/2016/QĐ-UBND ngày 14 tháng 9 năm 2016 của Ủy ban nhân dân "
            "tỉnh Quảng Ninh quy định chức năng, nhiệm vụ của Sở Giáo dục và Đào tạo;",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo.",
        ],
        article1="Tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo cho 3 tập thể và 33 cá nhân "
        "(có danh sách kèm theo).",
        inline="none",
        grants=grants(colls, A.giay_khen, text, strip_dot(reason), "2018-2019", a_c)
        + grants(ps, A.giay_khen, text, strip_dot(reason), "2018-2019", a_i),
        reason_line=reason,
        money_line=f"Kèm theo tiền thưởng: mỗi tập thể {money(a_c)} đồng, mỗi cá nhân "
        f"{money(a_i)} đồng.",
        article2="Kinh phí khen thưởng trích từ quỹ thi đua, khen thưởng của Sở năm 2019.",
        article3="Chánh Văn phòng, Trưởng các phòng thuộc Sở, Thủ trưởng các đơn vị và các tập "
        "thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Lãnh đạo Sở;", "- Lưu: VT, TCCB."],
        signer=SignerSpec(gen.name(False), "Phó Giám đốc", "KT. GIÁM ĐỐC"),
        declared=(3, 33),
        listing=ListSpec(
            "grid4",
            ["TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM HỌC 2018-2019"],
            caps_names=True,
            rows_per_page=14,
            rows_next_pages=30,
        ),
        list_of="Giám đốc Sở Giáo dục và Đào tạo tỉnh Quảng Ninh",
        notes="names in ALL CAPS; the individual table continues on a second list page, "
        "header repeated",
    )


def _haihau_2006(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2006, 8, 28)
    schools = [
        "Trường Tiểu học Hải Anh",
        "Trường THCS Hải Bắc",
        "Trường Mầm non Hải Minh",
        "Trường Tiểu học Yên Định",
        "Trường THCS Thị trấn Cồn",
        "Trường Tiểu học Hải Phong",
        "Trường THCS Hải Trung",
    ]
    colls = [Group(s, None) for s in (schools[0], schools[1], schools[3], schools[5])]
    ps = people(gen, rng, 10, schools, TEACHER_POS[:10], "ongba")
    reason = "Đã có thành tích xuất sắc trong năm học 2005-2006."
    a_c, a_i = reward(date, 0.8), reward(date, 1.0)
    return DecisionSpec(
        stem="qd_list_combined_scan_light_haihau_2006",
        fmt="scan_light",
        issuer=Issuer(
            ("ỦY BAN NHÂN DÂN HUYỆN HẢI HẬU",), "Ủy ban nhân dân huyện Hải Hậu", None, L.huyen
        ),
        number="924/2006/QĐ-UBND",
        date=date,
        place="Hải Hậu",
        subject=[
            "V/v công nhận danh hiệu Chiến sỹ thi đua cơ sở",
            "và Tập thể lao động tiên tiến năm học 2005-2006",
        ],
        authority="CHỦ TỊCH UỶ BAN NHÂN DÂN HUYỆN HẢI HẬU",
        bases=[
            LOCAL_GOV_2003,
            LAW_2003,
            ND_121,
            "Xét đề nghị của Trưởng phòng Giáo dục và Hội đồng Thi đua - Khen thưởng huyện,",
        ],
        article1="Công nhận danh hiệu Tập thể lao động tiên tiến cho 4 tập thể và danh hiệu "
        "Chiến sỹ thi đua cơ sở cho 10 cá nhân thuộc ngành Giáo dục huyện Hải Hậu năm học "
        "2005-2006 (có danh sách kèm theo).",
        inline="none",
        grants=grants(
            colls,
            A.tap_the_lao_dong_tien_tien,
            "Tập thể lao động tiên tiến",
            strip_dot(reason),
            "2005-2006",
            a_c,
        )
        + grants(
            ps,
            A.chien_si_thi_dua_co_so,
            "Chiến sỹ thi đua cơ sở",
            strip_dot(reason),
            "2005-2006",
            a_i,
        ),
        reason_line=reason,
        money_line=f"Mỗi tập thể được thưởng {money(a_c)} đồng; mỗi cá nhân được thưởng "
        f"{money(a_i)} đồng.",
        article2="Kinh phí khen thưởng trích từ quỹ thi đua, khen thưởng của huyện năm 2006.",
        article3="Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Giáo dục, Trưởng phòng Tài "
        "chính - Kế hoạch, thủ trưởng các đơn vị và các cá nhân có tên tại Điều 1 căn cứ Quyết "
        "định thi hành./.",
        noi_nhan=["- Như Điều 3;", "- TT Huyện ủy, TT HĐND huyện;", "- Lưu: VT."],
        signer=SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
        declared=(4, 10),
        listing=ListSpec(
            "combined",
            ["TẬP THỂ LAO ĐỘNG TIÊN TIẾN VÀ CHIẾN SỸ THI ĐUA CƠ SỞ", "NĂM HỌC 2005-2006"],
        ),
        list_of="Chủ tịch UBND huyện Hải Hậu",
        seal=True,
        notes="historical 2006: number 924/2006/QĐ-UBND, `Chiến sỹ`, `CỘNG HOÀ`, `UỶ BAN`",
    )


def _bogddt_2012(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2012, 11, 12)
    units = [
        ("Giám đốc", "Sở Giáo dục và Đào tạo tỉnh Cao Bằng"),
        ("Phó Giám đốc", "Sở Giáo dục và Đào tạo tỉnh Kon Tum"),
        ("Trưởng phòng", "Sở Giáo dục và Đào tạo tỉnh Sóc Trăng"),
        ("Hiệu trưởng", "Trường THPT chuyên Lào Cai"),
        ("Giảng viên", "Trường Đại học Sư phạm Hà Nội"),
        ("Giảng viên", "Trường Đại học Vinh"),
        ("Giáo viên", "Trường THPT Chu Văn An, Hà Nội"),
        ("Phó Hiệu trưởng", "Trường Cao đẳng Sư phạm Điện Biên"),
        ("Chuyên viên", "Vụ Giáo dục Trung học, Bộ Giáo dục và Đào tạo"),
        ("Phó Vụ trưởng", "Vụ Tổ chức cán bộ, Bộ Giáo dục và Đào tạo"),
        ("Giáo viên", "Trường Tiểu học Trưng Vương, Hà Nội"),
        ("Trưởng phòng", "Phòng Giáo dục và Đào tạo huyện Mường Tè"),
        ("Giáo viên", "Trường Phổ thông dân tộc nội trú tỉnh Hà Giang"),
        ("Hiệu trưởng", "Trường Mầm non Sơn Ca, thành phố Buôn Ma Thuột"),
    ]
    ps = []
    for _ in range(30):
        name, _female = gen.person()
        pos, unit = rng.choice(units)
        ps.append(Person(name, None, pos, unit))
    text = "Kỷ niệm chương “Vì sự nghiệp giáo dục”"
    reason = "Đã có nhiều đóng góp cho sự nghiệp giáo dục và đào tạo."
    return DecisionSpec(
        stem="qd_list_knc_caps_scan_heavy_bogddt_2012",
        fmt="scan_heavy",
        issuer=Issuer(("BỘ GIÁO DỤC VÀ ĐÀO TẠO",), "Bộ Giáo dục và Đào tạo", None, L.bo),
        number="4512/QĐ-BGDĐT",
        date=date,
        place="Hà Nội",
        subject=["Về việc tặng Kỷ niệm chương “Vì sự nghiệp giáo dục”"],
        authority="BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO",
        bases=[
            "Căn cứ Nghị định số 36/2012/NĐ-CP ngày 18 tháng 4 năm 2012 của Chính phủ quy định "
            "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của bộ, cơ quan ngang bộ;",
            "Căn cứ Nghị định số 32/2008/NĐ-CP ngày 19 tháng 3 năm 2008 của Chính phủ quy định "
            "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Giáo dục và Đào tạo;",
            "Căn cứ Thông tư số 24/2010/TT-BGDĐT ngày 06 tháng 8 năm 2010 của Bộ trưởng Bộ Giáo "
            "dục và Đào tạo ban hành Quy chế xét tặng Kỷ niệm chương “Vì sự nghiệp giáo dục”;",
            "Xét đề nghị của Vụ trưởng Vụ Thi đua - Khen thưởng,",
        ],
        article1="Tặng Kỷ niệm chương “Vì sự nghiệp giáo dục” cho 30 cá nhân (có danh sách kèm "
        "theo).",
        inline="none",
        grants=grants(ps, A.ky_niem_chuong, text, strip_dot(reason), None),
        reason_line=reason,
        money_line=None,
        article2="Quyết định này có hiệu lực kể từ ngày ký.",
        article3="Chánh Văn phòng, Vụ trưởng Vụ Thi đua - Khen thưởng, Thủ trưởng các đơn vị có "
        "liên quan và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Bộ trưởng (để b/c);", "- Lưu: VT, Vụ TĐKT."],
        signer=SignerSpec(gen.name(False), "Thứ trưởng", "KT. BỘ TRƯỞNG"),
        declared=(None, 30),
        listing=ListSpec(
            "grid4",
            ["CÁ NHÂN ĐƯỢC TẶNG KỶ NIỆM CHƯƠNG “VÌ SỰ NGHIỆP GIÁO DỤC”"],
            caps_names=True,
            rows_per_page=17,
            rows_next_pages=30,
        ),
        list_of="Bộ trưởng Bộ Giáo dục và Đào tạo",
        seal=True,
        notes="ALL CAPS names; list runs onto a second page with the header repeated",
    )


def _phutho_2014(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2014, 9, 5)
    schools = [
        "Trường THPT chuyên Hùng Vương",
        "Trường THPT Việt Trì",
        "Trường THCS Lâm Thao",
        "Trường Tiểu học Hùng Vương",
        "Trường THPT Phù Ninh",
        "Trường Mầm non Sao Mai",
        "Trường THCS Văn Lang",
    ]
    colls = [
        Group("Trường THPT Việt Trì", None),
        Group("Trường Tiểu học Hùng Vương, thị xã Phú Thọ", None),
        Group("Tổ Toán, Trường THPT chuyên Hùng Vương", "Trường THPT chuyên Hùng Vương"),
        Group("Phòng Giáo dục và Đào tạo huyện Lâm Thao", None),
    ]
    ps = people(gen, rng, 8, schools, TEACHER_POS[:10], "none")
    reason = "Đã có thành tích xuất sắc tiêu biểu trong phong trào thi đua năm học 2013-2014."
    a_c, a_i = reward(date, 1.5), reward(date, 3.0)
    t1, t2 = "Tập thể lao động xuất sắc", "Chiến sĩ thi đua cấp tỉnh"
    gl = [
        Grant(c, A.tap_the_lao_dong_xuat_sac, t1, strip_dot(reason), "2013-2014", a_c, t1)
        for c in colls
    ] + [
        Grant(p, A.chien_si_thi_dua_cap_tinh, t2, strip_dot(reason), "2013-2014", a_i, t2)
        for p in ps
    ]
    return DecisionSpec(
        stem="qd_list_danhhieu_scan_light_phutho_2014",
        fmt="scan_light",
        issuer=Issuer(
            ("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",), "Ủy ban nhân dân tỉnh Phú Thọ", None, L.tinh
        ),
        number="2236/QĐ- UBND",
        date=date,
        place="Phú Thọ",
        subject=[
            "Về việc tặng danh hiệu Tập thể lao động xuất sắc",
            "và Chiến sĩ thi đua cấp tỉnh năm học 2013-2014",
        ],
        authority="CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH PHÚ THỌ",
        bases=[
            LOCAL_GOV_2003,
            LAW_2013,
            ND_42_65,
            "Xét đề nghị của Giám đốc Sở Giáo dục và Đào tạo và Trưởng ban Ban Thi đua - Khen "
            "thưởng tỉnh tại Tờ trình số 318/TTr-TĐKT ngày 28 tháng 8 năm 2014,",
        ],
        article1="Tặng danh hiệu Tập thể lao động xuất sắc cho 4 tập thể và danh hiệu Chiến sĩ "
        "thi đua cấp tỉnh cho 8 cá nhân thuộc ngành Giáo dục và Đào tạo (có danh sách kèm theo).",
        inline="none",
        grants=gl,
        reason_line=reason,
        money_line=f"Mỗi tập thể được thưởng {money(a_c)} đồng; mỗi cá nhân được thưởng "
        f"{money(a_i)} đồng.",
        article2="Kinh phí khen thưởng trích từ Quỹ Thi đua, khen thưởng tỉnh năm 2014.",
        article3="Chánh Văn phòng UBND tỉnh, Trưởng ban Ban Thi đua - Khen thưởng tỉnh, Giám đốc "
        "Sở Giáo dục và Đào tạo, Giám đốc Sở Tài chính và các tập thể, cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, TĐKT."],
        signer=SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
        declared=(4, 8),
        listing=ListSpec(
            "danhhieu",
            ["TẬP THỂ LAO ĐỘNG XUẤT SẮC VÀ CHIẾN SĨ THI ĐUA CẤP TỈNH", "NĂM HỌC 2013-2014"],
        ),
        list_of="Chủ tịch UBND tỉnh Phú Thọ",
        seal=True,
        notes="number printed with a stray space `2236/QĐ- UBND`; Danh hiệu column",
    )


def _ninhbinh_2023(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2023, 7, 28)
    schools = [
        "Trường THPT Nho Quan A",
        "Trường THPT chuyên Lương Văn Tụy",
        "Trường THPT Kim Sơn A",
        "Trường THPT Yên Khánh A",
        "Trường THPT Hoa Lư A",
    ]
    ps = people(gen, rng, 4, schools, TEACHER_POS[:10], "ongba")
    c1 = Group("Tổ Toán - Tin, Trường THPT Nho Quan A", "Trường THPT Nho Quan A")
    c2 = Group("Phòng Quản lý chất lượng, Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo")
    whos: list[Person | Group] = [ps[0], c1, ps[1], ps[2], c2, ps[3]]
    reason = (
        "Đã có thành tích xuất sắc trong công tác tổ chức Kỳ thi tốt nghiệp trung học phổ "
        "thông năm 2023."
    )
    a_c, a_i = reward(date, 0.6), reward(date, 0.3)
    text = "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo"
    gl = [
        Grant(w, A.giay_khen, text, strip_dot(reason), "2023", a_c if isinstance(w, Group) else a_i)
        for w in whos
    ]
    return DecisionSpec(
        stem="qd_inline_dash_textpdf_ninhbinh_2023",
        fmt="textpdf",
        issuer=Issuer(
            ("UBND TỈNH NINH BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
            "Sở Giáo dục và Đào tạo tỉnh Ninh Bình",
            "UBND tỉnh Ninh Bình",
            L.tinh,
        ),
        number="985/QĐ-SGDĐT",
        date=date,
        place="Ninh Bình",
        subject=[
            "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc",
            "trong công tác tổ chức Kỳ thi tốt nghiệp THPT năm 2023",
        ],
        authority="GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        bases=[
            LAW_2013,
            ND_91,
            "Xét đề nghị của Trưởng phòng Quản lý chất lượng và Trưởng phòng Tổ chức cán bộ.",
        ],
        article1="Tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo cho 2 tập thể và 4 cá nhân:",
        inline="dash",
        grants=gl,
        reason_line=reason,
        money_line=f"Mỗi tập thể được thưởng {money(a_c)} đồng, mỗi cá nhân được thưởng "
        f"{money(a_i)} đồng.",
        article2="Kinh phí khen thưởng trích từ quỹ thi đua, khen thưởng của Sở năm 2023.",
        article3="Chánh Văn phòng, Trưởng các phòng thuộc Sở, Hiệu trưởng các trường có liên quan "
        "và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Lưu: VT, TCCB."],
        signer=SignerSpec(gen.name(True), "Phó Giám đốc", "KT. GIÁM ĐỐC"),
        declared=(2, 4),
        notes="inline `- Bà …, Giáo viên Trường …;` items mixing persons and collectives",
    )


def _backan_2023(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2023, 10, 12)
    names = [
        "Trường Mầm non Bộc Bố, huyện Pác Nặm",
        "Trường Tiểu học Nghiên Loan I, huyện Pác Nặm",
        "Trường Phổ thông dân tộc bán trú Trung học cơ sở Cao Tân, huyện Pác Nặm",
        "Trường Tiểu học Khang Ninh, huyện Ba Bể",
        "Trường Tiểu học và Trung học cơ sở Quang Phong, huyện Na Rì",
        "Trường Mầm non Đức Xuân, thành phố Bắc Kạn",
        "Trường Trung học phổ thông Phủ Thông",
    ]
    reason = (
        "Đã có thành tích xuất sắc trong phong trào thi đua thực hiện nhiệm vụ năm học 2022-2023."
    )
    amt = reward(date, 2.0)
    gl = grants(
        [Group(n, None) for n in names],
        A.bang_khen_cap_tinh,
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        strip_dot(reason),
        "2022-2023",
        amt,
    )
    from samples.layout import inline_run

    return DecisionSpec(
        stem="qd_inline_run_textpdf_backan_2023",
        fmt="textpdf",
        issuer=Issuer(
            ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",), "Ủy ban nhân dân tỉnh Bắc Kạn", None, L.tinh
        ),
        number="1902/QĐ-UBND",
        date=date,
        place="Bắc Kạn",
        subject=["Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
        bases=[
            LOCAL_GOV_2015,
            LAW_2013,
            ND_91,
            "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 268/TTr-SNV ngày 06 tháng 10 năm "
            "2023.",
        ],
        article1="Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 7 tập thể: "
        + inline_run(gl)
        + ".",
        inline="run",
        grants=gl,
        reason_line=reason,
        money_line=f"Mỗi tập thể được tặng kèm theo tiền thưởng {money(amt)} đồng.",
        article2="Kinh phí khen thưởng trích từ Quỹ Thi đua, khen thưởng tỉnh năm 2023.",
        article3="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Giáo dục "
        "và Đào tạo, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- CT, PCT UBND tỉnh;", "- Lưu: VT, NC."],
        signer=SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
        declared=(7, None),
        notes="collectives inline as a `;` run with `và` before the last",
    )


def _canloc_2016(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2016, 6, 2)
    name = gen.name(True)
    p = Person(name, "Bà", "Hiệu trưởng", "Trường Mầm non Hoa Hồng")
    reason = (
        "Đã có thành tích xuất sắc trong xây dựng trường mầm non đạt chuẩn quốc gia mức độ 2 "
        "năm 2016."
    )
    amt = reward(date, 0.3)
    from samples.layout import person_text

    return DecisionSpec(
        stem="qd_inline_single_photo_canloc_2016",
        fmt="photo",
        issuer=Issuer(
            ("ỦY BAN NHÂN DÂN HUYỆN CAN LỘC",), "Ủy ban nhân dân huyện Can Lộc", None, L.huyen
        ),
        number="3127/QĐ-UBND",
        date=date,
        place="Can Lộc",
        subject=[f"Về việc tặng Giấy khen cho bà {name}"],
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CAN LỘC",
        bases=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            LAW_2013,
            ND_42_65,
            "Xét đề nghị của Trưởng phòng Nội vụ huyện,",
        ],
        article1="Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho "
        + person_text(p, lower_honorific=True)
        + ".",
        inline="single",
        grants=[
            Grant(
                p,
                A.giay_khen,
                "Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
                strip_dot(reason),
                "2016",
                amt,
            )
        ],
        reason_line=reason,
        money_line=f"Kèm theo tiền thưởng {money(amt)} đồng.",
        article2="Kinh phí khen thưởng trích từ Quỹ Thi đua, khen thưởng của huyện.",
        article3="Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, Trưởng phòng Tài chính "
        "- Kế hoạch và bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Lưu: VT."],
        signer=SignerSpec(gen.name(False), "Chủ tịch"),
        seal=True,
        notes="single recipient in Điều 1, lower-case honorific in running text; phone photo",
    )


def _ducpho_2019(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2019, 5, 27)
    pos = ["Giáo viên", "Giáo viên", "Tổ trưởng chuyên môn", "Nhân viên kế toán", "Giáo viên"]
    ps = []
    for k in range(5):
        name, female = gen.person()
        ps.append(Person(name, honor(female, "thayco"), pos[k], None))
    reason = "Đã hoàn thành tốt nhiệm vụ được giao trong năm học 2018-2019."
    gl = grants(ps, A.lao_dong_tien_tien, "Lao động tiên tiến", strip_dot(reason), "2018-2019")
    return DecisionSpec(
        stem="qd_inline_photo_seal_ducpho_2019",
        fmt="photo",
        issuer=Issuer(
            ("PHÒNG GD&ĐT ĐỨC PHỔ", "TRƯỜNG THCS NGUYỄN NGHIÊM"),
            "Trường THCS Nguyễn Nghiêm",
            "Phòng GD&ĐT Đức Phổ",
            L.co_so,
        ),
        number="45/QĐ-THCSNN",
        date=date,
        place="Đức Phổ",
        subject=["V/v công nhận danh hiệu Lao động tiên tiến năm học 2018-2019"],
        authority="HIỆU TRƯỞNG TRƯỜNG THCS NGUYỄN NGHIÊM",
        bases=[
            LAW_2013,
            ND_91,
            "Căn cứ kết quả bình xét thi đua năm học 2018-2019 của Hội đồng Thi đua - Khen thưởng "
            "nhà trường,",
        ],
        article1="Công nhận danh hiệu Lao động tiên tiến năm học 2018-2019 cho 5 cá nhân sau:",
        inline="dash",
        grants=gl,
        reason_line=reason,
        money_line=None,
        article2="Các cá nhân có tên tại Điều 1 được hưởng chế độ khen thưởng theo quy định hiện "
        "hành.",
        article3="Bộ phận kế toán, văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
        "hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- Phòng GD&ĐT (b/c);", "- Lưu: VT."],
        signer=SignerSpec(gen.name(True), "Hiệu trưởng"),
        declared=(None, 5),
        seal=True,
        seal_over_name=True,
        notes="phone photo; red seal partly over the signer's name; Thầy/Cô, no unit printed",
    )


def _tanlap_2025(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2025, 1, 20)
    colls = [
        Group("Chi hội Khuyến học thôn Thượng Hội", None),
        Group("Trường Mầm non Tân Lập A", None),
        Group("Tổ Khoa học tự nhiên, Trường THCS Tân Lập", "Trường THCS Tân Lập"),
    ]
    roles = [
        ("Chi hội trưởng", "Chi hội Khuyến học thôn Thống Nhất"),
        ("Chi hội trưởng", "Chi hội Khuyến học thôn Hạ Hội"),
        ("Phó Chủ tịch", "Hội Khuyến học xã Tân Lập"),
        ("Giáo viên", "Trường THCS Tân Lập"),
        ("Giáo viên", "Trường Tiểu học Tân Lập B"),
        ("Hiệu trưởng", "Trường Tiểu học Tân Lập A"),
        ("Công chức Văn hóa - Xã hội", "UBND xã Tân Lập"),
        ("Giáo viên", "Trường Mầm non Tân Lập B"),
    ]
    ps = []
    for pos, unit in roles:
        name, female = gen.person()
        hon = "Đ/c" if unit.startswith("UBND") or unit.startswith("Hội") else honor(female, "ongba")
        ps.append(Person(name, hon, pos, unit))
    reason = "Đã có thành tích xuất sắc trong công tác khuyến học, khuyến tài năm 2024."
    a_c, a_i = reward(date, 0.6), reward(date, 0.3)
    return DecisionSpec(
        stem="qd_list_grid4_textpdf_tanlap_2025",
        fmt="textpdf",
        issuer=Issuer(
            ("UBND HUYỆN ĐAN PHƯỢNG", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"),
            "Ủy ban nhân dân xã Tân Lập",
            "UBND huyện Đan Phượng",
            L.xa,
        ),
        number="38/QĐ-UBND",
        date=date,
        place="Tân Lập",
        subject=[
            "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc",
            "trong công tác khuyến học, khuyến tài năm 2024",
        ],
        authority="ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
        bases=[
            LOCAL_GOV_2015,
            LAW_2022,
            ND_98,
            "Xét đề nghị của Hội Khuyến học xã và công chức Văn hóa - Xã hội xã.",
        ],
        article1="Tặng Giấy khen cho 3 tập thể và 8 cá nhân (có danh sách kèm theo).",
        inline="none",
        grants=grants(colls, A.giay_khen, "Giấy khen", strip_dot(reason), "2024", a_c)
        + grants(ps, A.giay_khen, "Giấy khen", strip_dot(reason), "2024", a_i),
        reason_line=reason,
        money_line=f"Mỗi tập thể được thưởng {money(a_c)} đồng; mỗi cá nhân được thưởng "
        f"{money(a_i)} đồng.",
        article2="Kinh phí khen thưởng trích từ quỹ thi đua, khen thưởng của xã năm 2025.",
        article3="Văn phòng HĐND và UBND xã, Hội Khuyến học xã, bộ phận Tài chính - Kế toán và các "
        "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- TT Đảng ủy, TT HĐND xã;", "- Lưu: VT."],
        signer=SignerSpec(gen.name(False), "Chủ tịch", "TM. ỦY BAN NHÂN DÂN"),
        declared=(3, 8),
        listing=ListSpec(
            "grid4",
            ["TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "TRONG CÔNG TÁC KHUYẾN HỌC, KHUYẾN TÀI NĂM 2024"],
            honorific_in_name=True,
        ),
        list_of="Ủy ban nhân dân xã Tân Lập",
        notes="commune level; `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`; honorific in the name column",
    )


# ----------------------------------------------------------------------------- certificates


def _cert(
    stem: str,
    fmt: str,
    issuer: tuple[str, str | None, L],
    authority: str,
    tang: str,
    big: str,
    grant: Grant,
    achievement: str,
    number: str,
    date: dt.date,
    book: str | None,
    place: str,
    signer: SignerSpec,
    palette: str,
    notes: str,
) -> CertSpec:
    w = grant.who
    if isinstance(w, Person):
        rec = [f"{w.honorific} {w.name}" if w.honorific else w.name]
        detail = " ".join(x for x in (w.position, w.unit) if x) or None
    else:
        rec = [part.strip().upper() for part in w.name.split(",")]
        detail = None
    return CertSpec(
        stem=stem,
        fmt=fmt,  # type: ignore[arg-type]
        issuer_name=issuer[0],
        issuer_parent=issuer[1],
        level=issuer[2],
        authority=[authority],
        tang=tang,
        big=big,
        grant=grant,
        recipient_lines=rec,
        detail_line=detail,
        achievement=achievement,
        qd_line=f"Quyết định số {number} ngày {date.day}/{date.month}/{date.year}",
        book_line=book,
        number=number,
        date=date,
        place=place,
        place_date=date,
        signer=signer,
        palette=palette,  # type: ignore[arg-type]
        notes=notes,
    )


def _certificates(gen: NameGen, rng: random.Random) -> list[CertSpec]:
    out: list[CertSpec] = []

    def person(female: bool, hon: str, pos: str, unit: str, name: str | None = None) -> Person:
        return Person(name or gen.name(female), hon, pos, unit)

    ach = "Đã có thành tích xuất sắc trong công tác giáo dục và đào tạo năm học 2020-2021"
    p = person(
        True,
        "Bà",
        "Giáo viên",
        "Trường THPT Huỳnh Thúc Kháng, thành phố Vinh",
        "Nguyễn Thị Thanh Xuân",
    )
    out.append(
        _cert(
            "cert_bangkhen_tinh_scan_heavy_nghean_2021",
            "scanjpg_heavy",
            ("Ủy ban nhân dân tỉnh Nghệ An", None, L.tinh),
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
            "TẶNG",
            "BẰNG KHEN",
            Grant(p, A.bang_khen_cap_tinh, "Bằng khen", ach, "2020-2021"),
            ach,
            "2156/QĐ-UBND",
            D(2021, 7, 15),
            "Số sổ vàng: 1487",
            "Nghệ An",
            SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
            "red",
            "Bằng khen of Chủ tịch UBND tỉnh; heavy scan",
        )
    )
    ach = "Đã có thành tích xuất sắc trong công tác giáo dục và đào tạo năm học 2014-2015"
    p = person(False, "Ông", "Phó Hiệu trưởng", "Trường THPT chuyên Hùng Vương, tỉnh Phú Thọ")
    out.append(
        _cert(
            "cert_bangkhen_bo_scan_light_2015",
            "scan_light",
            ("Bộ Giáo dục và Đào tạo", None, L.bo),
            "BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO",
            "TẶNG",
            "BẰNG KHEN",
            Grant(p, A.bang_khen_cap_bo, "Bằng khen", ach, "2014-2015"),
            ach,
            "3210/QĐ-BGDĐT",
            D(2015, 8, 28),
            "Số sổ vàng: 5621",
            "Hà Nội",
            SignerSpec(gen.name(False), "Thứ trưởng", "KT. BỘ TRƯỞNG"),
            "blue",
            "Bằng khen of a Bộ trưởng; scanned PDF",
        )
    )
    ach = "Đã hoàn thành xuất sắc nhiệm vụ năm học 2023-2024"
    p = person(False, "Ông", "Tổ trưởng chuyên môn", "Trường THPT Phan Đình Phùng")
    out.append(
        _cert(
            "cert_giaykhen_so_textpdf_hatinh_2024",
            "textpdf",
            ("Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh", None, L.tinh),
            "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ TĨNH",
            "TẶNG",
            "GIẤY KHEN",
            Grant(p, A.giay_khen, "Giấy khen", ach, "2023-2024"),
            ach,
            "1024/QĐ-SGDĐT",
            D(2024, 7, 8),
            "Số sổ vàng: 245",
            "Hà Tĩnh",
            SignerSpec(gen.name(True), "Giám đốc"),
            "green",
            "Giấy khen of Giám đốc Sở; text PDF; signer signs directly",
        )
    )
    ach = "Đã có thành tích xuất sắc trong phong trào thi đua năm học 2017-2018"
    g = Group("Tổ Khoa học tự nhiên, Trường THCS Yên Viên", "Trường THCS Yên Viên")
    out.append(
        _cert(
            "cert_giaykhen_huyen_tapthe_scan_light_gialam_2018",
            "scanjpg_light",
            ("Ủy ban nhân dân huyện Gia Lâm", None, L.huyen),
            "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN GIA LÂM",
            "TẶNG",
            "GIẤY KHEN",
            Grant(g, A.giay_khen, "Giấy khen", ach, "2017-2018"),
            ach,
            "4015/QĐ-UBND",
            D(2018, 7, 20),
            "Số sổ vàng: 312",
            "Gia Lâm",
            SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
            "blue",
            "Giấy khen of Chủ tịch UBND huyện to a collective printed in capitals",
        )
    )
    ach = "Đã có thành tích xuất sắc trong công tác chủ nhiệm lớp năm học 2022-2023"
    p = person(True, "Bà", "Giáo viên", "Trường THPT Lương Thế Vinh")
    out.append(
        _cert(
            "cert_giaykhen_truong_scan_heavy_bienhoa_2023",
            "scan_heavy",
            ("Trường THPT Lương Thế Vinh", None, L.co_so),
            "HIỆU TRƯỞNG TRƯỜNG THPT LƯƠNG THẾ VINH",
            "TẶNG",
            "GIẤY KHEN",
            Grant(p, A.giay_khen, "Giấy khen", ach, "2022-2023"),
            ach,
            "145/QĐ-THPTLTV",
            D(2023, 5, 25),
            None,
            "Biên Hòa",
            SignerSpec(gen.name(False), "Hiệu trưởng"),
            "green",
            "Giấy khen of a Hiệu trưởng; heavy scanned PDF; no book number",
        )
    )
    ach = "Đã có thành tích xuất sắc trong năm học 2009-2010"
    p = person(False, "Ông", "Giáo viên", "Trường THCS Thanh Tân")
    out.append(
        _cert(
            "cert_cstdcs_scan_light_kienxuong_2010",
            "scanjpg_light",
            ("Ủy ban nhân dân huyện Kiến Xương", None, L.huyen),
            "CHỦ TỊCH UỶ BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG",
            "TẶNG DANH HIỆU",
            "CHIẾN SỸ THI ĐUA CƠ SỞ",
            Grant(p, A.chien_si_thi_dua_co_so, "Chiến sỹ thi đua cơ sở", ach, "2009-2010"),
            ach,
            "1157/QĐ-UBND",
            D(2010, 8, 16),
            "Vào sổ khen thưởng số: 87",
            "Kiến Xương",
            SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
            "red",
            "historical certificate, `Chiến sỹ` spelling, `UỶ BAN`",
        )
    )
    ach = "Đã có thành tích xuất sắc tiêu biểu trong phong trào thi đua năm học 2017-2018"
    p = person(False, "Ông", "Hiệu trưởng", "Trường THCS Nguyễn Bỉnh Khiêm, thành phố Hội An")
    out.append(
        _cert(
            "cert_cstd_tinh_textpdf_quangnam_2018",
            "textpdf",
            ("Ủy ban nhân dân tỉnh Quảng Nam", None, L.tinh),
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
            "TẶNG DANH HIỆU",
            "CHIẾN SĨ THI ĐUA CẤP TỈNH",
            Grant(p, A.chien_si_thi_dua_cap_tinh, "Chiến sĩ thi đua cấp tỉnh", ach, "2017-2018"),
            ach,
            "2786/QĐ-UBND",
            D(2018, 9, 14),
            "Số sổ vàng: 1093",
            "Quảng Nam",
            SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
            "red",
            "certificate of Chiến sĩ thi đua cấp tỉnh; text PDF",
        )
    )
    return out


# ----------------------------------------------------------------------------- typewritten


def _hatay_2000(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(2000, 8, 18)
    schools = [
        "Trường THPT Nguyễn Huệ",
        "Trường THPT Quang Trung",
        "Trường THPT Sơn Tây",
        "Trường THPT Thường Tín",
        "Trường THPT Chương Mỹ A",
        "Trường THPT Ứng Hòa A",
        "Trường THPT Phú Xuyên A",
        "Trường THPT Đan Phượng",
    ]
    ps = people(gen, rng, 10, schools, TEACHER_POS[:10], "none")
    title = "Chiến sỹ thi đua cơ sở"
    reason = "Đã có thành tích xuất sắc trong năm học 1999-2000."
    return DecisionSpec(
        stem="qd_list_typewriter_photo_old_hatay_2000",
        fmt="photo_pdf",
        issuer=Issuer(
            ("UBND TỈNH HÀ TÂY", "SỞ GIÁO DỤC - ĐÀO TẠO"),
            "Sở Giáo dục - Đào tạo tỉnh Hà Tây",
            "UBND tỉnh Hà Tây",
            L.tinh,
        ),
        number="485/QĐ-GD-ĐT",
        date=date,
        place="Hà Đông",
        subject=["V/v công nhận danh hiệu Chiến sỹ thi đua cơ sở", "năm học 1999-2000"],
        authority="GIÁM ĐỐC SỞ GIÁO DỤC - ĐÀO TẠO HÀ TÂY",
        bases=[
            ND_56_1998,
            "Căn cứ Quyết định số 1076/QĐ-UB ngày 12 tháng 11 năm 1996 của UBND tỉnh Hà Tây quy "
            "định chức năng, nhiệm vụ và tổ chức bộ máy của Sở Giáo dục - Đào tạo;",
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng ngành và Trưởng phòng Tổ chức cán bộ,",
        ],
        article1="Công nhận danh hiệu Chiến sỹ thi đua cơ sở năm học 1999-2000 cho 10 cá nhân có "
        "tên trong danh sách kèm theo.",
        inline="none",
        grants=grants(ps, A.chien_si_thi_dua_co_so, title, strip_dot(reason), "1999-2000"),
        reason_line=reason,
        money_line=None,
        article2="Các cá nhân có tên tại Điều 1 được hưởng tiền thưởng theo chế độ hiện hành.",
        article3="Các ông (bà) Chánh Văn phòng, Trưởng phòng Tổ chức cán bộ, Trưởng phòng Kế "
        "hoạch - Tài vụ, Thủ trưởng các đơn vị có liên quan và các cá nhân có tên tại Điều 1 "
        "chịu trách nhiệm thi hành Quyết định này./.",
        noi_nhan=["- Như Điều 3;", "- UBND tỉnh (để b/c);", "- Lưu VP, TCCB."],
        signer=SignerSpec(gen.name(False), "Phó Giám đốc", "KT. GIÁM ĐỐC"),
        declared=(None, 10),
        listing=ListSpec(
            "grid4", ["CÁ NHÂN ĐẠT DANH HIỆU CHIẾN SỸ THI ĐUA CƠ SỞ", "NĂM HỌC 1999-2000"]
        ),
        list_of="Giám đốc Sở Giáo dục - Đào tạo Hà Tây",
        seal=True,
        seal_over_name=True,
        seal_shift=-26.0,  # the star beside the name, the ring across its first letters
        typewriter=True,
        aged=True,
        notes="typewritten 2000 (`Chiến sỹ`, `Sở Giáo dục - Đào tạo`, Hà Tây before 2008): "
        "dancing letters, tone marks struck off their letters; both pages photographed by phone: "
        "yellowed, stained, foxed paper, show-through, a darker corner; red seal partly over the "
        "signer's name",
    )


def _yenthanh_1999(gen: NameGen, rng: random.Random) -> DecisionSpec:
    date = D(1999, 7, 26)
    schools = [
        "Trường Tiểu học Công Thành",
        "Trường THCS Hợp Thành",
        "Trường Tiểu học Mã Thành",
        "Trường Mầm non Tăng Thành",
        "Trường THCS Bảo Thành",
        "Trường Tiểu học Hoa Thành",
    ]
    ps = people(gen, rng, 6, schools, TEACHER_POS[:10], "ongba")
    reason = (
        "Đã có thành tích xuất sắc trong phong trào thi đua “Dạy tốt - Học tốt” năm học 1998-1999."
    )
    text = "Giấy khen của Chủ tịch UBND huyện"
    amt = 50_000
    return DecisionSpec(
        stem="qd_inline_typewriter_scan_heavy_yenthanh_1999",
        fmt="scan_heavy",
        issuer=Issuer(
            ("UỶ BAN NHÂN DÂN", "HUYỆN YÊN THÀNH"),
            "Ủy ban nhân dân huyện Yên Thành",
            None,
            L.huyen,
        ),
        number="376/QĐ-UB",
        date=date,
        place="Yên Thành",
        subject=["V/v tặng Giấy khen cho cá nhân có thành tích", "trong năm học 1998-1999"],
        authority="CHỦ TỊCH UỶ BAN NHÂN DÂN HUYỆN YÊN THÀNH",
        bases=[
            LOCAL_GOV_1994,
            ND_56_1998,
            "Xét đề nghị của Trưởng phòng Giáo dục và Hội đồng Thi đua - Khen thưởng huyện,",
        ],
        article1=f"Tặng {text} cho 6 cá nhân sau:",
        inline="dash",
        grants=grants(ps, A.giay_khen, text, strip_dot(reason), "1998-1999", amt),
        reason_line=reason,
        money_line=f"Mỗi cá nhân được thưởng {money(amt)} đồng (Năm mươi nghìn đồng).",
        article2="Tiền thưởng trích từ quỹ thi đua, khen thưởng của huyện năm 1999.",
        article3="Các ông (bà) Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Giáo dục, "
        "Trưởng phòng Tài chính - Kế hoạch và các ông (bà) có tên tại Điều 1 căn cứ Quyết định "
        "thi hành./.",
        noi_nhan=["- Như Điều 3;", "- TT Huyện uỷ, TT HĐND huyện;", "- Lưu VP."],
        signer=SignerSpec(gen.name(False), "Phó Chủ tịch", "KT. CHỦ TỊCH"),
        declared=(None, 6),
        seal=True,
        seal_over_name=True,
        seal_shift=-26.0,  # the star beside the name, the ring across its first letters
        typewriter=True,
        aged=True,
        copies=1,
        scan_dpi=200,  # mass digitization of old files
        notes="typewritten 1990s (`QĐ-UB`, `UỶ BAN`, 1994 law, NĐ 56/1998); inline `- Bà …, "
        "Giáo viên Trường …;` items; a faded office copy of aged paper (grey seal over the "
        "signer's name, toner fade, drum streaks), scanned heavy at 200 dpi",
    )
