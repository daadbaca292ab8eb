"""Fields a form prints after their labels: `Họ và tên: …`, `Chức vụ: …`, `Danh hiệu: …`.

Certificates of many schools and districts are forms (`Ông (Bà): Nguyễn Văn A` /
`Chức vụ: Giáo viên` / `Đơn vị: Trường THCS …` / `Năm học: 2022 - 2023`, or for a pupil
`Em: …` / `Học sinh lớp: 9A1` / `Đã đạt: Giải Nhì môn Toán`). Read by its label, each
value lands in its field, and no label ever becomes part of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from extractors.parsing.items import LineItem
from extractors.text_normalize import fold


class Field(StrEnum):
    name = "name"
    position = "position"
    unit = "unit"
    award = "award"
    reason = "reason"
    period = "period"


# Folded labels, longest first within each field so `don vi cong tac` beats `don vi`.
_LABELS: dict[Field, tuple[str, ...]] = {
    Field.name: (
        "ong (ba)",
        "ong/ba",
        "ong, ba",
        "ba (ong)",
        "ho va ten",
        "ho ten",
        "ten tap the",
        "tap the",
        "dong chi",
        "d/c",
        "em",
        "ong",
        "ba",
    ),
    Field.position: ("chuc vu", "chuc danh", "chuc vu, don vi"),
    Field.unit: (
        "don vi cong tac",
        "noi cong tac",
        "don vi",
        "hoc sinh lop",
        "lop",
        "truong",
    ),
    Field.award: ("danh hieu", "da dat", "dat giai", "dat danh hieu", "giai", "hinh thuc"),
    Field.reason: ("da co thanh tich", "thanh tich", "ve thanh tich", "vi da co thanh tich"),
    Field.period: ("nam hoc", "nam"),
}
_LABEL_LINE = re.compile(r"^(?P<label>[^:]{1,24}?)\s*:\s*(?P<value>\S.*)$")


@dataclass(frozen=True)
class LabelledField:
    field: Field
    label: str
    value: str
    line: LineItem


def _field_of(label: str) -> Field | None:
    key = " ".join(fold(label).split())
    for field, labels in _LABELS.items():
        if key in labels:
            return field
    return None


def labelled_fields(lines: list[LineItem]) -> dict[Field, LabelledField]:
    """The first value printed after each known label, with its line."""
    found: dict[Field, LabelledField] = {}
    for line in lines:
        split = _split_label(line.text.strip())
        if split is None:
            continue
        field, label, value = split
        if field in found:
            continue
        value = value.strip(" .;")
        if field is Field.name:
            value = _INNER_SPECK.sub("", value)
        if value:
            found[field] = LabelledField(field, label, value, line)
    return found


_INNER_SPECK = re.compile(r"(?<=[^\W\d_]{2})[.,:](?=\s+[A-ZĐÀ-Ỹ])")  # `Hoàng Ngọc. Cúc`
MAX_LABEL = 28  # characters before a label's colon, specks included


def _split_label(text: str) -> tuple[Field, str, str] | None:
    """(field, label, value) of a labelled line; OCR's specks inside the label (`Họ: và
    tên: …`, `Đơn VỊ. : …`) do not hide it: each colon in reach is tried, last first."""
    match = _LABEL_LINE.match(text)
    if match is not None:
        field = _field_of(match.group("label"))
        if field is not None:
            return field, match.group("label"), match.group("value")
    colons = [i for i, c in enumerate(text[:MAX_LABEL]) if c == ":"]
    for at in reversed(colons):
        label = re.sub(r"[:.]", " ", text[:at])
        value = text[at + 1 :].strip()
        field = _field_of(label)
        if field is not None and value:
            return field, " ".join(label.split()), value
    return None


def is_form(found: dict[Field, LabelledField]) -> bool:
    """A name under its label and at least one more labelled field."""
    return Field.name in found and len(found) >= 2


def reason_text(found: dict[Field, LabelledField]) -> str | None:
    """`Đã có thành tích: xuất sắc …` → `Đã có thành tích xuất sắc …`."""
    item = found.get(Field.reason)
    if item is None:
        return None
    label = item.label.strip()
    if fold(label) in ("thanh tich", "ve thanh tich"):
        return item.value[:1].upper() + item.value[1:]
    return f"{label} {item.value}"
