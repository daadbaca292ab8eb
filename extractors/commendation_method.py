"""How a commendation came about, and where its recipient sits in the statistics forms.

The yearly forms of Thông tư 02/2023/TT-BNV (0602.N, 0603.N) count awards by method
(thường xuyên, chuyên đề, đột xuất, đối ngoại, cống hiến, niên hạn, kháng chiến) and by
recipient (collectives, businesses, households, individuals by rank). Decisions say the
method in their subject and reason, in the wording of Law 06/2022/QH15 and its decrees:
`năm học 2023-2024`, `hoàn thành xuất sắc nhiệm vụ năm 2024` (yearly: thường xuyên);
`thành tích xuất sắc đột xuất`, `hành động dũng cảm` (đột xuất); a named movement
`phong trào thi đua “Dạy tốt, học tốt”`, `chuyên đề`, a contest, a campaign, a
`tổng kết … giai đoạn 2016-2020` (chuyên đề); `quá trình cống hiến`, retirement
(cống hiến); `quan hệ hữu nghị, hợp tác` (đối ngoại); `niên hạn`; `kháng chiến`.
Wording that says none of these is null, never a guess — except yearly emulation titles
(Lao động tiên tiến, Chiến sĩ thi đua, Tập thể lao động xuất sắc, Cờ thi đua), which the
Law awards only for a year's results (Art. 24-28).
"""

from __future__ import annotations

import re

from extractors.text_normalize import fold
from schemas import AwardCode, CommendationMethod, ExtractedDocument, RecipientKind, RecipientRank

M = CommendationMethod
A = AwardCode

# Checked in order: the rarer, more specific methods first (a feat `đột xuất` inside a
# campaign is still đột xuất; a campaign over a school year is still the campaign).
_METHOD_PATTERNS: list[tuple[CommendationMethod, re.Pattern[str]]] = [
    (M.khang_chien, re.compile(r"\bkhang chien\b")),
    (M.nien_han, re.compile(r"\bnien han\b")),
    (
        M.doi_ngoai,
        re.compile(
            r"\b(doi ngoai|quan he huu nghi|tinh huu nghi|hop tac quoc te|huu nghi va hop tac"
            r"|huan chuong huu nghi|huy chuong huu nghi|nguoi nuoc ngoai|to chuc quoc te)\b"
        ),
    ),
    (
        M.cong_hien,
        re.compile(
            r"\b(qua trinh cong hien|co qua trinh cong tac|nghi huu|nghi che do|cong hien)\b"
        ),
    ),
    (
        M.dot_xuat,
        re.compile(r"\b(dot xuat|hanh dong dung cam|cuu nguoi|cuu tai san|xa than)\b"),
    ),
    (
        M.chuyen_de,
        re.compile(
            r"\b(chuyen de|phong trao thi dua [\"“”'‘’«]|phong trao [\"“”'‘’«]|cuoc van dong"
            r"|chien dich|ky thi|cuoc thi|hoi thi|hoi thao|hoi giang|giai doan \d{4}"
            r"|tong ket \d+ nam|chi thi so|nghi quyet so|de an|tu nam hoc \d{4}"
            r"|phong chong dich|covid)"
        ),
    ),
    (
        M.thuong_xuyen,
        re.compile(
            r"\b(nam hoc \d{4}|nam \d{4}|hoan thanh xuat sac nhiem vu|danh hieu thi dua"
            r"|tong ket nam hoc|cuoi nam hoc)\b"
        ),
    ),
]

# Titles the Law awards only for a year's results (Art. 24-28): yearly unless said otherwise.
_YEARLY = {
    A.lao_dong_tien_tien, A.chien_si_tien_tien, A.chien_si_thi_dua_co_so,
    A.chien_si_thi_dua_cap_bo, A.chien_si_thi_dua_cap_tinh, A.tap_the_lao_dong_tien_tien,
    A.tap_the_lao_dong_xuat_sac, A.don_vi_tien_tien, A.don_vi_quyet_thang,
    A.co_thi_dua_cap_bo, A.co_thi_dua_cap_tinh, A.co_thi_dua_chinh_phu,
}  # fmt: skip


