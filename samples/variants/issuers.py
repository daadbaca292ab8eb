"""Issuing bodies and how a header prints them; the truth `issuer` each one stands for.

The truth follows DESIGN.md: the issuer as an organization with its locality
(`Ủy ban nhân dân tỉnh X`, `Phòng Giáo dục và Đào tạo huyện X`) whatever the header
abbreviates or splits; `issuer_parent` is the parent line as printed, in usual case."""

import random
from dataclasses import dataclass

from samples.variants.wording import PROVINCES, SCHOOL_NAMES, District, Province


@dataclass(frozen=True)
class AwardChoice:
    code: str
    text: str  # as Điều 1 / a list names it
    kinds: tuple[str, ...]  # recipient kinds it goes to
    title: str  # as a certificate prints it in large letters
    verb: str = "Tặng"


@dataclass(frozen=True)
class Issuer:
    body: str
    name: str  # truth issuer
    parent: str | None  # truth issuer_parent
    level: str
    place: str
    header: tuple[str, ...]  # left header lines as printed
    authority: str  # the authority line under the subject, in capitals
    head: str  # the head's title (Chủ tịch …)
    deputy: str
    sign_authority: str  # KT. CHỦ TỊCH …
    collective_sign: str | None  # TM. ỦY BAN NHÂN DÂN …
    number_suffix: str
    party: bool
    awards: tuple[AwardChoice, ...]
    province: Province
    district: District


def _up(text: str) -> str:
    return text.upper()


def _district_label(d: District, abbreviate: bool) -> str:
    if abbreviate and d.kind == "thành phố":
        return "TP."
    if abbreviate and d.kind == "thị xã":
        return "TX."
    return d.kind.upper()


PROVINCE_AWARDS = (
    AwardChoice(
        "bang_khen_cap_tinh",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        ("individual", "collective"),
        "BẰNG KHEN",
    ),
    AwardChoice(
        "chien_si_thi_dua_cap_tinh",
        "Chiến sĩ thi đua cấp tỉnh",
        ("individual",),
        "CHIẾN SĨ THI ĐUA CẤP TỈNH",
        "Tặng danh hiệu",
    ),
    AwardChoice(
        "tap_the_lao_dong_xuat_sac",
        "Tập thể lao động xuất sắc",
        ("collective",),
        "TẬP THỂ LAO ĐỘNG XUẤT SẮC",
        "Tặng danh hiệu",
    ),
    AwardChoice(
        "co_thi_dua_cap_tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", ("collective",), "CỜ THI ĐUA"
    ),
)
DEPARTMENT_AWARDS = (
    AwardChoice(
        "giay_khen",
        "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo",
        ("individual", "collective"),
        "GIẤY KHEN",
    ),
    AwardChoice(
        "chien_si_thi_dua_co_so",
        "Chiến sĩ thi đua cơ sở",
        ("individual",),
        "CHIẾN SĨ THI ĐUA CƠ SỞ",
        "Công nhận danh hiệu",
    ),
    AwardChoice(
        "lao_dong_tien_tien",
        "Lao động tiên tiến",
        ("individual",),
        "LAO ĐỘNG TIÊN TIẾN",
        "Công nhận danh hiệu",
    ),
    AwardChoice(
        "tap_the_lao_dong_tien_tien",
        "Tập thể lao động tiên tiến",
        ("collective",),
        "TẬP THỂ LAO ĐỘNG TIÊN TIẾN",
        "Công nhận danh hiệu",
    ),
)
DISTRICT_AWARDS = (
    AwardChoice(
        "giay_khen",
        "Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
        ("individual", "collective"),
        "GIẤY KHEN",
    ),
    AwardChoice(
        "chien_si_thi_dua_co_so",
        "Chiến sỹ thi đua cơ sở",
        ("individual",),
        "CHIẾN SỸ THI ĐUA CƠ SỞ",
        "Tặng danh hiệu",
    ),
    AwardChoice(
        "tap_the_lao_dong_tien_tien",
        "Tập thể lao động tiên tiến",
        ("collective",),
        "TẬP THỂ LAO ĐỘNG TIÊN TIẾN",
        "Tặng danh hiệu",
    ),
    AwardChoice(
        "lao_dong_tien_tien",
        "Lao động tiên tiến",
        ("individual",),
        "LAO ĐỘNG TIÊN TIẾN",
        "Tặng danh hiệu",
    ),
)
OFFICE_AWARDS = (
    AwardChoice(
        "giay_khen",
        "Giấy khen của Trưởng phòng Giáo dục và Đào tạo",
        ("individual", "collective"),
        "GIẤY KHEN",
    ),
    AwardChoice(
        "lao_dong_tien_tien",
        "Lao động tiên tiến",
        ("individual",),
        "LAO ĐỘNG TIÊN TIẾN",
        "Công nhận danh hiệu",
    ),
)
SCHOOL_AWARDS = (
    AwardChoice(
        "giay_khen", "Giấy khen của Hiệu trưởng", ("individual", "collective"), "GIẤY KHEN"
    ),
    AwardChoice(
        "lao_dong_tien_tien",
        "Lao động tiên tiến",
        ("individual",),
        "LAO ĐỘNG TIÊN TIẾN",
        "Công nhận danh hiệu",
    ),
)
PARTY_AWARDS = (
    AwardChoice("giay_khen", "Giấy khen", ("individual", "collective"), "GIẤY KHEN"),
    AwardChoice(
        "other",
        "Đảng viên hoàn thành xuất sắc nhiệm vụ",
        ("individual",),
        "ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ",
        "Công nhận",
    ),
)


