"""What a typed query means: award wording becomes codes, a school year a period, a
name loses its honorific.

Staff type the way they speak: `cstd co so 2019-2020 nguyen khuyen`, `bang khen tinh`,
`cô Nguyễn Thị Thanh Xuân`. The award words and the year are conditions on columns, not
words to look for in a row, so they are taken out of the text and turned into filters;
what is left is searched as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.taxonomy import match_awards
from extractors.text_normalize import fold_aligned, nfc
from schemas import AwardCode

A = AwardCode

# A form printed without its owner (`Bằng khen`, `Cờ thi đua`) and the word a user adds
# for the level: `bang khen tinh` is the province's.
_LEVELLED: dict[str, dict[str, AwardCode]] = {
    "bang khen": {
        "tinh": A.bang_khen_cap_tinh, "thanh pho": A.bang_khen_cap_tinh,
        "ubnd": A.bang_khen_cap_tinh, "bo": A.bang_khen_cap_bo, "nganh": A.bang_khen_cap_bo,
        "thu tuong": A.bang_khen_thu_tuong, "chinh phu": A.bang_khen_thu_tuong,
        "ttcp": A.bang_khen_thu_tuong,
    },
    "co thi dua": {
        "tinh": A.co_thi_dua_cap_tinh, "thanh pho": A.co_thi_dua_cap_tinh,
        "bo": A.co_thi_dua_cap_bo, "nganh": A.co_thi_dua_cap_bo,
        "chinh phu": A.co_thi_dua_chinh_phu,
    },
}  # fmt: skip
_OWNER_WORDS = re.compile(
    r"\s*(cap\s+|cua\s+)?(thanh pho|thu tuong|chinh phu|ttcp|tinh|bo|nganh|ubnd)\b"
)

_PERIOD = re.compile(r"\b(?:nam\s+(?:hoc\s+)?)?((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:nam\s+(?:hoc\s+)?)?((?:19|20)\d\d)\b(?!\s*/)")

# Words said before a name that are not part of it (folded, longest first).
_HONORIFICS = sorted(
    [
        "ong", "ba", "anh", "chi", "thay", "co", "em", "d/c", "d c", "dc", "dong chi",
        "thay giao", "co giao", "nha giao uu tu", "nha giao nhan dan", "ngut", "ngnd",
        "ts", "ths", "pgs ts", "pgs", "gs ts", "gs", "bs", "bac si", "ks", "cn",
    ],
    key=len,
    reverse=True,
)  # fmt: skip


@dataclass(frozen=True)
class ParsedQuery:
    """Free text split into what is left to search and the conditions it named."""

    text: str | None
    award_codes: tuple[str, ...] = ()
    period: str | None = None
    year: int | None = None


def _codes_of(folded: str, start: int, end: int, code: AwardCode) -> tuple[tuple[str, ...], int]:
    """Codes an award phrase means and where it really ends (an owner word may follow)."""
    head = folded[start:end]
    for form, levels in _LEVELLED.items():
        if code is A.other and head.startswith(form):
            owner = _OWNER_WORDS.match(folded, end)
            if owner:
                return (levels[owner.group(2)].value,), owner.end()
            return tuple(sorted({c.value for c in levels.values()})), end
    if code is A.other:
        return (), end
    return (code.value,), end


def parse_text(q: str) -> ParsedQuery:
    """`cstd co so 2019-2020 nguyen khuyen` → codes, period `2019-2020`, text `nguyen khuyen`."""
    text = nfc(q)
    folded = fold_aligned(text)
    codes: list[str] = []
    cuts: list[tuple[int, int]] = []
    for match in match_awards(text):
        found, end = _codes_of(folded, match.start, match.end, match.code)
        if found:
            codes.extend(c for c in found if c not in codes)
            cuts.append((match.start, end))
    period = year = None
    if found_period := _PERIOD.search(folded):
        first, last = int(found_period.group(1)), int(found_period.group(2))
        if last == first + 1:
            period = f"{first}-{last}"
            cuts.append(found_period.span())
    elif found_year := _YEAR.search(folded):
        year = int(found_year.group(1))
        cuts.append(found_year.span())
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + " " + text[end:]
    rest = " ".join(text.split())
    return ParsedQuery(rest or None, tuple(codes), period, year)


def strip_honorific(name: str) -> str:
    """`cô Nguyễn Thị Thanh Xuân` → `Nguyễn Thị Thanh Xuân`; a name of one word stays."""
    text = " ".join(nfc(name).split())
    while True:
        folded = fold_aligned(text)
        for title in _HONORIFICS:
            if folded.startswith(title + " ") or folded.startswith(title + ". "):
                rest = text[len(title) :].lstrip(" .")
                if len(rest.split()) >= 2:
                    text = rest
                    break
        else:
            return text
