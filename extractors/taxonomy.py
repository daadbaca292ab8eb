"""Award wording → `award_code` (domain/TAXONOMY.md), and an issuer's administrative level.

Matching is a spaCy `Matcher` over the shared pipeline's folded NORM, so it ignores case
and diacritics (`BẰNG KHEN`, `Chiến sỹ thi đua co sở`, `CSTĐCS`) while `AwardMatch.text`
keeps the original span. A form whose level depends on its owner (`Bằng khen`, `Cờ thi
đua`) reads the owner that follows (`của Chủ tịch UBND tỉnh …`) or, when none is printed,
the issuer's level; an owner or wording it cannot place is `other`, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractors.load_once import load_once
from extractors.nlp import char_span_of, get_nlp
from extractors.text_normalize import fold, nfc
from schemas import AwardCode, IssuerLevel


@dataclass(frozen=True)
class AwardMatch:
    """One award phrase found in a text: its code, wording as printed, class, offsets."""

    code: AwardCode
    text: str
    award_class: int | None
    start: int
    end: int


A = AwardCode
_SI = {"IN": ["si", "sy"]}
_CAP = {"NORM": "cap", "OP": "?"}
_COMMA = {"NORM": {"IN": [",", "-"]}, "OP": "?"}
# OCR drops specks between the words of an award (`Tặng; Giấy: khen`, `Lao động. tiên tiến`).
_SPECKS = [":", ";", ".", "'", "`", "_", "“", "”", '"', "‘", "’"]
_SPECK = {"NORM": {"IN": _SPECKS}, "OP": "?"}

# Fixed wordings: code → folded phrases (`si` also matches `sỹ`).
_FIXED: dict[AwardCode, list[str]] = {
    A.chien_si_thi_dua_toan_quoc: ["chien si thi dua toan quoc"],
    A.chien_si_thi_dua_cap_bo: [
        "chien si thi dua cap bo", "chien si thi dua bo , ban , nganh", "chien si thi dua bo",
        "chien si thi dua cap nganh", "chien si thi dua nganh", "chien si thi dua toan quan",
        "chien si thi dua toan luc luong cong an nhan dan", "chien si thi dua cap bo , nganh",
    ],
    A.chien_si_thi_dua_cap_tinh: [
        "chien si thi dua cap tinh", "chien si thi dua tinh", "chien si thi dua cap thanh pho",
        "chien si thi dua thanh pho", "cstd cap tinh", "cstd tinh",
    ],
    A.chien_si_thi_dua_co_so: [
        "chien si thi dua co so", "chien si thi dua cap co so", "cstd cap co so", "cstd co so",
        "cstdcs", "cstd cs",
    ],
    A.lao_dong_tien_tien: ["lao dong tien tien", "ldtt"],
    A.chien_si_tien_tien: ["chien si tien tien"],
    A.co_thi_dua_chinh_phu: ["co thi dua cua chinh phu", "co thi dua chinh phu"],
    A.tap_the_lao_dong_xuat_sac: [
        "tap the lao dong xuat sac", "tap the lao dong xs", "tt lao dong xuat sac",
        "tt lao dong xs", "ttldxs", "tt ld xs", "tt ldxs",
    ],
    A.don_vi_quyet_thang: ["don vi quyet thang"],
    A.tap_the_lao_dong_tien_tien: [
        "tap the lao dong tien tien", "tt lao dong tien tien", "ttldtt", "tt ldtt",
    ],
    A.don_vi_tien_tien: ["don vi tien tien"],
    A.xa_phuong_tieu_bieu: [
        "xa , phuong , thi tran tieu bieu", "xa , phuong , thi tran , dac khu tieu bieu",
        "xa tieu bieu", "phuong tieu bieu", "thi tran tieu bieu", "dac khu tieu bieu",
    ],
    A.thon_to_dan_pho_van_hoa: [
        "thon , to dan pho van hoa", "thon van hoa", "to dan pho van hoa", "khu pho van hoa",
        "lang van hoa", "ban van hoa", "ap van hoa", "khu dan cu van hoa",
    ],
    A.gia_dinh_van_hoa: ["gia dinh van hoa"],
    A.huy_chuong: [
        "huy chuong quan ky quyet thang", "huy chuong vi an ninh to quoc",
        "huy chuong chien si ve vang", "huy chuong huu nghi",
        "huy chuong thanh nien xung phong ve vang",
    ],
    A.anh_hung_lao_dong: ["anh hung lao dong"],
    A.anh_hung_luc_luong_vu_trang: ["anh hung luc luong vu trang nhan dan",
                                    "anh hung luc luong vu trang"],
    A.ba_me_viet_nam_anh_hung: ["ba me viet nam anh hung"],
    A.nha_giao_nhan_dan: ["nha giao nhan dan", "ngnd"],
    A.nha_giao_uu_tu: ["nha giao uu tu", "ngut"],
    A.thay_thuoc_nhan_dan: ["thay thuoc nhan dan", "ttnd"],
    A.thay_thuoc_uu_tu: ["thay thuoc uu tu", "ttut"],
    A.nghe_si_nhan_dan: ["nghe si nhan dan", "nsnd"],
    A.nghe_si_uu_tu: ["nghe si uu tu", "nsut"],
    A.nghe_nhan_nhan_dan: ["nghe nhan nhan dan", "nnnd"],
    A.nghe_nhan_uu_tu: ["nghe nhan uu tu", "nnut"],
    A.giai_thuong_ho_chi_minh: ["giai thuong ho chi minh"],
    A.giai_thuong_nha_nuoc: ["giai thuong nha nuoc"],
}  # fmt: skip

_ORDERS: dict[AwardCode, str] = {
    A.huan_chuong_sao_vang: "sao vang",
    A.huan_chuong_ho_chi_minh: "ho chi minh",
    A.huan_chuong_doc_lap: "doc lap",
    A.huan_chuong_quan_cong: "quan cong",
    A.huan_chuong_lao_dong: "lao dong",
    A.huan_chuong_chien_cong: "chien cong",
    A.huan_chuong_bao_ve_to_quoc: "bao ve to quoc",
    A.huan_chuong_dung_cam: "dung cam",
    A.huan_chuong_dai_doan_ket_dan_toc: "dai doan ket dan toc",
    A.huan_chuong_huu_nghi: "huu nghi",
}

# Heads resolved after matching (owner, class, extension).
_BANG_KHEN, _GIAY_KHEN, _CO_THI_DUA, _KY_NIEM = "BANG_KHEN", "GIAY_KHEN", "CO_THI_DUA", "KNC"
_WEAK_OTHER = "WEAK_OTHER"  # `Giấy chứng nhận`, `Học sinh giỏi`: other, only when alone
_UNKNOWN_ORDER = "UNKNOWN_ORDER"
_HEADS: dict[str, list[str]] = {
    _BANG_KHEN: ["bang khen"],
    _GIAY_KHEN: ["giay khen"],
    _CO_THI_DUA: ["co thi dua"],
    _KY_NIEM: ["ky niem chuong"],
    _UNKNOWN_ORDER: ["huan chuong"],
    _WEAK_OTHER: [
        "giay chung nhan", "hoc sinh xuat sac", "hoc sinh gioi", "hoc sinh tien tien",
        "sinh vien 5 tot", "giao vien day gioi", "chien si thi dua",
    ],
}  # fmt: skip

_CLASSES = {"nhat": 1, "nhi": 2, "ba": 3, "i": 1, "ii": 2, "iii": 3, "1": 1, "2": 2, "3": 3}
# An owner phrase (`của Chủ tịch UBND tỉnh Nam Định`) ends at these.
_OWNER_PUNCT = {",", ";", ".", ":", "(", ")", '"', "“", "”"}
_OWNER_STOP = {"cho", "ve", "vi", "da", "nam", "kem", "tang", "doi", "voi", "danh", "trong", "co"}
_AWARD_WORDS = {"giay", "bang", "co", "huan", "huy", "chien", "danh", "lao", "tap", "ky"}


def _pattern(phrase: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for word in phrase.split():
        if out and word != "," and out[-1] is not _COMMA:
            out.append(_SPECK)
        if word == "si":
            out.append({"NORM": _SI})
        elif word == ",":
            out.append(_COMMA)
        else:
            out.append({"NORM": word})
    return out


@load_once
def _matcher() -> Matcher:
    nlp = get_nlp()
    matcher = Matcher(nlp.vocab)
    for code, phrases in _FIXED.items():
        matcher.add(code.value, [_pattern(p) for p in phrases])
    for code, name in _ORDERS.items():
        matcher.add(code.value, [_pattern(f"huan chuong {name}")])
    for head, phrases in _HEADS.items():
        matcher.add(head, [_pattern(p) for p in phrases])
    return matcher


def _owner_end(doc: Doc, start: int) -> int:
    """End token of an owner phrase `của …` starting at `start` (== start if none)."""
    if start + 1 < len(doc) and doc[start].norm_ in _SPECKS and doc[start + 1].norm_ == "cua":
        start += 1  # `Bằng khen: của …`, a speck read before the owner
    if start >= len(doc) or doc[start].norm_ != "cua":
        return start
    end = start + 1
    while end < len(doc) and end - start <= 14:
        token = doc[end]
        norm = token.norm_
        if norm in _OWNER_PUNCT:
            break
        # `cho`, `năm` end the owner in lower case; `Việt Nam`, `Đà Nẵng` are part of it.
        if norm in _OWNER_STOP and (
            token.text.islower() or (token.text.isupper() and norm != "nam")
        ):
            break
        if norm == "va" and end + 1 < len(doc) and doc[end + 1].norm_ in _AWARD_WORDS:
            break
        end += 1
    return end if end > start + 1 else start


def _owner_level(owner: str) -> IssuerLevel | None:
    """Level of the owner named after a Bằng khen/Cờ thi đua (`của Bộ trưởng …`)."""
    key = fold(owner).lstrip("".join(_SPECKS) + " ")
    key = re.sub(r"^cua\s+", "", key)
    if re.match(r"(thu tuong|chinh phu)", key):
        return IssuerLevel.trung_uong
    if re.search(r"\b(trung uong|tw)\b", key) or re.match(r"(bo truong|bo)\b", key):
        return IssuerLevel.bo
    if re.match(r"(chu tich\s+)?(uy ban nhan dan|ubnd|ub)\s+(tinh|thanh pho|tp)\b", key):
        return IssuerLevel.tinh
    if re.match(r"(chu tich\s+)?(tinh|thanh pho)\b", key):
        return IssuerLevel.tinh
    return None


def _resolve(head: str, level: IssuerLevel | None) -> AwardCode:
    if head == _BANG_KHEN:
        return {
            IssuerLevel.trung_uong: A.bang_khen_thu_tuong,
            IssuerLevel.bo: A.bang_khen_cap_bo,
            IssuerLevel.tinh: A.bang_khen_cap_tinh,
        }.get(level, A.other) if level else A.other  # fmt: skip
    if head == _CO_THI_DUA:
        return {
            IssuerLevel.trung_uong: A.co_thi_dua_chinh_phu,
            IssuerLevel.bo: A.co_thi_dua_cap_bo,
            IssuerLevel.tinh: A.co_thi_dua_cap_tinh,
        }.get(level, A.other) if level else A.other  # fmt: skip
    return A.other


def _class_after(doc: Doc, end: int) -> tuple[int | None, int]:
    if end + 1 < len(doc) and doc[end].norm_ == "hang" and doc[end + 1].norm_ in _CLASSES:
        return _CLASSES[doc[end + 1].norm_], end + 2
    return None, end


def _extension_end(doc: Doc, end: int) -> int:
    """`Kỷ niệm chương Vì sự nghiệp giáo dục`: the medal's name that follows it."""
    if end < len(doc) and doc[end].norm_ == "vi" and doc[end].text[:1].isupper():
        stop = end + 1
        while stop < len(doc) and stop - end < 7 and doc[stop].norm_ not in _OWNER_PUNCT | {"cho"}:
            stop += 1
        return stop
    return end