def _ubnd(
    level: str, p: Province, d: District, header: tuple[str, ...], abbreviate: bool
) -> Issuer:
    if level == "tinh":
        locality = f"{p.kind} {p.name}"
        return Issuer(
            "ubnd_tinh",
            f"Ủy ban nhân dân {locality}",
            None,
            "tinh",
            p.name,
            header,
            f"CHỦ TỊCH ỦY BAN NHÂN DÂN {_up(locality)}",
            "Chủ tịch",
            "Phó Chủ tịch",
            "KT. CHỦ TỊCH",
            "TM. ỦY BAN NHÂN DÂN",
            "QĐ-UBND",
            False,
            PROVINCE_AWARDS,
            p,
            d,
        )
    locality = f"{d.kind} {d.name}"
    return Issuer(
        "ubnd_huyen",
        f"Ủy ban nhân dân {locality}",
        None,
        "huyen",
        d.name,
        header,
        f"CHỦ TỊCH ỦY BAN NHÂN DÂN {_up(locality)}",
        "Chủ tịch",
        "Phó Chủ tịch",
        "KT. CHỦ TỊCH",
        "TM. ỦY BAN NHÂN DÂN",
        "QĐ-UBND",
        False,
        DISTRICT_AWARDS,
        p,
        d,
    )


