"""The stamp an e-signed document prints where it was signed, read from its text.

A scan or print of a digitally signed decision shows `Cơ quan: UBND tỉnh … / Giờ ký:
22/05/2025 10:15:30` in the signature block instead of a pen signature; when the date
line cannot be read, that time is the document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from extractors.parsing.items import LineItem

# On the folded text: OCR often loses the marks (`Gio ky`) or the colon.
_STAMP = re.compile(
    r"\bgio\s*ky\s*[:.]?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
    r"(?:\s+(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2}))?)?"
)


@dataclass(frozen=True)
class SigningStamp:
    signed: datetime | date
    line: LineItem

    @property
    def day(self) -> date:
        return self.signed.date() if isinstance(self.signed, datetime) else self.signed


def find_signing_stamp(lines: list[LineItem]) -> SigningStamp | None:
    """The first `Giờ ký: dd/mm/yyyy hh:mm:ss` whose date exists; None when there is none."""
    for line in lines:
        match = _STAMP.search(line.folded)
        if match is None:
            continue
        day, month, year, hour, minute, second = match.groups()
        try:
            signed: datetime | date = date(int(year), int(month), int(day))
            if hour is not None:
                signed = datetime(
                    int(year), int(month), int(day), int(hour), int(minute), int(second or 0)
                )
        except ValueError:
            continue  # 31/02 or 25:00: misread digits, not a time
        return SigningStamp(signed, line)
    return None
