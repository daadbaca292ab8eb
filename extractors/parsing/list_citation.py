"""The decision an award list is attached to: `(Kèm theo Quyết định số 15/QĐ-SGDĐT ngày
3/6/2018 của Giám đốc Sở Giáo dục và Đào tạo tỉnh Bắc Giang)`.

A list archived apart from its decision (scanned on its own, or the decision's pages lost)
still says which decision it belongs to; like a certificate, its number, date and issuer
are that decision's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.dates import parse_date
from extractors.decision_numbers import find_number
from extractors.parsing.header import issuer_from_authority
from extractors.parsing.items import LineItem
from extractors.text_normalize import fold_aligned

_CITES = re.compile(r"^[\W_]{0,3}kem\s+theo\s+(quyet\s+dinh|qd)\b")
_OWNER = re.compile(r"\bcua\s+")


def is_list_title(line: LineItem) -> bool:
    """`DANH SÁCH` in capitals: the title of an award list."""
    return line.is_upper and line.folded.startswith("danh sach")


def cites_decision(line: LineItem) -> bool:
    """`(Kèm theo Quyết định số …`: the line that names the list's decision."""
    return _CITES.match(line.folded) is not None


@dataclass(frozen=True)
class CitedDecision:
    number: str | None
    date: dt.date | None
    issuer: str | None


def cited_decision(lines: list[LineItem], start: int = 0) -> CitedDecision | None:
    """The decision the `(Kèm theo Quyết định …)` line under a list's title cites, read
    with the line it wraps onto; None when the list cites none."""
    for at in range(start, min(len(lines), start + 8)):
        if not cites_decision(lines[at]):
            continue
        text = lines[at].text
        if not text.rstrip().endswith(")") and at + 1 < len(lines):
            text = f"{text} {lines[at + 1].text}"  # `… của Chủ tịch` / `UBND huyện X)`
        text = text.strip().strip("()").strip()
        owner = _OWNER.search(fold_aligned(text))
        issuer = None
        if owner is not None:
            issuer = issuer_from_authority(text[owner.end() :].strip(" .;)"))
        return CitedDecision(find_number(text), parse_date(text), issuer)
    return None
