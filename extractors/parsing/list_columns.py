"""Column roles of an award list, from its header cells or header words.

Lists name their columns many ways (`Họ và tên`, `Họ tên`, `Tên tập thể`,
`Họ và tên, chức vụ, đơn vị công tác`, `Đơn vị công tác`, `Danh hiệu`, `Số tiền`);
a role per column is what the row parser needs.
"""

from __future__ import annotations

import re
from enum import StrEnum

from rapidfuzz import fuzz

from extractors.text_normalize import fold


class Role(StrEnum):
    number = "number"
    name = "name"
    combined = "combined"
    position = "position"
    unit = "unit"
    award = "award"
    amount = "amount"
    period = "period"
    note = "note"


_LABELS: list[tuple[Role, tuple[str, ...]]] = [
    (Role.number, ("stt", "tt", "so tt", "so thu tu", "s tt")),
    (Role.position, ("chuc vu", "chuc danh", "nghe nghiep", "chuc vu/chuc danh")),
    (Role.unit, ("don vi", "noi cong tac", "co quan", "don vi cong tac", "truong", "lop")),
    (
        Role.award,
        (
            "danh hieu",
            "danh hieu thi dua",
            "hinh thuc",
            "hinh thuc khen thuong",
            "muc khen",
            "giai",
            "dat giai",
            "giai thuong",
            "xep giai",
            "thanh tich",
        ),
    ),
    (Role.amount, ("so tien", "tien thuong", "muc thuong", "thanh tien", "muc tien")),
    (Role.period, ("nam hoc",)),
    (Role.note, ("ghi chu",)),
    (
        Role.name,
        (
            "ho va ten",
            "ho ten",
            "ten tap the",
            "tap the",
            "ten don vi",
            "ca nhan",
            "ten",
            "ho va ten/ten tap the",
            "ten tap the, ca nhan",
        ),
    ),
]


def role_of(label: str) -> Role | None:
    """The role a header cell names, or None when it names none."""
    folded = " ".join(fold(label).replace("\n", " ").split()).strip(" .:")
    if not folded:
        return None
    has_name = "ho va ten" in folded or "ho ten" in folded or "ten tap the" in folded
    if has_name and ("chuc vu" in folded or "don vi" in folded or "noi cong tac" in folded):
        return Role.combined
    if has_name:
        return Role.name
    for role, labels in _LABELS:
        words = len(folded.split())
        if folded in labels or any(
            folded.startswith(label + " ") and words <= len(label.split()) + 2
            for label in labels
            if len(label) > 3
        ):
            return role
    return None


def header_roles(cells: list[str]) -> list[Role | None] | None:
    """Roles of a header row, or None when the row is not a list header.

    A header OCR misread (`mờ Hạ và tên. ¬ | Chứcvụ | Ghỉ chủ`) is still read when, word
    for word, its cells come close to the labels: the row must then name at least three
    columns, one of them the name, so a data row never passes for a header."""
    if any(re.fullmatch(r"\s*\d{1,3}\s*[.)]?\s*", cell) for cell in cells):
        return None  # a numbered data row, whatever its cells say
    roles = [role_of(cell) for cell in cells]
    if _is_header(roles, 2):
        return roles
    near = [role or _near_role(cell) for role, cell in zip(roles, cells, strict=True)]
    return near if _is_header(near, 3) else None


def _is_header(roles: list[Role | None], least: int) -> bool:
    named = [r for r in roles if r is not None]
    return (Role.name in named or Role.combined in named) and len(named) >= least


NEAR_LABEL = 80  # rapidfuzz ratio (0-100) of a misread header cell to a label


def _near_role(cell: str) -> Role | None:
    """The role whose label a misread header cell comes closest to, if close enough."""
    words = _header_words(cell).split()
    best: tuple[float, Role | None] = (0.0, None)
    for role, labels in _LABELS:
        for label in labels:
            if len(label) > 4:  # `stt`, `ten`: too short to match inexactly
                best = max(best, (_nearness(words, label), role), key=lambda b: b[0])
    return best[1] if best[0] >= NEAR_LABEL else None


def _header_words(cell: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", fold(cell)).split())


def _nearness(words: list[str], label: str) -> float:
    """How close the cell's best run of as many words as the label comes to it (0-100)."""
    size = len(label.split())
    return max(
        (
            fuzz.ratio(" ".join(words[start : start + size]), label)
            for start in range(max(1, len(words) - size + 1))
        ),
        default=0.0,
    )


def names_persons(cell: str) -> bool | None:
    """Whether a name column's header names persons (`Họ và tên`, misread `Hạ và tên`:
    True) or bodies (`Tên tập thể`: False); None when it says neither."""
    words = _header_words(cell)
    if "ten tap the" in words or words == "tap the":
        return False
    if "ho va ten" in words or "ho ten" in words:
        return True
    near = any(_nearness(words.split(), label) >= NEAR_LABEL for label in ("ho va ten", "ho ten"))
    return True if near else None
