"""What a DOCX may expand to, checked from its ZIP directory before any part is inflated.

python-docx inflates every part into memory and parses the XML ones into trees (some ten
times their size), so a small file whose image part claims gigabytes, or whose
`document.xml` is 100 MB of repeated runs, would take the process down. The directory's
sizes are checked first; Python's `zipfile` then stops inflating a part at its declared
size and fails its CRC, so a directory that lies cannot smuggle in more.
"""

from __future__ import annotations

import io
import zipfile

from extractors.errors import CorruptFileError, TooLargeError

MAX_XML_PART = 32 * 1024 * 1024  # a 5,000-row award list is a few MB of XML
MAX_PART = 64 * 1024 * 1024  # an embedded photo or scan
MAX_TOTAL = 160 * 1024 * 1024  # every part together, inflated
MAX_PARTS = 2_000
MAX_RATIO = 200  # an honest part shrinks 5-20 times; bombs shrink thousands of times
_RATIO_FLOOR = 1024 * 1024  # small parts may shrink as they like


def check_docx_budget(data: bytes) -> None:
    """Raise `TooLargeError` when the DOCX would inflate past the budget, `CorruptFileError`
    when it is not a ZIP at all."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptFileError(f"the DOCX cannot be read: {exc}") from exc
    if len(infos) > MAX_PARTS:
        raise TooLargeError(f"the DOCX has {len(infos)} parts; the limit is {MAX_PARTS}")
    total = 0
    for info in infos:
        limit = MAX_XML_PART if info.filename.endswith((".xml", ".rels")) else MAX_PART
        if info.file_size > limit:
            raise TooLargeError(
                f"the DOCX part {info.filename} inflates to {_mb(info.file_size)}; "
                f"the limit is {_mb(limit)}"
            )
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise TooLargeError(
                f"the DOCX part {info.filename} inflates {ratio} times its packed size "
                "(a decompression bomb)"
            )
        total += info.file_size
    if total > MAX_TOTAL:
        raise TooLargeError(f"the DOCX inflates to {_mb(total)}; the limit is {_mb(MAX_TOTAL)}")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"
