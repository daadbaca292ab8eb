"""Column roles of an award list, from its header cells or header words.

Lists name their columns many ways (`Họ và tên`, `Họ tên`, `Tên tập thể`,
`Họ và tên, chức vụ, đơn vị công tác`, `Đơn vị công tác`, `Danh hiệu`, `Số tiền`);
a role per column is what the row parser needs.
"""

from __future__ import annotations

import re
from enum import StrEnum

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
    """Roles of a header row, or None when the row is not a list header."""
    if any(re.fullmatch(r"\s*\d{1,3}\s*[.)]?\s*", cell) for cell in cells):
        return None  # a numbered data row, whatever its cells say
    roles = [role_of(cell) for cell in cells]
    named = [r for r in roles if r is not None]
    if (Role.name in named or Role.combined in named) and len(named) >= 2:
        return roles
    return None
