"""The period an award is for: a school year `2019-2020`, a span `2016-2020`, a year `2024`.

Years inside dates (`ngày 5/9/2023`), document numbers (`42/2010/NĐ-CP`) and law
citations (`Luật … năm 2003`) are not periods and are masked first. Among the rest, the
period of the achievement sentence wins (after `thành tích`, `Tặng`, `danh hiệu`); a
`Căn cứ …` basis is the last resort.
"""

from __future__ import annotations

import re

from extractors.dates import iter_dates
from extractors.text_normalize import fold_aligned, nfc

_YEAR = r"(?:19|20)\d{2}"
# a dash, as printed or as OCR reads it (`2017 —- 2018`, `2021 ~2022`), or a slash
_SEP = r"(?:\s*(?:[-\u2010\u2011\u2013\u2014~]\s*){1,3}|\s*/\s*)"
# `từ năm học 2020-2021 đến năm học 2024-2025` → 2020-2025.
_SPAN = re.compile(
    rf"\btu\s+(?:nam\s+hoc|nam)\s+(?P<a>{_YEAR})(?:{_SEP}{_YEAR})?\s*,?\s*den\s+"
    rf"(?:nam\s+hoc|nam)\s+(?:{_YEAR}{_SEP})?(?P<b>{_YEAR})(?!\d)"
)
_RANGE = re.compile(rf"(?<![\d/.])(?P<a>{_YEAR}){_SEP}(?P<b>{_YEAR})(?![\d/])")
# `năm học 2017 2018`: the hyphen lost in PDF extraction, only trusted after `năm học`.
_SCHOOL_YEAR_NO_DASH = re.compile(rf"\bnam\s+hoc\s*:?\s*(?P<a>{_YEAR})\s+(?P<b>{_YEAR})(?!\d)")
_SINGLE = re.compile(rf"\bnam\s*:?\s*(?P<a>{_YEAR})(?![\d/-])")
_NUMBER_WITH_YEAR = re.compile(rf"\d+\s*/\s*{_YEAR}\s*/\s*[\w&-]+|\b\d+/[\w&.-]*{_YEAR}\b")
_LAW_CITATION = re.compile(
    rf"\b(?:luat|nghi dinh|thong tu|nghi quyet|hien phap|phap lenh|bo luat)\b[^;\n]{{0,60}}?"
    rf"\bnam\s+{_YEAR}"
)
_ACHIEVEMENT = re.compile(r"\b(?:thanh tich|tang|tang thuong|danh hieu|hoan thanh)\b")
_BASIS = re.compile(r"\bcan cu\b[^;\n]*")


def _masked(text: str) -> str:
    """Fold `text` and blank out dates, numbers and law citations (offsets preserved)."""
    key = list(fold_aligned(nfc(text)))
    spans = [(s, e) for s, e, _ in iter_dates(text)]
    joined = "".join(key)
    spans += [m.span() for m in _NUMBER_WITH_YEAR.finditer(joined)]
    spans += [m.span() for m in _LAW_CITATION.finditer(joined)]
    # `tháng 5 năm 2021`: a month of a date, not a year of achievement.
    spans += [m.span() for m in re.finditer(rf"\bthang\s*\d{{0,2}}\s*nam\s+{_YEAR}", joined)]
    for start, end in spans:
        for i in range(start, end):
            key[i] = " "
    return "".join(key)


def _candidates(key: str) -> list[tuple[int, int, str]]:
    """(position, rank, period); lower rank = more specific wording."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _SPAN.finditer(key):
        a, b = int(m.group("a")), int(m.group("b"))
        if a < b <= a + 30:
            found.append((m.start(), 0, f"{a}-{b}"))
            taken.append(m.span())
    for pattern in (_RANGE, _SCHOOL_YEAR_NO_DASH):
        for m in pattern.finditer(key):
            if any(s <= m.start() < e for s, e in taken):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            if not a < b <= a + 30:
                continue
            head = key[max(0, m.start() - 20) : m.start()]
            keyword = re.search(r"(nam hoc|giai doan|nhiem ky|nam)\s*:?\s*$", head)
            found.append((m.start(), 1 if keyword else 2, f"{a}-{b}"))
            taken.append(m.span())
    for m in _SINGLE.finditer(key):
        if any(s <= m.start("a") < e for s, e in taken):
            continue
        found.append((m.start(), 3, m.group("a")))
    return found


def find_period(text: str) -> str | None:
    """The award's period as `YYYY-YYYY` or `YYYY`, or None when the text states none."""
    key = _masked(text)
    candidates = _candidates(key)
    if not candidates:
        return None
    basis = [m.span() for m in _BASIS.finditer(key)]
    achievement = _ACHIEVEMENT.search(key)
    achievement_at = achievement.start() if achievement else None

    def order(item: tuple[int, int, str]) -> tuple[int, int, int]:
        position, rank, _ = item
        in_basis = any(s <= position < e for s, e in basis)
        after_achievement = achievement_at is not None and position >= achievement_at
        context = 2 if in_basis else (0 if after_achievement else 1)
        return context, rank, position

    return min(candidates, key=order)[2]
