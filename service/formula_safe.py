"""Exported values a spreadsheet must not run: text beginning with `=`, `+`, `-`, `@`, a
tab or a carriage return is a formula to Excel and LibreOffice (formula injection).

A name or unit is whatever a document or a person put there, so every exported text
goes through here: in CSV it is prefixed with `'` (OWASP's advice; the sheet shows the
text, not a result), in XLSX it is written as a text cell, never a formula.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_value(value: Any) -> Any:
    """The value as a CSV cell shows it as text: `=1+2` → `'=1+2`."""
    return "'" + value if looks_like_formula(value) else value


def xlsx_value(sheet: Any, value: Any) -> Any:
    """The value as a write-only sheet's cell: text that looks like a formula as a text
    cell (openpyxl would otherwise write `=…` as a live formula)."""
    if not looks_like_formula(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell
