"""The keys and years of an award row that follow from its printed values.

Written when a document is read and again when a person corrects a row, so a corrected
name is found by its new spelling and a corrected period by its years.
"""

from __future__ import annotations

from service import search_keys
from service.db.models import Award


def period_years(period: str | None, fallback_year: int | None) -> tuple[int | None, int | None]:
    """(first, last) calendar year an award covers: `2023-2024` → (2023, 2024)."""
    if period:
        first, _, last = period.partition("-")
        return int(first), int(last or first)
    return fallback_year, fallback_year


def set_keys(award: Award, date_year: int | None) -> None:
    """The matching keys and years that follow from an award's printed values."""
    award.name_fold = search_keys.name_fold(award.name)
    award.name_key = search_keys.name_key(award.name)
    award.unit_key = search_keys.org_key(award.unit or "") or None
    award.year_start, award.year_end = period_years(award.period, date_year)
