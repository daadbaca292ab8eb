"""CSV written as a stream of text chunks, with the BOM that makes Excel read UTF-8, and
no cell a spreadsheet would run as a formula (`service.formula_safe`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from service.formula_safe import csv_value

BOM = "\ufeff"


def csv_chunks(
    header: Sequence[str], rows: Iterable[Sequence[Any]], rows_per_chunk: int = 500
) -> Iterator[str]:
    """A BOM, the header, then the rows (None as empty), a few hundred per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(header)
    for i, row in enumerate(rows, start=1):
        writer.writerow(["" if value is None else csv_value(value) for value in row])
        if i % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
