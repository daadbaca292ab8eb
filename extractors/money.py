"""Prize money as printed: `1.490.000 đồng`, `2.500 nghìn đồng`, `12 triệu đồng`, `500.000đ`.

Only what the document prints (domain/TAXONOMY.md "Money"): a dotted placeholder
(`tiền thưởng ……………`) is no amount. When several amounts appear, the one after
`tiền thưởng`/`mức thưởng`/`được thưởng` wins over a unit price (`trị giá 36.000 đồng/1 HS`).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extractors.text_normalize import fold_aligned, nfc

_MULTIPLIERS = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 1_000_000_000}
_AMOUNT = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?P<g>[.,\s])\d{3}(?:(?P=g)\d{3})*(?!\d)|\d+(?:[.,]\d{1,2})?)"
    r"\s*(?P<mult>nghin|ngan|trieu|ty)?\s*"
    r"(?P<unit>dong|vnd|d)(?![a-z0-9]|/c)"
)
_PRIZE_CUE = re.compile(r"\b(?:tien thuong|muc thuong|duoc thuong|thuong)\b")


def _value(number: str, multiplier: str | None) -> int | None:
    factor = _MULTIPLIERS.get(multiplier or "", 1)
    if re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", number):  # thousands groups: `1.490.000`
        return int(re.sub(r"\D", "", number)) * factor
    try:
        amount = Decimal(number.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        return None
    if amount != amount.to_integral_value() and factor == 1:
        return None  # `1,5 đồng` is no prize
    return int(amount * factor)


def iter_amounts(text: str) -> list[tuple[int, int, int]]:
    """Every amount in `text` as (start, end, value in đồng)."""
    key = fold_aligned(nfc(text))
    found = []
    for m in _AMOUNT.finditer(key):
        value = _value(m.group("num"), m.group("mult"))
        if value and value >= 1_000:  # `07 đ/c`, `Điều 5 đ`: no prize is under 1.000 đồng
            found.append((m.start(), m.end(), value))
    return found


def find_amount_vnd(text: str) -> int | None:
    """The prize amount in đồng printed in `text`, or None when none is printed."""
    amounts = iter_amounts(text)
    if not amounts:
        return None
    key = fold_aligned(nfc(text))
    for cue in _PRIZE_CUE.finditer(key):
        following = [a for a in amounts if a[0] >= cue.end() and a[0] - cue.end() <= 80]
        if following:
            return following[0][2]
    return amounts[0][2]