def draw_issuer(style: str, rng: random.Random) -> Issuer:
    """An issuing body printed in header `style` (an axis value)."""
    p = rng.choice(PROVINCES)
    d = rng.choice(p.districts)
    pl = f"{p.kind} {p.name}"
    dl = f"{d.kind} {d.name}"
    uy = rng.choice(("ỦY", "UỶ"))
    level = rng.choice(("tinh", "huyen"))
    if style == "ubnd_one_line":
        loc = _up(pl if level == "tinh" else dl)
        return _ubnd(level, p, d, (f"{uy} BAN NHÂN DÂN {loc}",), False)
    if style == "ubnd_split":
        loc = _up(pl if level == "tinh" else dl)
        return _ubnd(level, p, d, (f"{uy} BAN NHÂN DÂN", loc), False)
    if style == "ubnd_abbrev":
        if level == "tinh":
            return _ubnd(level, p, d, (f"UBND {_up(pl)}",), True)
        return _ubnd(level, p, d, (f"UBND {_district_label(d, True)} {_up(d.name)}",), True)
    if style in ("so_two_line", "so_three_line", "so_abbrev"):
        parent_printed = rng.choice((f"UBND {_up(pl)}", f"{uy} BAN NHÂN DÂN {_up(pl)}"))
        parent = ("UBND " if parent_printed.startswith("UBND") else "Ủy ban nhân dân ") + pl
        name, lines = "Sở Giáo dục và Đào tạo", ("SỞ GIÁO DỤC VÀ ĐÀO TẠO",)
        awards = DEPARTMENT_AWARDS
        if style == "so_three_line":
            name, lines = rng.choice(
                (
                    ("Sở Giáo dục và Đào tạo", ("SỞ GIÁO DỤC", "VÀ ĐÀO TẠO")),
                    (
                        "Sở Lao động - Thương binh và Xã hội",
                        ("SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"),
                    ),
                )
            )
            if name.startswith("Sở Lao"):
                awards = (
                    AwardChoice(
                        "giay_khen",
                        "Giấy khen của Giám đốc Sở",
                        ("individual", "collective"),
                        "GIẤY KHEN",
                    ),
                )
        elif style == "so_abbrev":
            lines = (rng.choice(("SỞ GD&ĐT", "SỞ GD & ĐT")),)
        suffix = "QĐ-SGDĐT" if "Giáo dục" in name else "QĐ-SLĐTBXH"
        return Issuer(
            "so",
            f"{name} {pl}",
            parent,
            "tinh",
            p.name,
            (parent_printed, *lines),
            f"GIÁM ĐỐC {_up(name)}",
            "Giám đốc",
            "Phó Giám đốc",
            "KT. GIÁM ĐỐC",
            None,
            suffix,
            False,
            awards,
            p,
            d,
        )
    if style in ("phong_two_line", "phong_abbrev"):
        abbreviate = style == "phong_abbrev"
        parent_printed = f"UBND {_district_label(d, abbreviate)} {_up(d.name)}"
        parent = (
            f"UBND {dl}"
            if not abbreviate or d.kind == "huyện"
            else (f"UBND {_district_label(d, True)} {d.name}")
        )
        lines = (
            ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",)
            if not abbreviate
            else (rng.choice(("PHÒNG GD&ĐT", "PHÒNG GD & ĐT")),)
        )
        return Issuer(
            "phong",
            f"Phòng Giáo dục và Đào tạo {dl}",
            parent,
            "huyen",
            d.name,
            (parent_printed, *lines),
            "TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
            "Trưởng phòng",
            "Phó Trưởng phòng",
            "KT. TRƯỞNG PHÒNG",
            None,
            "QĐ-PGDĐT",
            False,
            OFFICE_AWARDS,
            p,
            d,
        )
    if style == "party":
        commune = rng.choice(d.communes)
        if rng.random() < 0.5:
            return Issuer(
                "party",
                f"Đảng ủy xã {commune}",
                f"Đảng bộ {dl}",
                "xa",
                commune,
                (f"ĐẢNG BỘ {_up(dl)}", f"ĐẢNG ỦY XÃ {_up(commune)}"),
                f"BAN CHẤP HÀNH ĐẢNG BỘ XÃ {_up(commune)}",
                "Bí thư",
                "Phó Bí thư",
                "T/M ĐẢNG ỦY",
                "T/M ĐẢNG ỦY",
                "QĐ/ĐU",
                True,
                PARTY_AWARDS,
                p,
                d,
            )
        school = f"Trường THCS {rng.choice(SCHOOL_NAMES)}"
        return Issuer(
            "party",
            f"Chi bộ {school}",
            f"Đảng bộ xã {commune}",
            "co_so",
            commune,
            (f"ĐẢNG BỘ XÃ {_up(commune)}", f"CHI BỘ {_up(school)}"),
            f"CHI BỘ {_up(school)}",
            "Bí thư",
            "Phó Bí thư",
            "T/M CHI BỘ",
            "T/M CHI BỘ",
            "QĐ/CB",
            True,
            PARTY_AWARDS,
            p,
            d,
        )
    if style == "school":
        level_words = rng.choice(("Trường THCS", "Trường Tiểu học", "Trường THPT"))
        school = f"{level_words} {rng.choice(SCHOOL_NAMES)}"
        parent_printed = rng.choice((f"PHÒNG GD&ĐT {_up(d.name)}", f"UBND {_up(dl)}"))
        parent = f"Phòng GD&ĐT {d.name}" if parent_printed.startswith("PHÒNG") else f"UBND {dl}"
        code = "".join(w[0] for w in school.split()[1:] if w[0].isupper()) or "TH"
        return Issuer(
            "school",
            school,
            parent,
            "co_so",
            rng.choice(d.communes),
            (parent_printed, _up(school)),
            f"HIỆU TRƯỞNG {_up(school)}",
            "Hiệu trưởng",
            "Phó Hiệu trưởng",
            "KT. HIỆU TRƯỞNG",
            None,
            f"QĐ-{code}",
            False,
            SCHOOL_AWARDS,
            p,
            d,
        )
    # authority_only: the left column prints only the number; the authority line names it
    base = draw_issuer(rng.choice(("ubnd_one_line", "so_two_line", "phong_two_line")), rng)
    authority = base.authority
    if base.body == "so":
        authority = f"GIÁM ĐỐC {_up(base.name)}"
    elif base.body == "phong":
        authority = f"TRƯỞNG {_up(base.name)}"
    return Issuer(**{**base.__dict__, "header": (), "authority": authority, "parent": None})


def for_certificate(issuer: Issuer) -> Issuer:
    """A certificate prints no header: its authority line carries the issuer and locality
    (`GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH X`, `BAN CHẤP HÀNH ĐẢNG BỘ XÃ X`)."""
    authority = issuer.authority
    name = issuer.name
    if issuer.body == "so":
        authority = f"GIÁM ĐỐC {_up(issuer.name)}"
    elif issuer.body == "phong":
        authority = f"TRƯỞNG {_up(issuer.name)}"
    elif issuer.body == "party" and issuer.name.startswith("Đảng ủy"):
        name = "Ban Chấp hành Đảng bộ" + issuer.name.removeprefix("Đảng ủy")
    return Issuer(
        **{**issuer.__dict__, "authority": authority, "name": name, "header": (), "parent": None}
    )