def match_awards(text: str, issuer_level: IssuerLevel | None = None) -> list[AwardMatch]:
    """Every award phrase in `text`, in order (see `match_award` for the rules)."""
    text = nfc(text)
    doc = get_nlp()(text)
    spans = filter_spans(_matcher()(doc, as_spans=True))
    found: list[AwardMatch] = []
    weak: list[AwardMatch] = []
    for span in spans:
        label, end, award_class = span.label_, span.end, None
        if label in (_BANG_KHEN, _CO_THI_DUA, _GIAY_KHEN):
            owner_end = _owner_end(doc, end)
            owner = doc[end:owner_end].text if owner_end > end else ""
            level = (_owner_level(owner) if owner else None) or (None if owner else issuer_level)
            code = A.giay_khen if label == _GIAY_KHEN else _resolve(label, level)
            end = owner_end
        elif label == _KY_NIEM:
            code, end = A.ky_niem_chuong, _extension_end(doc, end)
        elif label in (_WEAK_OTHER, _UNKNOWN_ORDER):
            code = A.other
        else:
            code = AwardCode(label)
        if code.value.startswith("huan_chuong") or label == _UNKNOWN_ORDER:
            award_class, end = _class_after(doc, end)
        start_char, end_char = char_span_of(doc, span.start, end)
        printed = _without_specks(text[start_char:end_char])
        match = AwardMatch(code, printed, award_class, start_char, end_char)
        (weak if label == _WEAK_OTHER else found).append(match)
    return found or weak


