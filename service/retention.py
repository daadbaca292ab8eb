"""How long a document must be kept, from its issuer's level and its kind.

Award records of the President's or the Prime Minister's decisions (issuer level
`trung_uong`) are kept forever (vĩnh viễn); a ministry's or a province's for twenty years,
a district's, commune's or school's for ten. The table is a setting (`TDKT_RETENTION`, a
JSON object): a key is an issuer level (`tinh`), or a level and a document kind
(`tinh/certificate`), which wins over the level alone; `*` is every other document. A
value is a number of years or `"permanent"`. A document whose level is not known is kept
forever unless the table says otherwise: not knowing is no reason to destroy.

The years are counted from the year of the decision's date (the upload's when none was
read): a twenty-year record of a 2004 decision is kept through the end of 2024.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.db.models import Decision, Document

PERMANENT = "permanent"
DEFAULT_RETENTION: dict[str, int | str] = {
    "trung_uong": PERMANENT,
    "bo": 20,
    "tinh": 20,
    "huyen": 10,
    "xa": 10,
    "co_so": 10,
    "*": PERMANENT,
}


@dataclass(frozen=True)
class Retention:
    years: int | None  # None: permanent
    rule: str  # the key of the table that gave it
    until: date | None  # the last day it must be kept; None: never ends

    @property
    def permanent(self) -> bool:
        return self.years is None

    @property
    def label(self) -> str:
        return "vĩnh viễn" if self.years is None else f"{self.years} năm"

    def expired(self, today: date | None = None) -> bool:
        return self.until is not None and (today or date.today()) > self.until


def check_table(table: dict[str, int | str]) -> dict[str, int | str]:
    """The defaults with the keys given replaced; a value neither years nor `permanent`
    is refused."""
    for key, value in table.items():
        if value != PERMANENT and not (isinstance(value, int) and 0 <= value <= 1000):
            raise ValueError(f"retention {key!r}: give a number of years or {PERMANENT!r}")
    return {**DEFAULT_RETENTION, **table}


def retention_of(
    table: dict[str, int | str], document: Document, decision: Decision | None
) -> Retention:
    """The document's retention under the table."""
    level = decision.issuer_level if decision else None
    kind = (decision.document_type if decision else None) or document.document_type
    for key in (f"{level}/{kind}", str(level), "*"):
        if level is None and key != "*":
            continue
        if key in table:
            value = table[key]
            break
    else:
        key, value = "*", PERMANENT
    if value == PERMANENT:
        return Retention(None, key, None)
    years = int(value)
    start = decision.date if decision and decision.date else document.created_at.date()
    return Retention(years, key, date(start.year + years, 12, 31))