def commendation_method(
    subject: str | None, reason: str | None, award_code: AwardCode | None = None
) -> CommendationMethod | None:
    """The method the reason (first) or the subject says; null when neither says one."""
    for text in (reason, subject):
        if not text:
            continue
        key = fold(text)
        for method, pattern in _METHOD_PATTERNS:
            if pattern.search(key):
                return method
    if award_code in _YEARLY:
        return M.thuong_xuyen
    return None


# Positions, highest rank first: a `Bí thư chi bộ, Hiệu trưởng` is a leader, not a teacher.
_RANK_PATTERNS: list[tuple[RecipientRank, re.Pattern[str]]] = [
    (
        RecipientRank.lanh_dao_cap_bo_tinh,
        re.compile(
            r"\b((pho )?bo truong|thu truong|(pho )?chu tich (ubnd|uy ban nhan dan|hdnd"
            r"|hoi dong nhan dan) (tinh|thanh pho truc thuoc)|(pho )?bi thu tinh uy"
            r"|(pho )?bi thu thanh uy|tong cuc truong)\b"
        ),
    ),
    (
        RecipientRank.doanh_nhan,
        re.compile(
            r"\b(tong giam doc|(pho )?giam doc (cong ty|doanh nghiep|tap doan|ngan hang)"
            r"|chu tich (hoi dong quan tri|hdqt|hoi dong thanh vien|cong ty)"
            r"|chu doanh nghiep|chu nhiem hop tac xa|doanh nhan)\b"
        ),
    ),
    (
        RecipientRank.lanh_dao_cap_vu_so,
        re.compile(
            r"\b((pho )?vu truong|(pho )?cuc truong|(pho )?giam doc so|(pho )?chanh van phong"
            r" (bo|ubnd tinh|uy ban nhan dan tinh)|(pho )?chu tich (ubnd|uy ban nhan dan)"
            r" (huyen|quan|thi xa))\b"
        ),
    ),
    (
        RecipientRank.lanh_dao_khac,
        re.compile(
            r"\b((pho )?truong phong|(pho )?hieu truong|(pho )?giam doc|(pho )?chu tich"
            r"|(pho )?bi thu|(pho )?truong khoa|(pho )?truong ban|(pho )?chanh van phong"
            r"|(pho )?chanh thanh tra|(pho )?thu truong|(pho )?truong tram|(pho )?vien truong"
            r"|(pho )?chu nhiem)\b"
        ),
    ),
    (
        RecipientRank.truc_tiep,
        re.compile(
            r"\b(giao vien|giang vien|nhan vien|chuyen vien|can bo|cong chuc|vien chuc"
            r"|cong nhan|nong dan|bac si|y si|duoc si|dieu duong|ho sinh|ke toan|thu quy"
            r"|thu vien|hoc sinh|sinh vien|hoc vien|chien si|to truong|to pho|lao dong"
            r"|ky su|ky thuat vien|bao ve|van thu|tong phu trach)\b"
        ),
    ),
]
_BUSINESS = re.compile(
    r"^(tong cong ty|cong ty|tap doan|doanh nghiep|hop tac xa|ngan hang thuong mai)\b"
)
_HOUSEHOLD = re.compile(r"^(ho gia dinh|gia dinh (ong|ba|anh|chi)\b)")


def recipient_rank(kind: RecipientKind, name: str, position: str | None) -> RecipientRank | None:
    """An individual's rank from the position as printed; a business or household for a
    collective whose name says so; null when nothing printed says it."""
    if kind is RecipientKind.collective:
        key = fold(name)
        if _HOUSEHOLD.match(key):
            return RecipientRank.ho_gia_dinh
        if _BUSINESS.match(key):
            return RecipientRank.doanh_nghiep
        return None
    if not position:
        return None
    key = fold(position)
    for rank, pattern in _RANK_PATTERNS:
        if pattern.search(key):
            return rank
    return None


def annotate(document: ExtractedDocument) -> None:
    """Fill each award's method and each recipient's rank where the document says them
    (values already set, by a reader that knew better, are kept)."""
    for award in document.awards:
        if award.commendation_method is None:
            award.commendation_method = commendation_method(
                document.subject, award.reason, award.award_code
            )
        recipient = award.recipient
        if recipient.rank is None:
            recipient.rank = recipient_rank(recipient.kind, recipient.name, recipient.position)