_SPECKS_BETWEEN = re.compile(r"(?<=\w)\s*[:;.'`_“”\"‘’]+\s*(?=\w)")


def _without_specks(printed: str) -> str:
    """The award's words without the specks OCR read between them."""
    return _SPECKS_BETWEEN.sub(" ", printed)


def match_award(text: str, issuer_level: IssuerLevel | None = None) -> AwardMatch | None:
    """The award named in `text`: the first specific one, `other` only if nothing else fits.

    `issuer_level` places a `Bằng khen`/`Cờ thi đua` printed without its owner: a province
    → cap_tinh, a ministry → cap_bo, the Prime Minister (trung_uong) → thu_tuong.
    """
    matches = match_awards(text, issuer_level)
    specific = [m for m in matches if m.code is not AwardCode.other]
    if specific:
        return specific[0]
    return matches[0] if matches else None


# --- issuer level ---------------------------------------------------------------------

_CENTRAL_CITIES = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue")
_LEVEL_RULES: list[tuple[re.Pattern[str], IssuerLevel]] = [
    (re.compile(r"\b(thu tuong|chu tich nuoc|chinh phu|quoc hoi)\b"), IssuerLevel.trung_uong),
    (
        re.compile(
            r"^(bo truong|bo |thu truong|tong cuc|uy ban trung uong|ban chap hanh trung"
            r"|trung uong|tong lien doan)"
        ),
        IssuerLevel.bo,
    ),
    (
        re.compile(r"\b(ubnd|uy ban nhan dan|hdnd|chu tich)\s+(xa|phuong|thi tran|dac khu)\b"),
        IssuerLevel.xa,
    ),
    (
        re.compile(r"\b(ubnd|uy ban nhan dan|hdnd|chu tich)\s+(huyen|quan|thi xa)\b"),
        IssuerLevel.huyen,
    ),
    (re.compile(r"\b(ubnd|uy ban nhan dan|hdnd|chu tich)\s+(tinh)\b"), IssuerLevel.tinh),
    (re.compile(r"^(phong giao duc|phong gd|phong\b)"), IssuerLevel.huyen),
    (re.compile(r"^(so\b|ban thi dua|ban tdkt)"), IssuerLevel.tinh),
]


