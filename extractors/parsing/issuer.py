"""The issuing body from the header's left block or the authority line, with how sure.

Headers print the body many ways: one line (`ỦY BAN NHÂN DÂN TỈNH X`), split after the
body (`ỦY BAN NHÂN DÂN` / `TỈNH X`), under its parent (`UBND HUYỆN X` / `PHÒNG GIÁO DỤC
VÀ ĐÀO TẠO`), wrapped (`SỞ LAO ĐỘNG -` / `THƯƠNG BINH VÀ XÃ HỘI`), abbreviated (`SỞ GD&ĐT`,
`UBND TP. X`). The record names the body in full with its locality (`Phòng Giáo dục và
Đào tạo huyện X`); the parent stays as printed, in usual case (`UBND huyện X`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.parsing.org_names import organization_case
from extractors.text_normalize import clean_text, fold

_LOCALITY = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+\S.*$")
_LOCALITY_LINE = re.compile(
    r"^(tinh|thanh pho|tp\s*\.|huyen|quan|thi xa|tx\s*\.|xa|phuong|thi tran|dac khu)\s*\S"
)
_DEPARTMENT = re.compile(
    r"^(so|phong|ban|van phong|chi cuc|cuc|thanh tra|hoi dong|cong an|"
    r"trung tam|lien doan lao dong|doan thanh nien|hoi)\b"
)
_BODY_WITHOUT_PLACE = re.compile(
    r"^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|dang uy|dang bo|ban chap hanh|"
    r"so|phong)\b"
)
# Abbreviations a header uses for the issuer itself; its parent keeps them as printed.
_EXPANSIONS = (
    (re.compile(r"\bUBND\b"), "ỦY BAN NHÂN DÂN"),
    (re.compile(r"\bHĐND\b"), "HỘI ĐỒNG NHÂN DÂN"),
    (re.compile(r"\bGD\s*&\s*ĐT\b|\bGDĐT\b|\bGD-ĐT\b"), "GIÁO DỤC VÀ ĐÀO TẠO"),
    (re.compile(r"\bLĐ\s*-\s*TB\s*&\s*XH\b|\bLĐTBXH\b"), "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    (re.compile(r"\bTP\s*\.\s*"), "THÀNH PHỐ "),
    (re.compile(r"\bTX\s*\.\s*"), "THỊ XÃ "),
    (re.compile(r"\bTT\s*\.\s*"), "THỊ TRẤN "),
)
_JOIN_AFTER = re.compile(r"(?:\s[-–&]|\sVÀ|,)\s*$", re.IGNORECASE)
_JOIN_BEFORE = re.compile(r"^(?:va|&|-|–)\s")
# A printed e-signing stamp (`Cơ quan: …`, `Giờ ký: …`) is no part of the header.
E_SIGN_STAMP = re.compile(
    r"^(co quan|nguoi ky|gio ky|thoi gian ky|ky boi|email|ngay ky|chuc vu|"
    r"ky so|signature valid|digitally signed)\s*:"
)

# How far a record's issuer can be trusted, by how it was built.
SURE = 0.95
FROM_AUTHORITY = 0.85
BARE_PLACE = 0.5  # a locality alone (`Tỉnh Quảng Ninh`) is no body
BARE_BODY = 0.6  # a body without its place (`Sở Giáo dục và Đào tạo`)


@dataclass(frozen=True)
class IssuerReading:
    issuer: str | None
    parent: str | None
    confidence: float


def expand(text: str) -> str:
    """`SỞ GD&ĐT` → `SỞ GIÁO DỤC VÀ ĐÀO TẠO`, `UBND TP. X` → `ỦY BAN NHÂN DÂN THÀNH PHỐ X`."""
    if not text.isupper():
        return text
    for pattern, full in _EXPANSIONS:
        text = pattern.sub(full, text)
    return " ".join(text.split())


def _joined(block: list[str]) -> list[str]:
    """Header lines with wrapped names joined (`SỞ LAO ĐỘNG -` / `THƯƠNG BINH …`) and a
    locality line glued to the body above it (`ỦY BAN NHÂN DÂN` / `TỈNH X`)."""
    lines: list[str] = []
    for raw in block:
        text = clean_text(raw).strip(" _")
        if not text or not re.search(r"\w", text):
            continue
        folded = fold(text)
        if E_SIGN_STAMP.match(folded):
            continue
        if lines and (_JOIN_AFTER.search(lines[-1]) or _JOIN_BEFORE.match(folded)):
            lines[-1] = f"{lines[-1]} {text}"
            continue
        previous = fold(lines[-1]) if lines else ""
        if previous in ("thu tuong", "chu tich") and folded.startswith(("chinh phu", "nuoc")):
            lines[-1] = f"{lines[-1]} {text}"  # `THỦ TƯỚNG` / `CHÍNH PHỦ`: one authority
            continue
        if (
            lines
            and len(folded.split()) <= 2
            and not (_DEPARTMENT.match(folded) or _BODY_WITHOUT_PLACE.match(folded))
            and not _LOCALITY_LINE.match(folded)
            and _LOCALITY.search(organization_case(lines[-1]))
            and text.isupper()
        ):
            lines[-1] = f"{lines[-1]} {text}"  # `… THÀNH PHỐ CẦN` / `THƠ`: a place wrapped
            continue
        if (
            lines
            and _LOCALITY_LINE.match(folded)
            and _BODY_WITHOUT_PLACE.match(previous)
            and not _LOCALITY.search(organization_case(lines[-1]))
        ):
            lines[-1] = f"{lines[-1]} {text}"
            continue
        lines.append(text)
    return [line.strip(" -") for line in lines]


def _locality_of(parent_line: str) -> str | None:
    found = _LOCALITY.search(organization_case(expand(parent_line)))
    return found.group(0) if found else None


def issuer_from_block(block: list[str]) -> IssuerReading:
    """Issuer and parent from the header's left block lines (top to bottom)."""
    lines = _joined(block)
    if not lines:
        return IssuerReading(None, None, 0.0)
    issuer_line = lines[-1]
    parent_line = lines[-2] if len(lines) > 1 else None
    issuer = organization_case(expand(issuer_line))
    folded = fold(issuer)
    if folded.startswith("thu tuong chinh phu"):
        return IssuerReading("Thủ tướng Chính phủ", None, SURE)
    confidence = SURE
    if _LOCALITY_LINE.match(fold(issuer_line)):
        confidence = BARE_PLACE
    has_place = bool(_LOCALITY.search(issuer))
    if _DEPARTMENT.match(folded) and not has_place:
        locality = _locality_of(parent_line) if parent_line else None
        if locality:
            issuer = f"{issuer} {locality}"
        elif folded.startswith(("so ", "phong ")):
            confidence = min(confidence, BARE_BODY)
    elif _BODY_WITHOUT_PLACE.match(folded) and not has_place:
        confidence = min(confidence, BARE_BODY)
    if len(lines) > 2:
        confidence = min(confidence, 0.9)
    parent = organization_case(parent_line) if parent_line else None
    return IssuerReading(issuer, parent, confidence)


def is_bare_body(issuer: str) -> bool:
    """A body that needs its place and lacks it (`Sở Giáo dục và Đào tạo`)."""
    return bool(_BODY_WITHOUT_PLACE.match(fold(issuer))) and not _LOCALITY.search(issuer)
