"""The audit log as CSV, for people who keep it outside tdkt."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from service.formula_safe import csv_value

COLUMNS = ("id", "at", "actor", "client", "action", "target", "detail", "entry_hash")


def _cells(row: dict[str, Any]) -> list[str]:
    detail = row["detail"]
    row = {**row, "detail": "" if detail is None else json.dumps(detail, ensure_ascii=False)}
    return ["" if row[c] is None else csv_value(str(row[c])) for c in COLUMNS]


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(_cells(row))


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The same CSV a line at a time, for a streamed download (BOM first, for Excel)."""

    class _Line:
        text = ""

        def write(self, value: str) -> int:
            self.text += value
            return len(value)

    line = _Line()
    writer = csv.writer(line)
    writer.writerow(COLUMNS)
    yield "\ufeff" + line.text
    for row in rows:
        line.text = ""
        writer.writerow(_cells(row))
        yield line.text