def issuer_level_of(issuer: str) -> IssuerLevel | None:
    """Administrative level of an issuing body as printed (`UBND huyện Việt Yên` → huyen).

    `UBND thành phố X` is a province when X is one of the centrally-run cities (Hà Nội,
    Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Huế), otherwise a district-level city.
    """
    key = fold(issuer)
    if _LEVEL_RULES[0][0].search(key):
        return IssuerLevel.trung_uong
    key = re.sub(
        r"^(kt\.?\s+|tm\.?\s+|q\.?\s+)?(pho\s+)?(chu tich|giam doc|hieu truong|truong phong)\s+",
        "",
        key,
    )
    for pattern, level in _LEVEL_RULES:
        if pattern.search(key):
            return level
    city = re.search(r"\b(ubnd|uy ban nhan dan|hdnd)\s+(thanh pho|tp\.?)\s*(?P<name>.*)", key)
    if city:
        name = city.group("name")
        return IssuerLevel.tinh if name.startswith(_CENTRAL_CITIES) else IssuerLevel.huyen
    if re.match(r"^(truong|cong ty|trung tam|benh vien|to |lop |khoa |vien |hoi |doan )", key):
        return IssuerLevel.co_so
    if re.match(r"^(cong doan|chi bo|dang uy|dang bo|chi doan|lien doi)", key):
        return IssuerLevel.co_so
    return None
